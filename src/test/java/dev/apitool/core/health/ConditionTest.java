package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every condition form, passing and failing, with the exact reason; typed comparisons never pass silently. */
class ConditionTest {

    private static final String BODY = """
            {"status": "UP", "count": 3, "ratio": 0.50, "ok": true, "nothing": null, "version": "1.42.0",
             "tags": ["blue", "green"], "weird key": 1,
             "checks": [{"name": "db", "status": "UP", "latency": 12},
                        {"name": "cache", "status": "DOWN", "latency": 40}]}
            """;

    private static final Observation JSON = Observation.http(200,
            Headers.of("Content-Type", "application/json", "X-RateLimit-Remaining", "42"), BODY, Duration.ofMillis(120));

    private static final Observation TEXT = Observation.http(503, Headers.of("Content-Type", "text/plain"),
            "all healthy, mostly", Duration.ofMillis(412));

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    static Stream<Arguments> passing() {
        return Stream.of(
                Arguments.of("status == 200", JSON),
                Arguments.of("status != 500", JSON),
                Arguments.of("status in [200, 204]", JSON),
                Arguments.of("status < 400", JSON),
                Arguments.of("status >= 200", JSON),
                Arguments.of("latency < 300ms", JSON),
                Arguments.of("latency <= 1s", JSON),
                Arguments.of("latency > 100ms", JSON),
                Arguments.of("body.status == \"UP\"", JSON),
                Arguments.of("body.status == 'UP'", JSON),
                Arguments.of("body.status == UP", JSON),
                Arguments.of("body.status in [UP, DEGRADED]", JSON),
                Arguments.of("body.checks[?(@.name=='db')].status == \"UP\"", JSON),
                Arguments.of("body.checks[?(@.name == \"cache\")].status == \"DOWN\"", JSON),
                Arguments.of("body.checks[?(@.name != 'db')].name == cache", JSON),
                Arguments.of("body.checks[0].name == \"db\"", JSON),
                Arguments.of("body.checks[-1].name == \"cache\"", JSON),
                Arguments.of("body.checks[*].latency < 100", JSON),
                Arguments.of("body.checks.*.latency >= 12", JSON),
                Arguments.of("body['weird key'] == 1", JSON),
                Arguments.of("body.count == 3", JSON),
                Arguments.of("body.count > 2.5", JSON),
                Arguments.of("body.ratio == 0.5", JSON),
                Arguments.of("body.ok == true", JSON),
                Arguments.of("body.nothing == null", JSON),
                Arguments.of("body.status != null", JSON),
                Arguments.of("body.tags contains \"blue\"", JSON),
                Arguments.of("body.version matches \"^1\\\\.\\\\d+\"", JSON),
                Arguments.of("body matches \"ok|healthy\"", TEXT),
                Arguments.of("body contains healthy", TEXT),
                Arguments.of("body != \"\"", TEXT),
                Arguments.of("header.content-type contains json", JSON),
                Arguments.of("header.Content-Type == \"application/json\"", JSON),
                Arguments.of("header.x-ratelimit-remaining > 10", JSON),
                Arguments.of("status == 503", TEXT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passing")
    void condition_holds_passes(String text, Observation o) {
        Condition.Result r = Condition.parse(text).evaluate(o, NOW);

        assertThat(r.passed()).as(r.message()).isTrue();
        assertThat(r.message()).isNull();
    }

    static Stream<Arguments> failing() {
        return Stream.of(
                Arguments.of("status == 200", TEXT, "condition status == 200 failed: was 503"),
                Arguments.of("status in [200, 204]", TEXT, "condition status in [200, 204] failed: was 503"),
                Arguments.of("status < 500", TEXT, "condition status < 500 failed: was 503"),
                Arguments.of("latency < 300ms", TEXT, "condition latency < 300ms failed: was 412ms"),
                Arguments.of("body.status == \"DOWN\"", JSON, "condition body.status == \"DOWN\" failed: was \"UP\""),
                Arguments.of("body.checks[?(@.name=='cache')].status == \"UP\"", JSON,
                        "condition body.checks[?(@.name=='cache')].status == \"UP\" failed: was \"DOWN\""),
                Arguments.of("body.checks[*].status == \"UP\"", JSON,
                        "condition body.checks[*].status == \"UP\" failed: was \"DOWN\" (one of 2 values)"),
                Arguments.of("body.checks[?(@.name=='queue')].status == \"UP\"", JSON,
                        "condition body.checks[?(@.name=='queue')].status == \"UP\" failed: body.checks[?(@.name=='queue')].status not found"),
                Arguments.of("body.nope == 1", JSON, "condition body.nope == 1 failed: body.nope not found"),
                Arguments.of("body.status in [DOWN, OUT_OF_SERVICE]", JSON,
                        "condition body.status in [DOWN, OUT_OF_SERVICE] failed: was \"UP\""),
                Arguments.of("body.tags contains red", JSON, "condition body.tags contains red failed: was [\"blue\",\"green\"]"),
                Arguments.of("body matches \"^ok$\"", TEXT, "condition body matches \"^ok$\" failed: was \"all healthy, mostly\""),
                Arguments.of("body.status == \"UP\"", TEXT, "condition body.status == \"UP\" failed: body is not JSON"),
                Arguments.of("header.x-missing == a", JSON, "condition header.x-missing == a failed: no x-missing header"),
                Arguments.of("header.content-type contains xml", JSON,
                        "condition header.content-type contains xml failed: was \"application/json\""),
                Arguments.of("body.ok == false", JSON, "condition body.ok == false failed: was true"),
                Arguments.of("status == 200", Observation.connection(Duration.ofMillis(1), List.of()),
                        "condition status == 200 failed: no HTTP status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failing")
    void condition_doesNotHold_failsWithWhatWasSeen(String text, Observation o, String message) {
        Condition.Result r = Condition.parse(text).evaluate(o, NOW);

        assertThat(r.passed()).isFalse();
        assertThat(r.message()).isEqualTo(message);
    }

    static Stream<Arguments> mismatched() {
        return Stream.of(
                Arguments.of("body.count == \"3\"", "was 3, a number, not a string"),
                Arguments.of("body.count != \"3\"", "was 3, a number, not a string"),
                Arguments.of("body.status > 5", "was \"UP\", a string, not a number"),
                Arguments.of("body.status != 5", "was \"UP\", a string, not a number"),
                Arguments.of("body.status < 300ms", "was \"UP\", a string, not a duration"),
                Arguments.of("body.count in [\"3\", \"4\"]", "was 3, a number, not a string"),
                Arguments.of("body.count matches \"3\"", "was 3, a number, not a string"),
                Arguments.of("body.ok == 1", "was true, a boolean, not a number"),
                Arguments.of("body.checks == 2", "an array, not a number"),

                Arguments.of("header.content-type > 3", "was \"application/json\", a string, not a number"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatched")
    void comparison_ofDifferentTypes_isAFailedConditionThatSaysSo_neverASilentPass(String text, String detail) {
        Condition.Result r = Condition.parse(text).evaluate(JSON, NOW);

        assertThat(r.passed()).isFalse();
        assertThat(r.message()).startsWith("condition " + text + " failed: was ").contains(detail).contains(", not ");
    }

    @Test
    void certExpires_onPlainHttp_failsSayingThereIsNoCertificate() {
        Condition.Result r = Condition.parse("cert.expires > 14d").evaluate(JSON, NOW);

        assertThat(r.message()).isEqualTo("condition cert.expires > 14d failed: no certificate: not a TLS connection");
    }

    @Test
    void expiry_wordsAsTheIssueHasThem() {
        assertThat(Condition.expiry(Duration.ofDays(3).plusHours(5))).isEqualTo("certificate expires in 3d");
        assertThat(Condition.expiry(Duration.ofHours(5).plusMinutes(3))).isEqualTo("certificate expires in 5h3m");
        assertThat(Condition.expiry(Duration.ofDays(-2))).isEqualTo("certificate expired 2d ago");
    }

    @Test
    void appliesTo_statusNeedsHttp_certNeedsTls() {
        assertThat(Condition.parse("status == 200").appliesTo(Target.parse("tcp://db:5432"))).isFalse();
        assertThat(Condition.parse("latency < 1s").appliesTo(Target.parse("tcp://db:5432"))).isTrue();
        assertThat(Condition.parse("cert.expires > 14d").appliesTo(Target.parse("tls://db:5432"))).isTrue();
        assertThat(Condition.parse("cert.expires > 14d").appliesTo(Target.parse("https://api"))).isTrue();
        assertThat(Condition.parse("cert.expires > 14d").appliesTo(Target.parse("http://api"))).isFalse();
    }
}
