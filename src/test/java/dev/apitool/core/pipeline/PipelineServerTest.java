package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.ratelimit.RedisServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pipeline serve}'s engine over real HTTP on an ephemeral loopback port. */
class PipelineServerTest {

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private PipelineServer serve(String yaml, HttpServerOptions options) {
        Pipeline p = Pipeline.load(TestEnv.utf8(yaml), "t.yaml", new TestEnv(dir, null).env, new ArrayList<>());
        PipelineServer s = PipelineServer.start(p, options);
        open.add(s);
        return s;
    }

    private PipelineServer serve(String yaml) {
        return serve(yaml, HttpServerOptions.loopback());
    }

    private HttpResponse<String> send(PipelineServer s, String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(String sub) {
        return "Bearer " + Tokens.hs256(TestEnv.SECRET, sub, Instant.now(), 600);
    }

    @Test
    void serve_usersExample_401sThen200_422_404_405() throws Exception {
        PipelineServer s = serve(Files.readString(Path.of("examples/pipeline/users.yaml")));
        String expired = Tokens.hs256(TestEnv.SECRET, "alice", Instant.now().minusSeconds(7200), 60);
        String forged = Tokens.hs256("not-the-secret-not-the-secret-00", "alice", Instant.now(), 600);

        assertThat(send(s, "GET", "/users", null).statusCode()).isEqualTo(401);
        assertThat(send(s, "GET", "/users", null, "Authorization", "Bearer " + expired).statusCode()).isEqualTo(401);
        HttpResponse<String> bad = send(s, "GET", "/users", null, "Authorization", "Bearer " + forged);
        assertThat(bad.statusCode()).isEqualTo(401);
        assertThat(bad.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"apitool\", error=\"invalid_token\"");
        assertThat(bad.body()).startsWith("{\"success\":false,\"data\":null,\"error\":{\"message\":\"Invalid token: signature\"");

        HttpResponse<String> ok = send(s, "GET", "/users", null, "Authorization", bearer("alice"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).startsWith("{\"success\":true,\"data\":[{\"id\":1,\"name\":\"Alice\"");
        assertThat(ok.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<String> invalid = send(s, "POST", "/users", "{\"name\": \"\", \"email\": \"not-an-email\", \"age\": -1}",
                "Authorization", bearer("bob"), "Content-Type", "application/json");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.body()).contains("\"Name cannot be empty\"", "\"Invalid email address\"", "\"Age must be between 0 and 150\"");

        HttpResponse<String> missing = send(s, "GET", "/users/999", null, "Authorization", bearer("carol"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).startsWith("{\"success\":false,\"data\":null,\"error\":{\"message\":\"Not found\",\"code\":404");
        HttpResponse<String> wrong = send(s, "PUT", "/users", "{}", "Authorization", bearer("dave"));
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow")).hasValue("GET, POST, HEAD, OPTIONS");
    }

    private static final String LIMITED = """
            apiVersion: apitool/v1
            stores:
              shared: {type: store, url: "%s"}
            middleware:
              - type: rate-limit
                policy: fixed-window:limit=3,window=1h
                key: header:X-Api-Key
                store: shared
            routes:
              - {method: GET, path: /, name: root, handler: counter}
            """;

    private void assertLimitedAfterExactlyThree(PipelineServer s) throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> r = send(s, "GET", "/", null, "X-Api-Key", "k1");
            assertThat(r.statusCode()).as("request %d", i).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"count\":" + i + "}");
        }
        HttpResponse<String> refused = send(s, "GET", "/", null, "X-Api-Key", "k1");
        assertThat(refused.statusCode()).isEqualTo(429);
        long retry = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isBetween(1L, 3600L);
        assertThat(send(s, "GET", "/", null, "X-Api-Key", "k2").statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimit_memoryStore_429WithRetryAfterAfterExactlyTheLimit() throws Exception {
        assertLimitedAfterExactlyThree(serve(LIMITED.formatted("memory")));
    }

    @Test
    void rateLimit_redisStore_429WithRetryAfterAfterExactlyTheLimit() throws Exception {
        RedisServer redis = RedisServer.start();
        open.add(redis);
        PipelineServer s = serve(LIMITED.formatted(redis.uri()).replace("store: shared", "store: shared\n    ")
                .replace("url: \"" + redis.uri() + "\"", "url: \"" + redis.uri() + "\", prefix: \"t" + System.nanoTime() + ":\""));
        assertLimitedAfterExactlyThree(s);
    }

    @Test
    void proxy_toUpstreamServer_forwardsRequestAndAnswer() throws Exception {
        HttpServer upstream = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r ->
                ServerResponse.text(201, r.method() + " " + r.target() + " " + r.header("X-Trace") + " " + r.bodyText())));
        open.add(upstream);
        PipelineServer s = serve("""
                apiVersion: apitool/v1
                services:
                  backend: {type: upstream, url: "http://127.0.0.1:%d/v2"}
                routes:
                  - {method: "*", path: /api/*, name: backend, handler: {type: proxy, upstream: backend, strip: /api}}
                """.formatted(upstream.port()));

        HttpResponse<String> r = send(s, "POST", "/api/orders?x=1", "hello", "X-Trace", "t-1");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.body()).isEqualTo("POST /v2/orders?x=1 t-1 hello");
        upstream.close();
        assertThat(send(s, "GET", "/api/x", null).statusCode()).isEqualTo(502);
    }

    @Test
    void rawSocket_malformedHugeHeaderSlowHeader_400_431_408_andTheNextRequestIsServed() throws Exception {
        PipelineServer s = serve("""
                apiVersion: apitool/v1
                routes: [{method: GET, path: /, name: root, handler: {type: static, body: hi}}]
                """, HttpServerOptions.loopback().withMaxHeaderBytes(4096).withHeaderTimeout(Duration.ofMillis(300))
                .withMaxRequestBytes(1024));
        int port = s.address().getPort();

        assertThat(raw(port, "BLAH / HTTP/1.1 extra\r\n\r\n", false)).startsWith("HTTP/1.1 400");
        assertThat(raw(port, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n", false)).startsWith("HTTP/1.1 431");
        assertThat(raw(port, "GET / HTTP/1.1\r\nHost: x\r\n", false)).startsWith("HTTP/1.1 408");
        assertThat(raw(port, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "b".repeat(5000), false)).startsWith("HTTP/1.1 413");
        assertThat(raw(port, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", true)).startsWith("HTTP/1.1 200").endsWith("hi");
    }

    @Test
    void shutdown_duringRequests_refusesNewConnectionsAndFinishesThoseInFlight() throws Exception {
        int n = 4;
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(n);
        java.util.concurrent.CompletableFuture<ServerResponse> release = new java.util.concurrent.CompletableFuture<>();
        HttpServer upstream = HttpServer.start(HttpServerOptions.loopback(), request -> {
            arrived.countDown();
            return release;
        });
        open.add(upstream);
        PipelineServer s = serve("""
                apiVersion: apitool/v1
                services:
                  slow: {type: upstream, url: "http://127.0.0.1:%d"}
                routes: [{method: GET, path: /slow, name: slow, handler: {type: proxy, upstream: slow}}]
                """.formatted(upstream.port()));
        int port = s.address().getPort();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inFlight.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slow"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(arrived.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("all requests reached the upstream").isTrue();

        java.util.concurrent.CompletableFuture<Boolean> drained = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> s.shutdown(Duration.ofSeconds(30)));
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline; ) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (java.io.IOException refused) {
                break; // no longer accepting
            }
        }
        assertThat(drained).isNotDone();
        release.complete(ServerResponse.text(200, "done"));

        for (var f : inFlight) {
            HttpResponse<String> r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("done");
        }
        assertThat(drained.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }

    /** Sends {@code request} on a new connection and returns the response's head, or ({@code whole}) all until the server closes. */
    private static String raw(int port, String request, boolean whole) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            if (whole) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            StringBuilder head = new StringBuilder();
            int c;
            while (head.indexOf("\r\n\r\n") < 0 && (c = in.read()) >= 0) {
                head.append((char) c);
            }
            return head.toString();
        } catch (java.net.SocketException e) {
            return "reset: " + e.getMessage();
        }
    }

    private static final String IDEMPOTENT = """
            apiVersion: apitool/v1
            routes:
              - method: POST
                path: /charges
                name: charge
                handler: counter
                middleware: [{type: idempotency, store: "%s", ttl: 1h}]
            """;

    /** 50 requests at once under one key: the handler runs once; the rest get its stored answer or 409, never another result. */
    private void assertRunsOnce(PipelineServer s) throws Exception {
        String key = "k-" + System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + "/charges"))
                    .timeout(Duration.ofSeconds(20)).header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 5}")).build();
            all.add(http.sendAsync(r, HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        for (var f : all) {
            HttpResponse<String> r = f.get();
            assertThat(r.statusCode()).as(r.body()).isIn(200, 409);
            if (r.statusCode() == 200) {
                assertThat(r.body()).as("every successful answer is the one execution's").isEqualTo("{\"count\":1}");
                ok++;
            }
        }
        assertThat(ok).isPositive();
        HttpResponse<String> again = send(s, "POST", "/charges", "{\"amount\": 5}", "Idempotency-Key", key);
        assertThat(again.body()).isEqualTo("{\"count\":1}");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(send(s, "POST", "/charges", "{\"amount\": 6}", "Idempotency-Key", key).statusCode()).isEqualTo(422);
        assertThat(send(s, "POST", "/charges", "{\"amount\": 5}", "Idempotency-Key", key + "-other").body())
                .as("another key runs the handler again").isEqualTo("{\"count\":2}");
    }

    @Test
    void idempotency_memoryStore_fiftyConcurrentWithOneKey_handlerRunsOnce() throws Exception {
        assertRunsOnce(serve(IDEMPOTENT.formatted("memory")));
    }

    @Test
    void idempotency_redisStore_fiftyConcurrentWithOneKey_handlerRunsOnce() throws Exception {
        RedisServer redis = RedisServer.start();
        open.add(redis);
        assertRunsOnce(serve(IDEMPOTENT.formatted(redis.uri())));
    }

    @Test
    void envelope_overHttp_okFail404AndPaginatedHaveTheSeedShapes() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            items.append("      - {n: ").append(i).append("}\n");
        }
        PipelineServer s = serve("""
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

        HttpResponse<String> ok = send(s, "GET", "/things/2", null);
        HttpResponse<String> missing = send(s, "GET", "/things/99", null);
        HttpResponse<String> page = send(s, "GET", "/things?page=2&page_size=3", null);

        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"success\":true,\"data\":{\"id\":2,\"n\":2},\"error\":null}");
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"success\":false,\"data\":null,\"error\":{\"message\":\"Not found\",\"code\":404}}");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("{\"success\":true,\"data\":[{\"id\":4,\"n\":4},{\"id\":5,\"n\":5},{\"id\":6,\"n\":6}],"
                + "\"error\":null,\"meta\":{\"total\":10,\"page\":2,\"pages\":4}}");
    }

    @Test
    void rawSocket_slowHeaderAfterAServedRequestOnTheSameConnection_is408() throws Exception {
        PipelineServer s = serve("""
                apiVersion: apitool/v1
                routes: [{method: GET, path: /, name: root, handler: {type: static, body: hi}}]
                """, HttpServerOptions.loopback().withHeaderTimeout(Duration.ofMillis(300)));
        try (Socket socket = new Socket("127.0.0.1", s.address().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder first = new StringBuilder();
            while (!first.toString().endsWith("\r\n\r\nhi")) {
                first.append((char) in.read());
            }
            out.write("GET / HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String rest = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(first.toString()).startsWith("HTTP/1.1 200");
            assertThat(rest).startsWith("HTTP/1.1 408");
        }
    }
}
