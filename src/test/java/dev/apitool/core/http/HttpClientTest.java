package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Round trips against a real loopback server: bodies, headers, keep-alive, redirects, --resolve. */
class HttpClientTest {

    private static HttpServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = HttpServer.start(HttpServerOptions.loopback(), request -> {
            String path = request.path();
            return java.util.concurrent.CompletableFuture.completedFuture(switch (path) {
                case "/large" -> TestHandlers.large(10L << 20);
                case "/close" -> ServerResponse.text(200, "bye").withEnding(ServerResponse.Ending.CLOSE);
                case "/found" -> TestHandlers.redirect(302, "/echo?from=found");
                case "/see-other" -> TestHandlers.redirect(303, "/echo");
                case "/temporary" -> TestHandlers.redirect(307, "/echo");
                case "/loop" -> TestHandlers.redirect(302, "/loop");
                default -> TestHandlers.echo(request);
            });
        });
        client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void get_contentLengthBody_returnsStatusHeadersAndBody() {
        HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", server.uri("/echo?q=1")).withHeader("X-Custom", "abc")));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.reason()).isEqualTo("OK");
        assertThat(r.header("x-target")).isEqualTo("/echo?q=1");
        assertThat(r.header("X-Custom-Echo")).isEqualTo("abc");
        assertThat(r.header("X-Host")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(r.header("Content-Length")).isEqualTo("0");
        assertThat(r.body()).isEmpty();
        assertThat(r.uri()).isEqualTo(server.uri("/echo?q=1"));
        assertThat(r.peerCertificates()).isEmpty();
    }

    @Test
    void post_body_isSentWithContentLengthAndEchoed() {
        HttpResponse r = Futures.get(client.send(HttpRequest.of("POST", server.uri("/echo")).withBody("{\"a\":1}")
                .withHeader("Content-Type", "application/json")));

        assertThat(r.header("X-Method")).isEqualTo("POST");
        assertThat(r.bodyText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void get_chunkedTenMebibyteBody_arrivesWhole() {
        HttpResponse r = Futures.get(client.send(HttpRequest.get(server.uri("/large").toString())));

        assertThat(r.header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.body()).hasSize(10 << 20);
        assertThat(TestHandlers.isPattern(r.body())).isTrue();
    }

    @Test
    void head_returnsHeadersWithoutBody() {
        HttpResponse r = Futures.get(client.send(HttpRequest.of("HEAD", server.uri("/echo"))));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void sequentialRequests_keepAlive_reuseOneConnection() {
        HttpClient own = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        try {
            long acceptedBefore = server.connectionsAccepted();
            HttpResponse first = Futures.get(own.send(HttpRequest.get(server.uri("/echo").toString())));
            HttpResponse second = Futures.get(own.send(HttpRequest.get(server.uri("/echo").toString())));

            assertThat(second.connectionId()).isEqualTo(first.connectionId()).isEqualTo("conn-0");
            assertThat(server.connectionsAccepted() - acceptedBefore).isEqualTo(1);
        } finally {
            own.close();
        }
    }

    @Test
    void connectionCloseResponse_nextRequest_usesNewConnection() {
        HttpClient own = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        try {
            HttpResponse first = Futures.get(own.send(HttpRequest.get(server.uri("/close").toString())));
            HttpResponse second = Futures.get(own.send(HttpRequest.get(server.uri("/echo").toString())));

            assertThat(first.header("Connection")).isEqualTo("close");
            assertThat(first.connectionId()).isEqualTo("conn-0");
            assertThat(second.connectionId()).isEqualTo("conn-1");
        } finally {
            own.close();
        }
    }

    @Test
    void redirect_offByDefault_returnsThe302() {
        HttpResponse r = Futures.get(client.send(HttpRequest.get(server.uri("/found").toString())));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).isEqualTo("/echo?from=found");
        assertThat(r.redirects()).isZero();
    }

    @Test
    void redirect_optedIn_isFollowed() {
        try (HttpClient following = new HttpClient(HttpClientOptions.builder().maxRedirects(5).ioThreads(1).build())) {
            HttpResponse r = Futures.get(following.send(HttpRequest.get(server.uri("/found").toString())));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Target")).isEqualTo("/echo?from=found");
            assertThat(r.uri()).isEqualTo(server.uri("/echo?from=found"));
            assertThat(r.redirects()).isEqualTo(1);
        }
    }

    @Test
    void redirect_303AfterPost_becomesGetWithoutBody_while307KeepsPost() {
        try (HttpClient following = new HttpClient(HttpClientOptions.builder().maxRedirects(5).ioThreads(1).build())) {
            HttpResponse seeOther = Futures.get(following.send(HttpRequest.of("POST", server.uri("/see-other")).withBody("data")));
            HttpResponse temporary = Futures.get(following.send(HttpRequest.of("POST", server.uri("/temporary")).withBody("data")));

            assertThat(seeOther.header("X-Method")).isEqualTo("GET");
            assertThat(seeOther.body()).isEmpty();
            assertThat(temporary.header("X-Method")).isEqualTo("POST");
            assertThat(temporary.bodyText()).isEqualTo("data");
        }
    }

    @Test
    void redirect_loop_failsAfterMaxRedirects() {
        try (HttpClient following = new HttpClient(HttpClientOptions.builder().maxRedirects(3).ioThreads(1).build())) {
            HttpException e = Futures.failure(following.send(HttpRequest.get(server.uri("/loop").toString())));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.TOO_MANY_REDIRECTS);
            assertThat(e.getMessage()).startsWith("Maximum (3) redirects followed");
        }
    }

    @Test
    void resolveOverride_madeUpHost_reachesTheServerWithItsHostHeader() {
        ResolveOverride r = ResolveOverride.parse("api.example.test:" + server.port() + ":127.0.0.1");
        try (HttpClient resolving = new HttpClient(HttpClientOptions.builder().resolve(List.of(r)).ioThreads(1).build())) {
            HttpResponse response = Futures.get(resolving.send(
                    HttpRequest.get("http://api.example.test:" + server.port() + "/echo")));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Host")).isEqualTo("api.example.test:" + server.port());
        }
    }

    @Test
    void chunkedRequestBody_isSentInChunks() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        try (RawServer raw = new RawServer(s -> {
            InputStream in = new java.io.BufferedInputStream(s.getInputStream()); // byte-wise reads below: buffered
            String head = RawServer.readHead(in);
            String body = RawServer.readUntil(in, "0\r\n\r\n");
            seen.set(head.toLowerCase(java.util.Locale.ROOT) + "|chunks:" + body.replaceAll("a+", "a"));
            s.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            in.read();
        })) {
            byte[] body = new byte[40_000];
            java.util.Arrays.fill(body, (byte) 'a');
            HttpResponse r = Futures.get(client.send(HttpRequest.of("PUT", raw.uri("/upload"))
                    .withHeader("Transfer-Encoding", "chunked").withBody(body)));

            assertThat(r.status()).isEqualTo(204);
            assertThat(seen.get()).contains("transfer-encoding: chunked").doesNotContain("content-length")
                    .endsWith("|chunks:4000\r\na\r\n4000\r\na\r\n1c40\r\na\r\n0\r\n\r\n");
        }
    }

    @Test
    void closeDelimitedBody_isReadToTheEnd_andTheConnectionNotReused() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            s.getOutputStream().write("HTTP/1.1 200 OK\r\n\r\nuntil the end".getBytes(StandardCharsets.US_ASCII));
        })) {
            HttpResponse r = Futures.get(client.send(HttpRequest.get(raw.uri("/").toString())));

            assertThat(r.bodyText()).isEqualTo("until the end");
            assertThat(client.pool(raw.uri("/")).stats().idle()).isZero();
        }
    }
}
