package dev.apitool.core.load.hdrlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.io.InputException;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadRunner;
import dev.apitool.core.load.LoadServers;
import dev.apitool.core.load.Spec;
import dev.apitool.core.load.report.LoadTimeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --hdr-log}: the standard log format as HdrHistogram's own reader reads it (under a German
 * default locale, whose decimal comma must not leak into the numbers), and merged back into reports.
 */
@Timeout(60)
class HdrLogTest {

    private static Locale saved;
    private static HttpServer server;
    /** An open-model run over three intervals, and a quick closed-model one, with their logs. */
    private static LoadReport openRun;
    private static LoadReport closedRun;
    private static LoadReport closedRun2;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runs() throws IOException {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        server = LoadServers.start(dev.apitool.core.http.RequestHandler.of(r -> dev.apitool.core.http.ServerResponse.text(
                r.path().equals("/missing") ? 404 : 200, "ok")));
        openRun = run(Spec.to(server.uri("/")).rate("200/s").duration(Duration.ofMillis(2200)), "open.hlog");
        closedRun = run(Spec.to(server.uri("/")).requests(400).connections(3), "closed.hlog");
        closedRun2 = run(Spec.to(server.uri("/missing")).requests(200).connections(2), "closed2.hlog");
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(saved);
        server.close();
    }

    private static LoadReport run(Spec spec, String file) throws IOException {
        try (HdrLogWriter log = HdrLogWriter.to(java.nio.file.Files.newOutputStream(dir.resolve(file)), file)) {
            return LoadRunner.of(spec.build()).run(log);
        }
    }

    /** Returns the log's histograms summed by tag ("" for untagged), as HdrHistogram's own reader reads them. */
    private static Map<String, Histogram> libraryRead(String file) throws IOException {
        Map<String, Histogram> byTag = new HashMap<>();
        try (HistogramLogReader reader = new HistogramLogReader(dir.resolve(file).toFile())) {
            for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null;) {
                String tag = h.getTag() == null ? "" : h.getTag();
                byTag.computeIfAbsent(tag, t -> new Histogram(3)).add((Histogram) h);
            }
            assertThat(reader.getStartTimeSec()).isGreaterThan(1.7e9);
        }
        return byTag;
    }

    @Test
    void openRun_logReadByHdrHistogramsOwnReader_underAGermanLocale_sumsToTheReport() throws IOException {
        assertThat(Locale.getDefault()).isEqualTo(Locale.GERMANY);
        Map<String, Histogram> tags = libraryRead("open.hlog");
        assertThat(LoadReport.Latency.of(tags.get(""))).isEqualTo(openRun.latency());
        assertThat(LoadReport.Latency.of(tags.get("success"))).isEqualTo(openRun.success());
        assertThat(LoadReport.Latency.of(tags.get("service"))).isEqualTo(openRun.service());
        assertThat(tags).doesNotContainKey("error"); // no failures: an empty tagged histogram is left out
        String text = Files.readString(dir.resolve("open.hlog"), StandardCharsets.UTF_8);
        assertThat(text).contains("#[Histogram log format version 1.3]", "#[StartTime: ", "#[BaseTime: ",
                "\"StartTimestamp\",\"Interval_Length\",\"Interval_Max\",\"Interval_Compressed_Histogram\"",
                "\n0.000,1.000,", "\nTag=success,1.000,1.000,", "#apitool: warm-up 220ms: warm-up requests are in no histogram",
                "#apitool-summary {\"schemaVersion\":1,");
        assertThat(text).doesNotContainPattern("\\n\\d+,\\d{3},"); // no decimal commas
    }

    @Test
    void closedRunWithErrors_taggedHistogramsRebuildTheSuccessErrorSplit() throws IOException {
        Map<String, Histogram> tags = libraryRead("closed2.hlog");
        assertThat(LoadReport.Latency.of(tags.get("error"))).isEqualTo(closedRun2.error());
        assertThat(tags.get("error").getTotalCount()).isEqualTo(closedRun2.failed()).isPositive();
        assertThat(tags).doesNotContainKey("success");
    }

    @Test
    void mergeOfOneLog_reproducesTheRunsFiguresExactly() {
        for (var pair : List.of(Map.entry("open.hlog", openRun), Map.entry("closed.hlog", closedRun))) {
            LoadReport run = pair.getValue();
            LogMerge.Result m = LogMerge.merge(List.of(dir.resolve(pair.getKey())), List.of(pair.getKey()));
            LoadReport r = m.report();
            assertThat(r.latency()).isEqualTo(run.latency());
            assertThat(r.success()).isEqualTo(run.success());
            assertThat(r.error()).isEqualTo(run.error());
            assertThat(r.service()).isEqualTo(run.service());
            assertThat(r.durationSec()).isEqualTo(run.durationSec());
            assertThat(r.rps()).isEqualTo(run.rps());
            // a log does not say what was sent (targets, per-request parts): everything else it reproduces
            assertThat(r).usingRecursiveComparison().ignoringFields("sends").isEqualTo(run);
            assertThat(m.sources()).singleElement().satisfies(s -> {
                assertThat(s.file()).isEqualTo(pair.getKey());
                assertThat(s.requests()).isEqualTo(run.requests());
            });
            assertThat(m.notes()).isEmpty();
            assertThat(m.timeline().distribution().getTotalCount()).isEqualTo(run.requests());
        }
    }

    @Test
    void mergeOfTwoLogs_isTheHistogramSum_countsAdd_andTheTargetsDifferNote() throws IOException {
        LogMerge.Result m = LogMerge.merge(List.of(dir.resolve("closed.hlog"), dir.resolve("closed2.hlog")),
                List.of("closed.hlog", "closed2.hlog"));
        Histogram sum = new Histogram(3);
        sum.add(libraryRead("closed.hlog").get(""));
        sum.add(libraryRead("closed2.hlog").get(""));
        LoadReport r = m.report();
        assertThat(r.latency()).isEqualTo(LoadReport.Latency.of(sum));
        assertThat(r.requests()).isEqualTo(closedRun.requests() + closedRun2.requests());
        assertThat(r.failed()).isEqualTo(closedRun2.failed());
        assertThat(r.sent()).isEqualTo(600);
        assertThat(r.status()).containsEntry(200, closedRun.requests()).containsEntry(404, closedRun2.requests());
        assertThat(r.connections()).isEqualTo(5);
        assertThat(r.durationSec()).as("two runs one after the other: the union of their spans, not the hull")
                .isCloseTo(closedRun.durationSec() + closedRun2.durationSec(), within(1e-6));
        assertThat(m.notes()).singleElement().asString().contains("different targets", "/missing");
        assertThat(r.url()).contains(", ");
    }

    @Test
    void mergeOfDifferentModels_isRefusedNamingBoth() {
        assertThatThrownBy(() -> LogMerge.merge(List.of(dir.resolve("closed.hlog"), dir.resolve("open.hlog")),
                List.of("closed.hlog", "open.hlog")))
                .isInstanceOf(InputException.class).hasMessageContaining("closed.hlog ran the closed model and open.hlog the open model");
    }

    @Test
    void union_overlappingSpansCountOnce_disjointOnesAdd() {
        assertThat(LogMerge.union(new ArrayList<>(List.of(new long[] {0, 10}, new long[] {5, 12})))).isEqualTo(12);
        assertThat(LogMerge.union(new ArrayList<>(List.of(new long[] {20, 25}, new long[] {0, 10})))).isEqualTo(15);
        assertThat(LogMerge.union(new ArrayList<>(List.of(new long[] {0, 10}, new long[] {2, 3}, new long[] {10, 11})))).isEqualTo(11);
        assertThat(LogMerge.union(new ArrayList<>())).isZero();
    }

    @Test
    void timeline_ofARun_hasOnePointASecond_andTheMergedOneMatches() {
        LogMerge.Result m = LogMerge.merge(List.of(dir.resolve("open.hlog")), List.of("open.hlog"));
        List<LoadTimeline.Point> points = m.timeline().points();
        assertThat(points).extracting(LoadTimeline.Point::startSec).containsExactly(0.0, 1.0, 2.0);
        assertThat(points.get(1).rps()).isBetween(180.0, 220.0);
        assertThat(points.stream().mapToLong(LoadTimeline.Point::requests).sum()).isEqualTo(openRun.requests());
        assertThat(points.get(1).p99()).isGreaterThan(0).isLessThanOrEqualTo(points.get(1).max());
    }
}
