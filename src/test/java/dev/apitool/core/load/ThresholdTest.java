package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

    private static LoadReport report(long p99Us, long requests, long failed, double rps) {
        LoadReport.Latency l = new LoadReport.Latency(requests, 100, 1000, 500, 900, p99Us, p99Us, p99Us);
        return LoadReport.builder().url("http://x/").method("GET").model(LoadModel.CLOSED).transport("nio").connections(1).threads(1)
                .sent(requests).requests(requests).failed(failed).durationSec(1).rps(rps).latency(l).success(l).error(l).service(l)
                .warmup("none").stoppedBy(StoppedBy.REQUESTS).build();
    }

    @Test
    void latency_comparesInMicros_withDurationUnits() {
        Threshold t = Threshold.parse("p99<250ms");
        assertThat(t.limit()).isEqualTo(250_000.0);
        assertThat(t.passes(report(249_000, 10, 0, 1))).isTrue();
        assertThat(t.passes(report(250_000, 10, 0, 1))).isFalse();
        assertThat(t.formatActual(report(312_400, 10, 0, 1))).isEqualTo("312.40ms");
        assertThat(Threshold.parse("p99.9 <= 1s").metric()).isEqualTo(Threshold.Metric.P999);
        assertThat(Threshold.parse("p999<=1s").metric()).isEqualTo(Threshold.Metric.P999);
    }

    @Test
    void errors_takePercentOrFraction_rpsTakesANumber() {
        assertThat(Threshold.parse("errors<1%").limit()).isEqualTo(0.01);
        assertThat(Threshold.parse("errors<0.01").limit()).isEqualTo(0.01);
        assertThat(Threshold.parse("errors<1%").passes(report(1, 1000, 9, 1))).isTrue();
        assertThat(Threshold.parse("errors<1%").passes(report(1, 1000, 10, 1))).isFalse();
        assertThat(Threshold.parse("rps>500").passes(report(1, 1, 0, 500.5))).isTrue();
        assertThat(Threshold.parse("rps>500").passes(report(1, 1, 0, 500))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"p98<250ms", "latency<1s", "throughput>5"})
    void unknownMetric_isRefused_namingTheKnownOnes(String text) {
        assertThatThrownBy(() -> Threshold.parse(text)).isInstanceOf(dev.apitool.core.expr.ExprSyntaxException.class)
                .hasMessageContaining("unknown metric").hasMessageContaining("p99.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"p99", "p99=250ms", "p99<250", "errors<lots", "rps>-1", "p99<1.5ms"})
    void malformed_isRefused(String text) {
        assertThatThrownBy(() -> Threshold.parse(text)).isInstanceOf(dev.apitool.core.expr.ExprSyntaxException.class)
                .hasMessageContaining("invalid threshold");
    }
}
