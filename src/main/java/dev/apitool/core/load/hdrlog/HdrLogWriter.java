package dev.apitool.core.load.hdrlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.Urls;
import dev.apitool.core.json.Json;
import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.report.JsonReporter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a run's interval histograms as it goes, in HdrHistogram's standard log format (format
 * version 1.3, through the library's own {@link HistogramLogWriter}, numbers in {@link Locale#US}):
 * a comment naming the run, the format version, {@code StartTime} and {@code BaseTime} (the run's
 * start; interval timestamps are seconds from it), comments describing the content, the legend,
 * then one line per second and histogram, and at the end one {@value #SUMMARY}{@code {json}}
 * comment. Standard tools (HistogramLogReader, HistogramLogProcessor, HdrHistogramVisualizer) read
 * the histograms and skip the comments; {@code apitool load merge} reads both.
 *
 * <p>Per interval: the untagged histogram holds every measured request's latency from its intended
 * start, in µs (the Interval_Max column in ms); {@code Tag=success} and {@code Tag=error} split it
 * by outcome and {@code Tag=service} holds the uncorrected service time; a tagged one is left out
 * when it is empty. Warm-up requests are recorded in no histogram (an interval inside the warm-up
 * is empty), as the report leaves them out. The summary is the run's JSON report (its figures that
 * are not histograms: model, target, status codes, errors by kind with examples, bytes, late,
 * dropped, warm-up) plus {@code "log"}: the measured span in ns from the start.
 */
public final class HdrLogWriter implements LoadListener, Closeable {

    /** The prefix of the summary line. */
    public static final String SUMMARY = "#apitool-summary ";
    /** The tags of the split histograms; untagged is every measured request. */
    static final String SUCCESS = "success";
    static final String ERROR = "error";
    static final String SERVICE = "service";
    /** The version of the {@code "log"} object of the summary. */
    static final int VERSION = 1;
    private static final double MS_PER_US = 1000.0;

    private final String name;
    private final PrintStream out;
    private final HistogramLogWriter log;

    private HdrLogWriter(String name, OutputStream stream) {
        this.name = name;
        this.out = new PrintStream(stream, false, StandardCharsets.UTF_8);
        this.log = new HistogramLogWriter(out);
    }

    /** Returns a writer to {@code stream} (closed with the writer); {@code name} names it in errors. */
    public static HdrLogWriter to(OutputStream stream, String name) {
        return new HdrLogWriter(name, stream);
    }

    /** Returns a writer to {@code stream}. */
    static HdrLogWriter to(OutputStream stream) {
        return new HdrLogWriter("log", stream);
    }

    @Override
    public void started(long startEpochMillis, LoadSpec spec, String warmup) {
        log.outputComment(String.format(Locale.US, "apitool load: %s %s, %s model%s", spec.method(), Urls.redact(spec.url()), spec.model(),
                spec.open() ? String.format(Locale.US, " at %.1f/s", spec.targetRps()) : ", " + spec.connections() + " connections"));
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMillis);
        log.setBaseTime(startEpochMillis);
        log.outputBaseTime(startEpochMillis);
        log.outputComment("apitool: latency in microseconds (Interval_Max in milliseconds), one interval a second from StartTime;"
                + " untagged: every measured request from its intended start; Tag=success, Tag=error: the same split by"
                + " outcome (left out when empty); Tag=service: the uncorrected service time, from the actual send");
        log.outputComment("apitool: warm-up " + warmup + ": warm-up requests are in no histogram (an interval inside the warm-up"
                + " is empty) and are left out of the summary's figures, as from the report");
        log.outputLegend();
        out.flush();
    }

    @Override
    public void interval(LoadInterval i) {
        double start = i.startSec();
        double end = start + i.lengthSec();
        log.outputIntervalHistogram(start, end, i.all(), MS_PER_US);
        tagged(start, end, i.success(), SUCCESS);
        tagged(start, end, i.error(), ERROR);
        tagged(start, end, i.service(), SERVICE);
        out.flush();
    }

    private void tagged(double start, double end, Histogram h, String tag) {
        if (h.getTotalCount() == 0) {
            return;
        }
        String before = h.getTag();
        h.setTag(tag);
        log.outputIntervalHistogram(start, end, h, MS_PER_US);
        h.setTag(before);
    }

    @Override
    public void finished(LoadReport report, long fromNanos, long toNanos) {
        ObjectNode doc = JsonReporter.document(report, List.of());
        doc.putObject("log").put("version", VERSION).put("measuredFromNanos", fromNanos).put("measuredToNanos", toNanos);
        out.print(SUMMARY + Json.compact(doc) + "\n");
        out.flush();
    }

    /**
     * Closes the file.
     *
     * @throws IOException when any write to it failed (a full disk, say)
     */
    @Override
    public void close() throws IOException {
        out.close();
        if (out.checkError()) {
            throw new IOException(name + ": writing the log failed");
        }
    }
}
