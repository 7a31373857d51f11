package dev.apitool.core.load.hdrlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Limit;
import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.StoppedBy;
import org.HdrHistogram.Histogram;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading {@code --hdr-log} files strictly: every unusable line is one message naming file:line and what was expected. */
class HdrLogReaderTest {

    /** Returns a log of a synthetic closed-model run over three seconds, written by {@link HdrLogWriter}. */
    static String log() throws IOException {
        LoadSpec spec = LoadSpec.builder(URI.create("http://127.0.0.1:8080/a")).connections(2).maxInFlight(1)
                .duration(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(1)).warmup(Duration.ZERO).build();
        Measurement.Builder stats = Measurement.builder();
        long last = Long.MIN_VALUE;
        long failed = 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (HdrLogWriter w = HdrLogWriter.to(bytes)) {
            w.started(1_772_366_400_000L, spec, "none");
            Random random = new Random(7);
            for (int k = 0; k < 3; k++) {
                Histogram success = Measurement.histogram();
                Histogram error = Measurement.histogram();
                Histogram service = Measurement.histogram();
                for (int i = 0; i < 50; i++) {
                    long start = k * 1_000_000_000L + i * 20_000_000L;
                    long latency = 100_000 + random.nextInt(5_000_000);
                    (i % 10 != 0 ? success : error).recordValue(latency / 1000);
                    service.recordValue(latency / 2 / 1000);
                    failed += i % 10 != 0 ? 0 : 1;
                    last = Math.max(last, start + latency);
                }
                Histogram all = success.copy();
                all.add(error);
                stats.latency(all, success, error, service).status(200, 45).errors(ErrorKind.TIMEOUT, 1, "no response within 1s");
                LoadInterval.Counts none = LoadInterval.Counts.ZERO;
                w.interval(new LoadInterval(k, k, 1.0, all, success, error, service, all, none, none));
            }
            Measurement m = stats.started(150).failed(failed).span(0, last).build();
            LoadReport report = LoadReport.merge(spec, "epoll", 1, List.of(m), "none", StoppedBy.DURATION, null, spec.targetRps());
            w.finished(report, m.firstMeasuredNanos(), m.lastMeasuredNanos());
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static HdrLog read(String text) throws IOException {
        return HdrLogReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.hlog");
    }

    private static int lineOf(String text, String start) {
        List<String> lines = Arrays.asList(text.split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line starting " + start);
    }

    @Test
    void validLog_readsBackTheRunsFigures() throws IOException {
        HdrLog log = read(log());
        assertThat(log.startMillis()).isEqualTo(1_772_366_400_000L);
        assertThat(log.stats().requests()).isEqualTo(150);
        assertThat(log.stats().error().getTotalCount()).isEqualTo(15);
        assertThat(log.stats().failed()).isEqualTo(15);
        assertThat(log.stats().errors(ErrorKind.TIMEOUT)).isEqualTo(3);
        assertThat(log.stats().example(ErrorKind.TIMEOUT)).isEqualTo("no response within 1s");
        assertThat(log.stats().status(200)).isEqualTo(135);
        assertThat(log.setup().model()).isEqualTo(LoadModel.CLOSED);
        assertThat(log.setup().stoppedBy()).isEqualTo(StoppedBy.DURATION);
        assertThat(log.slices()).hasSize(6); // untagged and error, three seconds
    }

    @Test
    void unknownModelOrStoppedBy_namesTheAcceptedValues() throws IOException {
        String good = log();
        assertThat(good).contains("\"stoppedBy\":\"duration\"", "\"model\":\"closed\"");
        assertThatThrownBy(() -> read(good.replace("\"stoppedBy\":\"duration\"", "\"stoppedBy\":\"boredom\"")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected \"stoppedBy\" to be one of \"duration\", \"requests\","
                        + " \"maxDuration\", \"interrupt\", \"error\", not \"boredom\"");
        assertThatThrownBy(() -> read(good.replace("\"model\":\"closed\"", "\"model\":\"ajar\"")))
                .isInstanceOf(InputException.class).hasMessageContaining("expected \"model\" to be one of \"closed\", \"open\", not \"ajar\"");
    }

    @Test
    void emptyFile_andForeignText_nameLineAndWhatWasExpected() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InputException.class).hasMessage(
                "x.hlog:1: empty file, expected a log written by 'apitool load --hdr-log'");
        assertThatThrownBy(() -> read("hello\n")).hasMessageStartingWith("x.hlog:1: an interval before '#[StartTime: ...]'");
    }

    @Test
    void badIntervalLines_nameTheirLine() throws IOException {
        String good = log();
        int n = lineOf(good, "Tag=success");
        String line = good.split("\n")[n - 1];
        assertThatThrownBy(() -> read(good.replace(line, line.replace("1.000", "1,000"))))
                .hasMessageStartingWith("x.hlog:" + n + ": expected an interval line [Tag=NAME,]START,LENGTH,MAX,HISTOGRAM (5 fields)");
        assertThatThrownBy(() -> read(good.replace(line, line.replaceFirst(",[^,]*$", ",***"))))
                .hasMessageStartingWith("x.hlog:" + n + ": the HISTOGRAM field is not base64");
        assertThatThrownBy(() -> read(good.replace(line, line.replaceFirst(",[^,]*$", ",AAAAAAAA"))))
                .hasMessageStartingWith("x.hlog:" + n + ": the HISTOGRAM field is not an HdrHistogram compressed histogram");
        assertThatThrownBy(() -> read(good.replace(line, line.replaceFirst(",1\\.000,", ",-1,"))))
                .hasMessageStartingWith("x.hlog:" + n + ": expected LENGTH as a number such as 1.000, not '-1'");
    }

    @Test
    void truncatedLog_saysTheSummaryIsMissing() throws IOException {
        String good = log();
        String cut = good.substring(0, good.indexOf("#apitool-summary"));
        int lines = cut.split("\n").length;
        assertThatThrownBy(() -> read(cut)).hasMessage("x.hlog:" + lines
                + ": the log ends without its '#apitool-summary' line (was the run killed?): expected a log written by 'apitool load --hdr-log'");
    }

    @Test
    void badSummary_namesItsLineAndTheField() throws IOException {
        String good = log();
        int n = lineOf(good, "#apitool-summary");
        assertThatThrownBy(() -> read(good.replace("\"sent\":150", "\"sent\":\"many\"")))
                .hasMessage("x.hlog:" + n + ": #apitool-summary: expected \"sent\" as a whole number, 0 or more");
        assertThatThrownBy(() -> read(good.replace("\"bytes\":{\"in\":0", "\"bytes\":{\"inn\":0")))
                .hasMessage("x.hlog:" + n + ": #apitool-summary: expected \"bytes.in\" as a whole number, 0 or more");
        assertThatThrownBy(() -> read(good.replace("\"requests\":150", "\"requests\":151")))
                .hasMessageStartingWith("x.hlog:" + n + ": #apitool-summary counts 151 requests (15 failed) but the log's histograms hold 150");
        assertThatThrownBy(() -> read(good.replace("#apitool-summary {", "#apitool-summary {{")))
                .hasMessageStartingWith("x.hlog:" + n + ": #apitool-summary: line 1, column ");
        assertThatThrownBy(() -> read(good + good)).hasMessageContaining("a second StartTime: one run per log");
    }

    /** Mutations a damaged or hand-edited file might show. */
    private static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int ops = 1 + random.nextInt(3);
        String alphabet = "0123456789,.#Tag=\n{}\":-AZaz+/ \u00e9\u0000";
        for (int i = 0; i < ops && s.length() > 0; i++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(40)));
                case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 2 -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 3 -> s.setLength(at);
                case 4 -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(s.toString().split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    s = new StringBuilder(String.join("\n", lines));
                }
                default -> {
                    List<String> lines = new ArrayList<>(Arrays.asList(s.toString().split("\n", -1)));
                    lines.remove(random.nextInt(lines.size()));
                    s = new StringBuilder(String.join("\n", lines));
                }
            }
        }
        return s.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
    void damagedLog_readsOrFailsWithOneLineNamingFileAndLine(long seed) throws IOException {
        String good = log();
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            String text = mutate(good, random);
            int lines = text.split("\n", -1).length;
            try {
                HdrLog log = read(text);
                // what reads must be consistent: the summary agreed with the histograms
                assertThat(log.stats().requests()).isEqualTo(log.stats().success().getTotalCount() + log.stats().error().getTotalCount());
            } catch (InputException e) {
                assertThat(e.getMessage()).matches("x\\.hlog:\\d+: [^\\n]+");
                int line = Integer.parseInt(e.getMessage().substring(7, e.getMessage().indexOf(':', 7)));
                assertThat(line).isBetween(1, lines + 1);
            } catch (RuntimeException e) {
                fail("seed " + seed + " round " + round + ": " + e + " for\n" + text, e);
            }
        }
    }

    /** Replaces the histogram of every interval line by {@code random}'s damage to its compressed bytes (still valid base64). */
    private static String damageHistograms(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            int comma = line.lastIndexOf(',');
            if (line.startsWith("#") || line.startsWith("\"") || comma < 0 || random.nextInt(3) != 0) {
                out.append(line).append('\n');
                continue;
            }
            byte[] bytes = java.util.Base64.getDecoder().decode(line.substring(comma + 1).strip());
            int ops = 1 + random.nextInt(4);
            for (int i = 0; i < ops && bytes.length > 0; i++) {
                switch (random.nextInt(4)) {
                    case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
                    case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
                    case 2 -> bytes[random.nextInt(Math.min(bytes.length, 40))] ^= (byte) (1 << random.nextInt(8));
                    default -> {
                        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
                        for (int k = bytes.length; k < longer.length; k++) {
                            longer[k] = (byte) random.nextInt(256);
                        }
                        bytes = longer;
                    }
                }
            }
            out.append(line, 0, comma + 1).append(java.util.Base64.getEncoder().encodeToString(bytes)).append('\n');
        }
        return out.toString();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120})
    void damagedHistogramBytes_failWithOneLineNamingFileAndLine_neverAnInternalError(long seed) throws IOException {
        String good = log();
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            String text = damageHistograms(good, random);
            try {
                read(text);
            } catch (InputException e) {
                assertThat(e.getMessage()).as("seed %d round %d", seed, round).matches("x\\.hlog:\\d+: [^\\n]+")
                        .doesNotContain("Exception", "out of bounds", "-9223372036854775808");
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("seed " + seed + " round " + round + ": " + e, e);
            }
        }
    }

    @Test
    void overlongLine_refusedNamingItsLineAndTheCap() throws IOException {
        String good = log();
        String text = good.replaceFirst("\n", "\n#" + "x".repeat((int) Limit.LINE.bytes() + 1) + "\n");
        assertThatThrownBy(() -> read(text)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("x.hlog:2: line longer than the 1 MiB limit");
    }

    @Test
    void invalidUtf8_refusedWithItsLineAndColumn() throws IOException {
        byte[] good = log().getBytes(StandardCharsets.UTF_8);
        int secondLine = log().indexOf('\n') + 1;
        byte[] bad = good.clone();
        bad[secondLine + 2] = (byte) 0xff;
        assertThatThrownBy(() -> HdrLogReader.read(new ByteArrayInputStream(bad), "x.hlog")).isInstanceOf(InputException.class)
                .hasMessage("x.hlog:2:3: invalid UTF-8 (byte 0xff; expected UTF-8 text)");
    }

    @Test
    void unknownLogVersion_refused() throws IOException {
        String good = log();
        assertThat(good).contains("\"version\":" + HdrLogWriter.VERSION);
        assertThatThrownBy(() -> read(good.replace("\"version\":" + HdrLogWriter.VERSION, "\"version\":99")))
                .isInstanceOf(InputException.class).hasMessageContaining("log version 99, expected " + HdrLogWriter.VERSION);
    }
}
