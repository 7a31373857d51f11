package dev.apitool.core.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.StoppedBy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a server controls (an error's text) and what a log controls (the URL of a merged run) reaches the
 * text, JSON and HTML reports redacted and without a raw control character, whatever the secret and the
 * control character (seeded random).
 */
class ServerTextInReportsTest {

    private static LoadReport report(String url, String example) {
        LoadReport.Latency l = new LoadReport.Latency(1, 100, 100, 100, 100, 100, 100, 100);
        Map<ErrorKind, Long> errors = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            errors.put(k, k == ErrorKind.PROTOCOL ? 1L : 0L);
        }
        return LoadReport.builder().url(url).method("GET").model(LoadModel.CLOSED).transport("nio").connections(1).threads(1)
                .maxInFlight(1).sent(2).requests(2).failed(1).durationSec(1.0).rps(2.0)
                .latency(l).success(l).error(l).service(l).status(new TreeMap<>(Map.of(200, 1L))).errors(errors)
                .examples(Map.of(ErrorKind.PROTOCOL, example)).bytesIn(10).bytesOut(10).warmup("none").warmupRequests(0)
                .stoppedBy(StoppedBy.REQUESTS).build();
    }

    private static final Map<String, Function<LoadReport, String>> REPORTERS = Map.of(
            "text", r -> {
                StringWriter s = new StringWriter();
                new TextReporter(new PrintWriter(s), false).print(r, List.of());
                return s.toString();
            },
            "json", r -> JsonReporter.document(r, List.of()).toString(),
            "html", r -> HtmlReporter.render(r, new LoadTimeline(), List.of(), List.of(), List.of()));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void serverText_withSecretsAndControlCharacters_isRedactedAndEscapedInEveryReport(long seed) {
        Random random = new Random(seed);
        String secret = "S" + Long.toHexString(random.nextLong() | 1L << 60);
        char control = "\u001b\u0007\u0000\u009b\u202e\u007f".charAt(random.nextInt(6));
        String example = "invalid HTTP response: " + control + "[31mHTTP/1.1 " + control + " from http://u:" + secret
                + "@h/x?access_token=" + secret + " Authorization: Bearer " + secret;
        String url = "http://127.0.0.1/p?api_key=" + secret + "&q=" + control;
        LoadReport r = report(url, example);
        for (Map.Entry<String, Function<LoadReport, String>> e : REPORTERS.entrySet()) {
            String out = e.getValue().apply(r);
            assertThat(out).as("seed %d, %s", seed, e.getKey()).doesNotContain(secret).doesNotContain(String.valueOf(control))
                    .contains("invalid HTTP response");
        }
    }
}
