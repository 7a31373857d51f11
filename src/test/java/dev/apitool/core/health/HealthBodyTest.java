package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spring Boot Actuator and application/health+json bodies are judged without conditions, outranking the status code. */
class HealthBodyTest {

    private static final Endpoint APP = Endpoints.of("app", "http://app/health");

    private static EndpointResult judge(int status, String contentType, String body) {
        return Verdicts.judge(APP, Observation.http(status, Headers.of("Content-Type", contentType), body, Duration.ofMillis(3)),
                Instant.EPOCH, 1);
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
        "UP, 200, HEALTHY",
        "OUT_OF_SERVICE, 503, DEGRADED",
        "DOWN, 503, UNHEALTHY",
        "DOWN, 200, UNHEALTHY"})
    void actuator_topLevelStatus_decides_whateverTheStatusCode(String reported, int code, HealthStatus expected) {
        EndpointResult r = judge(code, "application/vnd.spring-boot.actuator.v3+json", "{\"status\":\"" + reported + "\"}");

        assertThat(r.status()).isEqualTo(expected);
        assertThat(r.reason()).isEqualTo(expected == HealthStatus.HEALTHY ? null : "reported " + reported);
    }

    @Test
    void actuator_components_listedAndNested_theBadOnesNamedInTheReason() {
        String body = """
                {"status":"DOWN","components":{
                   "db":{"status":"DOWN","details":{"error":"timeout"}},
                   "diskSpace":{"status":"UP","details":{"free":1}},
                   "redis":{"status":"UP","components":{"primary":{"status":"UP"},"replica":{"status":"OUT_OF_SERVICE"}}},
                   "custom":{"status":"UNKNOWN"}}}
                """;
        EndpointResult r = judge(503, "application/json", body);

        assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(r.reason()).isEqualTo("reported DOWN (db: DOWN, redis/replica: OUT_OF_SERVICE)");
        assertThat(r.components()).extracting(EndpointResult.Component::name)
                .containsExactly("db", "diskSpace", "redis", "redis/primary", "redis/replica");
    }

    @Test
    void actuator_oldDetailsShape_readsComponents() {
        EndpointResult r = judge(200, "application/json", "{\"status\":\"UP\",\"details\":{\"db\":{\"status\":\"UP\"}}}");

        assertThat(r.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(r.components()).containsExactly(new EndpointResult.Component("db", HealthStatus.HEALTHY, "UP", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pass, HEALTHY", "warn, DEGRADED", "fail, UNHEALTHY"})
    void healthJson_status_decides(String reported, HealthStatus expected) {
        String body = "{\"status\":\"" + reported + "\",\"checks\":{\"db:responseTime\":[{\"componentId\":\"pg\",\"status\":\""
                + reported + "\",\"output\":\"" + (reported.equals("pass") ? "" : "slow") + "\"}]}}";
        EndpointResult r = judge(reported.equals("fail") ? 503 : 200, "application/health+json", body);

        assertThat(r.status()).isEqualTo(expected);
        if (expected != HealthStatus.HEALTHY) {
            assertThat(r.reason()).isEqualTo("reported " + reported + " (db:responseTime: " + reported + " - slow)");
        }
        assertThat(r.components()).hasSize(1);
    }

    @Test
    void healthJson_aliasesCountOnlyWithTheMediaType() {
        assertThat(judge(200, "application/health+json", "{\"status\":\"down\"}").status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(judge(200, "application/json", "{\"status\":\"down\"}").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void unrecognisedBody_fallsBackToTheStatusCode() {
        assertThat(judge(200, "application/json", "{\"status\":\"green\"}").status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(judge(503, "application/json", "{\"status\":\"green\"}").reason()).isEqualTo("HTTP 503");
        assertThat(judge(503, "text/html", "<html>DOWN</html>").status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(judge(200, "application/json", "[{\"status\":\"DOWN\"}]").status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void recognisedBody_andFailedCondition_bothCount_unhealthy() {
        Endpoint e = Endpoints.of("app", "http://app/health", "latency < 1ms");
        EndpointResult r = Verdicts.judge(e, Observation.http(503, Headers.EMPTY, "{\"status\":\"OUT_OF_SERVICE\"}",
                Duration.ofMillis(30)), Instant.EPOCH, 1);

        assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(r.reason()).isEqualTo("reported OUT_OF_SERVICE (and 1 more)");
        assertThat(r.conditions()).extracting(Condition.Result::passed).isEqualTo(List.of(false));
    }
}
