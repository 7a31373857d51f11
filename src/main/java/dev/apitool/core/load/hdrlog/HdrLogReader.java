package dev.apitool.core.load.hdrlog;

import dev.apitool.core.io.Inputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.LimitedReader;
import dev.apitool.core.json.Json;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.ReportName;
import dev.apitool.core.load.StoppedBy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * Reads a log written by {@link HdrLogWriter} into an {@link HdrLog}, line by line, strictly: any
 * line it cannot use is an {@link InputException} naming {@code file:line} and what was expected.
 * It reads the standard format (comments, {@code StartTime}, {@code BaseTime}, the legend, interval
 * lines with an optional {@code Tag=}) and apitool's summary comment; interval lines with a tag
 * other than apitool's are skipped, as standard readers skip tags they were not asked for.
 */
final class HdrLogReader {

    private static final Pattern TIME = Pattern.compile("#\\[(StartTime|BaseTime): (\\d+(?:\\.\\d+)?)(?:[ ,\\]].*)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String LEGEND = "\"StartTimestamp\"";
    private static final String FORMAT = "expected a log written by 'apitool load --hdr-log'";
    /** Timestamps below this many seconds before StartTime are relative to it (HdrHistogram's rule without BaseTime). */
    private static final double YEAR_SEC = 365.0 * 24 * 3600;
    private final String name;
    private int line;
    private long startMillis = -1;
    private long baseMillis = -1;
    /** The histograms summed over the intervals, by tag (untagged: all). */
    private final Histogram all = Measurement.histogram();
    private final Histogram success = Measurement.histogram();
    private final Histogram error = Measurement.histogram();
    private final Histogram service = Measurement.histogram();
    private final List<HdrLog.Slice> slices = new ArrayList<>();
    private ObjectNode summary;
    private int summaryLine;

    private HdrLogReader(String name) {
        this.name = name;
    }

    /**
     * Returns the log in {@code file}, named {@code name} in messages.
     *
     * @throws InputException when it cannot be read or is not such a log, naming {@code name:line}
     */
    static HdrLog read(Path file, String name) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name + ": no such file");
        } catch (IOException e) {
            throw new InputException(name + ": cannot read: " + Inputs.reason(e));
        }
    }

    /**
     * Returns the log in the bytes {@code in}, named {@code name} in messages. It is read through
     * core.io's bounded reader: a line past {@link dev.apitool.core.io.Limit#LINE} (a file that is not
     * a log, one endless line) and bytes that are not UTF-8 fail at once, with the place.
     */
    static HdrLog read(InputStream in, String name) throws IOException {
        HdrLogReader r = new HdrLogReader(name);
        BufferedReader lines = new BufferedReader(new LimitedReader(in, name, null), 1 << 16);
        for (String text; (text = lines.readLine()) != null;) {
            r.line++;
            r.line(text);
        }
        return r.finish();
    }

    private InputException fail(int at, String what) {
        return new InputException(name + ":" + at + ": " + what);
    }

    private InputException fail(String what) {
        return fail(line, what);
    }

    private void line(String text) {
        if (text.isBlank() || text.startsWith(LEGEND)) {
            return;
        }
        if (text.startsWith("#[StartTime:") || text.startsWith("#[BaseTime:")) {
            time(text);
        } else if (text.startsWith(HdrLogWriter.SUMMARY.strip())) {
            summary(text);
        } else if (!text.startsWith("#")) {
            interval(text);
        }
    }

    private void time(String text) {
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            throw fail("expected '#[" + text.substring(2, text.indexOf(':')) + ": SECONDS_SINCE_EPOCH ...]'");
        }
        long millis = Math.round(Double.parseDouble(m.group(2)) * 1000);
        if (m.group(1).equals("StartTime")) {
            if (startMillis >= 0) {
                throw fail("a second StartTime: one run per log, expected each run in its own file");
            }
            startMillis = millis;
        } else {
            baseMillis = millis;
        }
    }

    private void interval(String text) {
        if (startMillis < 0) {
            throw fail("an interval before '#[StartTime: ...]': " + FORMAT);
        }
        if (summary != null) {
            throw fail("an interval after the '#apitool-summary' line, which ends a log: " + FORMAT);
        }
        String rest = text;
        String tag = null;
        if (rest.startsWith("Tag=")) {
            int comma = rest.indexOf(',');
            if (comma < 0) {
                throw fail("expected 'Tag=NAME,' before the interval's fields");
            }
            tag = rest.substring(4, comma);
            rest = rest.substring(comma + 1);
        }
        String[] f = rest.split(",", -1);
        if (f.length != 4) {
            throw fail("expected an interval line [Tag=NAME,]START,LENGTH,MAX,HISTOGRAM (" + f.length + " fields), a '#' comment or the legend");
        }
        double start = number(f[0], "START");
        double length = number(f[1], "LENGTH");
        number(f[2], "MAX");
        Histogram target = tag == null ? all : switch (tag) {
            case HdrLogWriter.SUCCESS -> success;
            case HdrLogWriter.ERROR -> error;
            case HdrLogWriter.SERVICE -> service;
            default -> null;
        };
        if (target == null) {
            return;
        }
        byte[] bytes;
        Histogram h;
        try {
            bytes = Base64.getDecoder().decode(f[3].strip());
        } catch (IllegalArgumentException e) {
            throw fail("the HISTOGRAM field is not base64: " + e.getMessage());
        }
        try {
            h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
        } catch (Exception | AssertionError e) { // the library's own failures (buffer underflow, an index) say nothing to a reader
            throw fail("the HISTOGRAM field is not an HdrHistogram compressed histogram (damaged or truncated): " + FORMAT);
        }
        if (h.getTotalCount() < 0 || h.getMaxValue() < 0) {
            throw fail("the HISTOGRAM field holds a negative count or value (damaged): " + FORMAT);
        }
        try {
            target.add(h);
        } catch (ArrayIndexOutOfBoundsException e) {
            throw fail("the histogram holds latencies above 60 s, the most apitool records: " + FORMAT);
        } catch (RuntimeException e) {
            throw fail("the histogram cannot be added to the run's (damaged): " + FORMAT);
        }
        if (target.getTotalCount() < 0) {
            throw fail("the histograms' counts overflow (damaged): " + FORMAT);
        }
        double relative = relativeSec(start);
        if (tag == null || tag.equals(HdrLogWriter.ERROR)) {
            slices.add(new HdrLog.Slice(tag != null, relative, length, h.getTotalCount(), tag == null ? bytes : null));
        }
    }

    /** Returns an interval timestamp as seconds from StartTime (HdrHistogram's rules: BaseTime, else relative or absolute). */
    private double relativeSec(double t) {
        if (baseMillis >= 0) {
            return (baseMillis - startMillis) / 1000.0 + t;
        }
        return t < startMillis / 1000.0 - YEAR_SEC ? t : t - startMillis / 1000.0;
    }

    private double number(String text, String field) {
        String t = text.strip();
        if (!NUMBER.matcher(t).matches()) {
            throw fail("expected " + field + " as a number such as 1.000, not '" + abbreviate(t) + "'");
        }
        return Double.parseDouble(t);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private void summary(String text) {
        if (summary != null) {
            throw fail("a second '#apitool-summary' line: one run per log, expected each run in its own file");
        }
        if (startMillis < 0) {
            throw fail("the summary before '#[StartTime: ...]': " + FORMAT);
        }
        String json = text.substring(HdrLogWriter.SUMMARY.strip().length());
        summary = Json.parseObject(json.getBytes(StandardCharsets.UTF_8), name + ":" + line + ": #apitool-summary");
        summaryLine = line;
    }

    private HdrLog finish() {
        if (startMillis < 0) {
            throw fail(Math.max(1, line), line == 0 ? "empty file, " + FORMAT : "no '#[StartTime: ...]' line, " + FORMAT);
        }
        if (summary == null) {
            throw fail(line, "the log ends without its '#apitool-summary' line (was the run killed?): " + FORMAT);
        }
        line = summaryLine;
        Summary s = new Summary(summary);
        String modelText = s.text("model");
        LoadModel model = LoadModel.fromText(modelText);
        if (model == null) {
            throw fail("#apitool-summary: expected \"model\" to be one of " + ReportName.names(LoadModel.class) + ", not \""
                    + abbreviate(modelText) + "\"");
        }
        String stoppedText = s.text("stoppedBy");
        StoppedBy stoppedBy = StoppedBy.fromText(stoppedText);
        if (stoppedBy == null) {
            throw fail("#apitool-summary: expected \"stoppedBy\" to be one of " + ReportName.names(StoppedBy.class) + ", not \""
                    + abbreviate(stoppedText) + "\"");
        }
        boolean open = model == LoadModel.OPEN;
        LoadReport.Setup setup = LoadReport.builder().url(s.text("url")).method(s.text("method")).model(model)
                .transport(s.text("transport")).connections((int) s.count("connections")).threads((int) s.count("threads"))
                .targetRps(open ? s.number("targetRps") : 0).maxInFlight(open ? (int) s.count("maxInFlight") : 0)
                .warmup(s.object("warmup").text("chosen")).stoppedBy(stoppedBy).toSetup(); // a log records neither sends nor stages
        Measurement.Builder stats = Measurement.builder().latency(all, success, error, service).started(s.count("sent"))
                .failed(error.getTotalCount());
        long failedSeen = error.getTotalCount();
        long okSeen = success.getTotalCount();
        long requests = s.count("requests");
        long failed = s.count("failed");
        if (requests != all.getTotalCount() || failed != failedSeen || requests - failed != okSeen
                || requests != service.getTotalCount()) {
            throw fail("#apitool-summary counts " + requests + " requests (" + failed + " failed) but the log's histograms hold "
                    + all.getTotalCount() + " (" + failedSeen + " failed, " + okSeen + " succeeded, "
                    + service.getTotalCount() + " service times): the log is incomplete or was edited");
        }
        for (Map.Entry<String, Long> e : s.object("status").counts().entrySet()) {
            int code = e.getKey().matches("[1-5]\\d\\d") ? Integer.parseInt(e.getKey()) : -1;
            if (code < 0) {
                throw fail("#apitool-summary: expected status codes 100 to 599 in \"status\", not \"" + abbreviate(e.getKey()) + "\"");
            }
            stats.status(code, e.getValue());
        }
        Map<String, Long> errors = s.object("errors").counts();
        Summary examples = s.object("errorExamples");
        for (ErrorKind k : ErrorKind.values()) {
            stats.errors(k, errors.getOrDefault(k.key(), 0L), examples.optionalText(k.key()));
        }
        Summary bytes = s.object("bytes");
        stats.bytes(bytes.count("in"), bytes.count("out")).late(open ? s.count("late") : 0).dropped(open ? s.count("dropped") : 0)
                .unfinished(s.count("unfinished")).warmupRequests(s.object("warmup").count("requests"));
        Summary log = s.object("log");
        if (log.count("version") != HdrLogWriter.VERSION) {
            throw fail("#apitool-summary: log version " + log.count("version") + ", expected " + HdrLogWriter.VERSION
                    + " (written by another apitool version)");
        }
        stats.span(log.count("measuredFromNanos"), log.count("measuredToNanos"));
        return new HdrLog(name, startMillis, setup, stats.build(), List.copyOf(slices));
    }

    /** The summary's fields, each required with its type; a wrong one fails naming the summary's line. */
    private final class Summary {
        private final JsonNode node;
        private final String path;

        Summary(JsonNode node) {
            this(node, "");
        }

        private Summary(JsonNode node, String path) {
            this.node = node;
            this.path = path;
        }

        private JsonNode field(String f, boolean ok, String type) {
            JsonNode v = node.get(f);
            if (v == null || !ok) {
                throw fail("#apitool-summary: expected \"" + path + f + "\" as " + type);
            }
            return v;
        }

        String text(String f) {
            return field(f, node.path(f).isTextual(), "a string").textValue();
        }

        String optionalText(String f) {
            return node.has(f) ? text(f) : null;
        }

        long count(String f) {
            JsonNode v = node.path(f);
            return field(f, v.isIntegralNumber() && v.canConvertToLong() && v.longValue() >= 0, "a whole number, 0 or more").longValue();
        }

        double number(String f) {
            JsonNode v = node.path(f);
            return field(f, v.isNumber() && v.doubleValue() > 0 && Double.isFinite(v.doubleValue()), "a positive number").doubleValue();
        }

        Summary object(String f) {
            return new Summary(field(f, node.path(f).isObject(), "an object"), path + f + ".");
        }

        Map<String, Long> counts() {
            Map<String, Long> out = new java.util.LinkedHashMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String k = it.next();
                out.put(k, count(k));
            }
            return out;
        }
    }
}
