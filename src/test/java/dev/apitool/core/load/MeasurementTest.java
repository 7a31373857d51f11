package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.ErrorKind;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The immutable record between the engine and the reports: copies in and out, merges build new values. */
class MeasurementTest {

    private static Histogram latencies(long... us) {
        Histogram h = Measurement.histogram();
        for (long v : us) {
            h.recordValue(v);
        }
        return h;
    }

    private static Measurement part(long first, long last, String example, long... us) {
        Histogram ok = latencies(us);
        return Measurement.builder().latency(ok, ok, Measurement.histogram(), ok).started(us.length + 1).warmupRequests(1)
                .status(200, us.length).errors(ErrorKind.RESET, 1, example).bytes(100, 50).span(first, last).build();
    }

    @Test
    void built_isNotChangedByItsBuilderOrWhatItWasGiven_norThroughItsAccessors() {
        Histogram given = latencies(100, 200);
        Measurement.Builder b = Measurement.builder().latency(given, given, Measurement.histogram(), given).status(200, 2);
        Measurement m = b.build();
        given.recordValue(300);
        b.status(200, 5).latency(given, given, given, given);
        m.all().recordValue(400);
        assertThat(m.requests()).isEqualTo(2);
        assertThat(m.all().getTotalCount()).isEqualTo(2);
        assertThat(m.status(200)).isEqualTo(2);
        assertThat(m.status(600)).isZero();
    }

    @Test
    void sum_addsHistogramsAndCounts_keepsTheFirstExample_spansEarliestToLatest_withoutChangingTheParts() {
        Measurement a = part(1_000, 5_000, "first", 100, 300);
        Measurement b = part(2_000, 9_000, "second", 200);
        Measurement sum = Measurement.sum(List.of(a, b));
        assertThat(sum.requests()).isEqualTo(3);
        assertThat(sum.all().getMaxValueAsDouble()).isBetween(299.0, 301.0);
        assertThat(sum.started()).isEqualTo(5);
        assertThat(sum.warmupRequests()).isEqualTo(2);
        assertThat(sum.status(200)).isEqualTo(3);
        assertThat(sum.errors(ErrorKind.RESET)).isEqualTo(2);
        assertThat(sum.example(ErrorKind.RESET)).isEqualTo("first");
        assertThat(sum.bytesIn()).isEqualTo(200);
        assertThat(sum.firstMeasuredNanos()).isEqualTo(1_000);
        assertThat(sum.lastMeasuredNanos()).isEqualTo(9_000);
        assertThat(sum.spanSec()).isEqualTo(8e-6);
        assertThat(a.requests()).isEqualTo(2);
        assertThat(a.lastMeasuredNanos()).isEqualTo(5_000);
    }

    @Test
    void shifted_movesTheSpan_orDropsItWithoutRequests_andLeavesTheOriginal() {
        Measurement a = part(1_000, 5_000, "x", 100);
        Measurement moved = a.shifted(10_000);
        assertThat(moved.firstMeasuredNanos()).isEqualTo(11_000);
        assertThat(moved.lastMeasuredNanos()).isEqualTo(15_000);
        assertThat(moved.requests()).isEqualTo(1);
        assertThat(a.firstMeasuredNanos()).isEqualTo(1_000);
        Measurement empty = part(1_000, 5_000, "x").shifted(10_000);
        assertThat(empty.firstMeasuredNanos()).isEqualTo(Long.MAX_VALUE);
        assertThat(empty.lastMeasuredNanos()).isEqualTo(Long.MIN_VALUE);
        assertThat(empty.spanSec()).isZero();
    }

    @Test
    void loadReportMerge_ofNothingMeasured_reportsZeros() {
        LoadReport.Setup setup = LoadReport.builder().url("http://x/").method("GET").model(LoadModel.CLOSED).transport("nio")
                .connections(1).threads(1).warmup("none").stoppedBy(StoppedBy.REQUESTS).toSetup();
        LoadReport r = LoadReport.builder().setup(setup).measured(Measurement.sum(List.of(Measurement.builder().started(3).build())), -1)
                .build();
        assertThat(r.model()).isEqualTo(LoadModel.CLOSED);
        assertThat(r.stoppedBy()).isEqualTo(StoppedBy.REQUESTS);
        assertThat(r.sent()).isEqualTo(3);
        assertThat(r.requests()).isZero();
        assertThat(r.durationSec()).isZero();
        assertThat(r.rps()).isZero();
        assertThat(r.errors()).hasSize(ErrorKind.values().length).allSatisfy((k, v) -> assertThat(v).isZero());
    }
}
