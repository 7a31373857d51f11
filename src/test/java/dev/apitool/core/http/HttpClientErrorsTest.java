package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every way an exchange fails maps to a kind and a one-line message whose first words a person reads. */
class HttpClientErrorsTest {

    private static HttpServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() {
        server = HttpServer.start(HttpServerOptions.loopback(), request -> switch (request.path()) {
            case "/slow" -> TestHandlers.delayed(Duration.ofMillis(600), ServerResponse.text(200, "late")).handle(request);
            case "/truncated" -> CompletableFuture.completedFuture(ServerResponse.truncated(200, 1000, new byte[100]));
            case "/empty" -> CompletableFuture.completedFuture(ServerResponse.emptyReply());
            case "/reset" -> CompletableFuture.completedFuture(ServerResponse.reset());
            case "/fail" -> CompletableFuture.completedFuture(ServerResponse.text(500, "boom"));
            case "/throw" -> throw new IllegalStateException("handler bug");
            case "/big" -> CompletableFuture.completedFuture(ServerResponse.of(200, new byte[2048]));
            default -> CompletableFuture.completedFuture(ServerResponse.text(200, "ok"));
        });
        client = new HttpClient(HttpClientOptions.builder().ioThreads(1).maxResponseBytes(1024).build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void closedPort_connectRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HttpException e = Futures.failure(client.send(HttpRequest.get("http://127.0.0.1:" + port + "/")));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.CONNECT_REFUSED);
        assertThat(e.phase()).isEqualTo(HttpException.Phase.CONNECT);
        assertThat(e.getMessage()).isEqualTo("Connection refused: 127.0.0.1:" + port);
    }

    @Test
    void unresolvableHost_unknownHost() {
        HttpException e = Futures.failure(client.send(HttpRequest.get("http://nothing-here.invalid/")));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.UNKNOWN_HOST);
        assertThat(e.getMessage()).isEqualTo("Could not resolve host: nothing-here.invalid");
    }

    @Test
    void slowServer_requestTimeout_timeoutAfter100ms() {
        long start = System.nanoTime();
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/slow")).withTimeout(Duration.ofMillis(100))));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.kind()).isEqualTo(HttpException.Kind.TIMEOUT);
        assertThat(e.phase()).isEqualTo(HttpException.Phase.READ);
        assertThat(e.getMessage()).startsWith("timeout after 100ms").contains("waiting for response from 127.0.0.1:");
        assertThat(tookMillis).isBetween(90L, 900L);
    }

    @Test
    void cancelledCall_abortsTheExchange_andFreesTheConnection() {
        try (HttpClient own = new HttpClient(HttpClientOptions.builder().ioThreads(1).build())) {
            ConnectionPool pool = own.pool(server.uri("/"));
            CompletableFuture<HttpResponse> call = own.send(HttpRequest.of("GET", server.uri("/slow")));
            Await.until(() -> pool.stats().inUse() == 1, Duration.ofSeconds(2), () -> "in flight");

            call.cancel(false);

            Await.until(() -> pool.stats().inUse() == 0, Duration.ofSeconds(2), () -> "released: " + pool.stats());
            assertThat(pool.stats().closed()).as("aborted, not answered (the answer would keep it idle)").isEqualTo(1);
        }
    }

    @Test
    void pooledConnection_sendWithTimeout_timesOutAndIsNotReused() {
        try (HttpClient own = new HttpClient(HttpClientOptions.builder().ioThreads(1).build())) {
            ConnectionPool pool = own.pool(server.uri("/"));
            Connection c = Futures.get(pool.acquire(Duration.ofSeconds(1)));

            HttpException e = Futures.failure(c.send(HttpRequest.of("GET", server.uri("/slow")), Duration.ofMillis(100)));
            pool.release(c);

            assertThat(e.getMessage()).startsWith("timeout after 100ms waiting for response from 127.0.0.1:");
            assertThat(pool.stats()).extracting(PoolStats::open, PoolStats::closed).containsExactly(0, 1L);
        }
    }

    @Test
    void serverClosesMidResponse_reset() {
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/truncated"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.RESET);
        assertThat(e.getMessage()).startsWith("Connection closed by server mid-response after 100 body bytes");
    }

    @Test
    void serverClosesWithoutAnswer_resetEmptyReply() {
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/empty"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.RESET);
        assertThat(e.getMessage()).contains("Empty reply from server");
    }

    @Test
    void serverResets_reset() {
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/reset"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.RESET);
    }

    @Test
    void serverError_isAResponseNotAnException() {
        HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", server.uri("/fail"))));
        HttpResponse thrown = Futures.get(client.send(HttpRequest.of("GET", server.uri("/throw"))));

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.bodyText()).isEqualTo("boom");
        assertThat(thrown.status()).isEqualTo(500);
    }

    @Test
    void bodyOverTheLimit_protocol() {
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/big"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.PROTOCOL);
        assertThat(e.getMessage()).startsWith("body cap hit (1.0 KiB): the response body from ");
    }

    @Test
    void garbageInsteadOfHttp_protocol() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read();
        })) {
            HttpException e = Futures.failure(client.send(HttpRequest.get(raw.uri("/").toString())));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.PROTOCOL);
            assertThat(e.getMessage()).startsWith("invalid HTTP response from 127.0.0.1:");
        }
    }

    @Test
    void contentLengthAndTransferEncoding_protocolNamingRfc9112() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            RawServer.readHead(s.getInputStream());
            s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5\r\nhello\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getInputStream().read();
        })) {
            HttpException e = Futures.failure(client.send(HttpRequest.get(raw.uri("/").toString())));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.PROTOCOL);
            assertThat(e.getMessage()).contains(Framing.BOTH);
        }
    }

    @Test
    void silentTlsPeer_handshakeTimeout() throws Exception {
        try (RawServer silent = new RawServer(s -> s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream()));
                HttpClient tls = new HttpClient(HttpClientOptions.builder().connectTimeout(Duration.ofMillis(150))
                        .ioThreads(1).build())) {
            HttpException e = Futures.failure(tls.send(HttpRequest.get("https://127.0.0.1:" + silent.port() + "/")));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.TIMEOUT);
            assertThat(e.phase()).isEqualTo(HttpException.Phase.TLS);
            assertThat(e.getMessage()).startsWith("timeout after 150ms in the TLS handshake with 127.0.0.1:");
        }
    }

    @Test
    void unsupportedScheme_invalidRequest() {
        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", URI.create("ftp://127.0.0.1/file"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).startsWith("Protocol \"ftp\" not supported");
    }

    @Test
    void closedClient_failsCallsWithClosed() {
        HttpClient closed = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        closed.close();

        HttpException e = Futures.failure(closed.send(HttpRequest.of("GET", server.uri("/"))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.CLOSED);
    }

    @Test
    void failedRequests_leaveNoConnectionInUse() {
        for (String path : new String[] {"/truncated", "/empty", "/reset", "/fail", "/"}) {
            client.send(HttpRequest.of("GET", server.uri(path))).handle((r, e) -> null).join();
        }
        PoolStats stats = client.pool(server.uri("/")).stats();

        assertThat(stats.inUse()).isZero();
        assertThat(stats.open()).isLessThanOrEqualTo(1);
    }
}
