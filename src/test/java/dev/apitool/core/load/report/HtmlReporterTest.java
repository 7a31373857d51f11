package dev.apitool.core.load.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.StoppedBy;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The HTML page: everything user- or server-controlled escaped, numbers in US format whatever the locale. */
class HtmlReporterTest {

    private static LoadReport report(String url, String method, String example) {
        LoadReport.Latency l = new LoadReport.Latency(10, 100, 150.5, 120, 200, 900, 1500, 1500);
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            errors.put(k, k == ErrorKind.RESET ? 1L : 0L);
        }
        return LoadReport.builder().url(url).method(method).model(LoadModel.OPEN).transport("epoll").connections(4).threads(2)
                .targetRps(100).maxInFlight(256).sent(12).requests(10).failed(1).durationSec(2.0).rps(5.0)
                .latency(l).success(l).error(l).service(l).status(new TreeMap<>(Map.of(200, 9L))).errors(errors)
                .examples(Map.of(ErrorKind.RESET, example)).bytesIn(1000).bytesOut(2000).warmup("1s").warmupRequests(2)
                .stoppedBy(StoppedBy.DURATION).build();
    }

    private static LoadTimeline timeline() {
        LoadTimeline t = new LoadTimeline();
        for (int s = 0; s < 3; s++) {
            Histogram h = Measurement.histogram();
            for (int i = 1; i <= 1000; i++) {
                h.recordValue(i * (s + 1) * 10L);
            }
            t.add(s, s == 2 ? 0.5 : 1.0, h, 3);
        }
        return t;
    }

    @Test
    void userAndServerText_isEscapedEverywhere() {
        String page = HtmlReporter.render(report("http://127.0.0.1/<script>alert(1)</script>", "<b>GET</b>",
                "reset by \"peer\" <img src=x onerror=alert(2)>"), timeline(), List.of(Threshold.parse("p99<1s")),
                List.of(), List.of());
        assertThat(page).doesNotContain("<script", "<img", "<b>").contains("http://127.0.0.1/&lt;script&gt;alert(1)&lt;/script&gt;",
                "&lt;b&gt;GET&lt;/b&gt;", "reset by &quot;peer&quot; &lt;img src=x onerror=alert(2)&gt;");
    }

    @Test
    void germanDefaultLocale_svgCoordinatesAndFiguresUseDecimalPoints() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String page = HtmlReporter.render(report("http://h/", "GET", "x"), timeline(), List.of(), List.of(), List.of());
            assertThat(page).doesNotContainPattern("points=\"[^\"]*\\d,\\d+,\\d").contains("1,000 bytes in");
            assertThat(page).containsPattern("points=\"\\d+\\.\\d,\\d+\\.\\d ");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void percentileAxis_isLogarithmic_endingAt99point999() {
        assertThat(HtmlReporter.decades(0)).isEqualTo(0);
        assertThat(HtmlReporter.decades(90)).isCloseTo(1, within(1e-9));
        assertThat(HtmlReporter.decades(99.9)).isCloseTo(3, within(1e-9));
        assertThat(HtmlReporter.decades(100)).isEqualTo(5);
        assertThat(HtmlReporter.decades(99.99999)).isEqualTo(5);
    }

    @Test
    void timeline_pointsCarryEachSecondsFigures_andTheDistributionIsTheirSum() {
        LoadTimeline t = timeline();
        assertThat(t.points()).hasSize(3);
        assertThat(t.points().get(0).p50()).isEqualTo(5003); // HdrHistogram's equivalent value of 5000 at 3 digits
        assertThat(t.points().get(2).rps()).isEqualTo(2000.0);
        assertThat(t.distribution().getTotalCount()).isEqualTo(3000);
    }
}
