package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine in-process, on the example specs: the validator, the envelope, pagination and the onion's order. */
class EngineTest {

    static final Path EXAMPLES = Path.of("examples/pipeline");

    @TempDir
    Path dir;

    private final List<Pipeline> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Pipeline::close);
    }

    private Pipeline load(String yaml) {
        Pipeline p = Pipeline.load(TestEnv.utf8(yaml), "t.yaml", new TestEnv(dir, null).env, new ArrayList<>());
        open.add(p);
        return p;
    }

    private Pipeline example(String name) throws Exception {
        return load(Files.readString(EXAMPLES.resolve(name)));
    }

    private static Runner.Result send(Pipeline p, String method, String target, String body, String... headers) {
        return Runner.run(p, Runner.request(method, target, Headers.of(headers), body == null ? new byte[0] : TestEnv.utf8(body)),
                true, Duration.ofSeconds(5));
    }

    private static String body(Runner.Result r) {
        return new String(r.response().body(), StandardCharsets.UTF_8);
    }


    @Test
    void run_seedOnion_tracesLoggingAuthTimingHandlerThenBackOut() throws Exception {
        Runner.Result r = send(example("seed.yaml"), "GET", "/api/users", null,
                "Authorization", "Bearer " + Tokens.hs256(TestEnv.SECRET, "alice", Instant.now(), 600));

        assertThat(r.response().status()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("[\"alice\",\"bob\"]");
        assertThat(r.trace()).containsExactly(
                "[logging] GET /api/users",
                "[auth] Checking token: Bearer ***",
                "[timing] Processing...",
                "Handler: list_users",
                "[timing] Response time: 0.00s",
                "[auth] <- 200 (0.00 ms)",
                "[logging] Response: 200");
    }

    @Test
    void run_invalidUser_is422WithEveryFieldError() throws Exception {
        String auth = "Bearer " + Tokens.hs256(TestEnv.SECRET, "alice", Instant.now(), 600);
        Runner.Result r = send(example("users.yaml"), "POST", "/users", "{\"name\": \"\", \"email\": \"not-an-email\", \"age\": -1}",
                "Authorization", auth);

        assertThat(r.response().status()).isEqualTo(422);
        JsonNode error = Responses.parse(r.response().body()).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Validation failed");
        assertThat(error.get("fields").toString()).isEqualTo("{\"name\":\"Name cannot be empty\","
                + "\"email\":\"Invalid email address\",\"age\":\"Age must be between 0 and 150\"}");
    }

    @Test
    void run_validUser_is201WithTheStoredRecord() throws Exception {
        String auth = "Bearer " + Tokens.hs256(TestEnv.SECRET, "alice", Instant.now(), 600);
        Pipeline p = example("users.yaml");
        Runner.Result r = send(p, "POST", "/users", "{\"name\": \"Carol\", \"email\": \"carol@example.com\", \"age\": 30}",
                "Authorization", auth);

        assertThat(r.response().status()).isEqualTo(201);
        assertThat(body(r)).isEqualTo("{\"success\":true,\"data\":{\"id\":3,\"name\":\"Carol\",\"email\":\"carol@example.com\","
                + "\"age\":30},\"error\":null}");
        assertThat(body(send(p, "GET", "/users/3", null, "Authorization", auth))).contains("\"name\":\"Carol\"");
    }

    @Test
    void envelope_okFailAndPaginated_haveTheSeedShapes() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            items.append("      - {n: ").append(i).append("}\n");
        }
        Pipeline p = load("""
                apiVersion: apitool/v1
                services:
                  things:
                    type: collection
                    items:
                """ + items + """
                middleware: [envelope]
                routes:
                  - {method: GET, path: /things, name: list_things, handler: {type: collection, collection: things}}
                  - {method: GET, path: "/things/{id}", name: get_thing, handler: {type: collection, collection: things}}
                """);

        assertThat(body(send(p, "GET", "/things/1", null))).isEqualTo("{\"success\":true,\"data\":{\"id\":1,\"n\":1},\"error\":null}");
        assertThat(body(send(p, "GET", "/nothing", null)))
                .isEqualTo("{\"success\":false,\"data\":null,\"error\":{\"message\":\"Not found\",\"code\":404}}");
        Runner.Result page = send(p, "GET", "/things?page=1&page_size=3", null);
        assertThat(body(page)).isEqualTo("{\"success\":true,\"data\":[{\"id\":1,\"n\":1},{\"id\":2,\"n\":2},{\"id\":3,\"n\":3}],"
                + "\"error\":null,\"meta\":{\"total\":10,\"page\":1,\"pages\":4}}");
        assertThat(page.response().headers().first("X-Total-Count")).isEqualTo("10");
    }

    @Test
    void routing_405WithAllow_headWithoutBody_optionsAnswered() throws Exception {
        Pipeline p = example("users.yaml");
        String auth = "Bearer " + Tokens.hs256(TestEnv.SECRET, "alice", Instant.now(), 600);

        Runner.Result wrong = send(p, "PATCH", "/users", "{}", "Authorization", auth);
        assertThat(wrong.response().status()).isEqualTo(405);
        assertThat(wrong.response().headers().first("Allow")).isEqualTo("GET, POST, HEAD, OPTIONS");
        Runner.Result head = send(p, "HEAD", "/users", null, "Authorization", auth);
        assertThat(head.response().status()).isEqualTo(200);
        assertThat(head.response().body()).isEmpty();
        Runner.Result options = send(p, "OPTIONS", "/users/7", null, "Authorization", auth);
        assertThat(options.response().status()).isEqualTo(204);
        assertThat(options.response().headers().first("Allow")).isEqualTo("GET, DELETE, HEAD, OPTIONS");
    }

    @Test
    void jwtAuth_missingExpiredForged_are401WithChallenge() throws Exception {
        Pipeline p = example("users.yaml");
        Instant now = Instant.now();
        String expired = Tokens.hs256(TestEnv.SECRET, "alice", now.minusSeconds(3600), 60);
        String forged = Tokens.hs256("another-secret-another-secret-12", "alice", now, 600);

        for (String[] h : new String[][] {{}, {"Authorization", "Bearer " + expired}, {"Authorization", "Bearer " + forged}}) {
            Runner.Result r = send(p, "GET", "/users", null, h);
            assertThat(r.response().status()).as("%s", (Object) h).isEqualTo(401);
            assertThat(r.response().headers().first("WWW-Authenticate")).startsWith("Bearer realm=\"apitool\"");
        }
    }

    @Test
    void failingLayer_becomes500InErrorShapeWithRequestIdAndNoStackTrace() throws Exception {
        TestEnv t = new TestEnv(dir, null);
        Handler boom = ex -> {
            throw new IllegalStateException("database on fire");
        };
        Exchange ex = new Exchange(Runner.request("GET", "/x", Headers.EMPTY, new byte[0]), java.util.Map.of(), "x", null, 0);
        ex.put(Responses.REQUEST_ID, "rid-1");

        ServerResponse r = Tracing.guard(boom, t.env).handle(ex).toCompletableFuture().get();

        assertThat(r.status()).isEqualTo(500);
        assertThat(new String(r.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\":\"Internal server error\",\"code\":500,\"requestId\":\"rid-1\"}");
        assertThat(t.log).containsExactly("apitool: error: GET /x [rid-1]: IllegalStateException: database on fire");
        CompletableFuture<ServerResponse> failed = CompletableFuture.failedFuture(new RuntimeException("late"));
        assertThat(Tracing.guard(e -> failed, t.env).handle(ex).toCompletableFuture().get().status()).isEqualTo(500);
    }

    @Test
    void spec_variableReferences_expandFromTheEnvironmentLikeHealthConfigs() throws Exception {
        Pipeline p = load("""
                apiVersion: apitool/v1
                middleware:
                  - {type: jwt-auth, secret: "${API_JWT_SECRET}"}
                routes:
                  - {method: GET, path: /, name: root, handler: {type: static, body: "${GREETING:-hello} costs $$5"}}
                """);
        String good = Tokens.hs256(TestEnv.SECRET, "alice", Instant.now(), 600);
        String forged = Tokens.hs256("${API_JWT_SECRET}", "alice", Instant.now(), 600);

        Runner.Result r = send(p, "GET", "/", null, "Authorization", "Bearer " + good);
        assertThat(r.response().status()).isEqualTo(200);
        assertThat(body(r)).isEqualTo("hello costs $5");
        assertThat(send(p, "GET", "/", null, "Authorization", "Bearer " + forged).response().status()).isEqualTo(401);
    }

    @Test
    void jwtAuth_tokenRememberedAsValid_isStillRefusedFromItsExp() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        java.util.concurrent.atomic.AtomicReference<Instant> now = new java.util.concurrent.atomic.AtomicReference<>(t0);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TestEnv t = new TestEnv(dir, null);
        Environment env = new Environment(t.env.inputs(), clock, t.env.nanoTime(), t.env.log());
        Pipeline p = Pipeline.load(TestEnv.utf8("""
                apiVersion: apitool/v1
                middleware:
                  - {type: jwt-auth, secret: env:API_JWT_SECRET}
                  - envelope
                routes:
                  - {method: GET, path: /, name: root, handler: {type: static, json: {status: ok}}}
                """), "t.yaml", env, new ArrayList<>());
        open.add(p);
        String auth = "Bearer " + Tokens.hs256(TestEnv.SECRET, "alice", t0, 60);

        Runner.Result first = send(p, "GET", "/", null, "Authorization", auth);
        now.set(t0.plusSeconds(59));
        Runner.Result cached = send(p, "GET", "/", null, "Authorization", auth);
        now.set(t0.plusSeconds(60));
        Runner.Result expired = send(p, "GET", "/", null, "Authorization", auth);

        assertThat(first.response().status()).isEqualTo(200);
        assertThat(body(first)).isEqualTo("{\"success\":true,\"data\":{\"status\":\"ok\"},\"error\":null}");
        assertThat(cached.response().status()).isEqualTo(200);
        assertThat(body(cached)).isEqualTo(body(first));
        assertThat(expired.response().status()).isEqualTo(401);
        assertThat(body(expired)).contains("Invalid token: expired");
    }
}
