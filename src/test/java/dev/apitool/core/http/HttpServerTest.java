package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core server over raw sockets: counters, keep-alive per request, pipelining order, idle timeout, limits. */
class HttpServerTest {

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpServer start(HttpServerOptions options) {
        server = HttpServer.start(options, request -> switch (request.path()) {
            case "/slow" -> TestHandlers.delayed(Duration.ofMillis(150), ServerResponse.text(200, "slow")).handle(request);
            case "/a" -> TestHandlers.delayed(Duration.ofMillis(50), ServerResponse.text(200, "first")).handle(request);
            default -> CompletableFuture.completedFuture(ServerResponse.text(200, "path " + request.path()));
        });
        return server;
    }

    private Socket connect() throws Exception {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
        s.setSoTimeout(5000);
        return s;
    }

    private static void send(Socket s, String raw) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write(raw.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads one response with a Content-Length body; returns head and body. */
    private static String readResponse(InputStream in) throws Exception {
        String head = RawServer.readHead(in);
        assertThat(head).as("a response").isNotNull();
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }

    @Test
    void ephemeralLoopbackPort_isReported() {
        start(HttpServerOptions.loopback());

        assertThat(server.port()).isPositive();
        assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(server.uri("/x").toString()).isEqualTo("http://127.0.0.1:" + server.port() + "/x");
    }

    @Test
    void counters_countRequestsAndConnections() throws Exception {
        start(HttpServerOptions.loopback());
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build())) {
            for (int i = 0; i < 5; i++) {
                Futures.get(client.send(HttpRequest.of("GET", server.uri("/count"))));
            }
            assertThat(server.requestsServed()).isEqualTo(5);
            assertThat(server.connectionsAccepted()).isEqualTo(1);
            assertThat(server.openConnections()).isEqualTo(1);
        }
        Await.until(() -> server.openConnections() == 0, Duration.ofSeconds(5), () -> "closed");
    }

    @Test
    void http10WithoutKeepAlive_isAnsweredAndClosed() throws Exception {
        start(HttpServerOptions.loopback());
        try (Socket s = connect()) {
            send(s, "GET /old HTTP/1.0\r\n\r\n");
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(all).startsWith("HTTP/1.0 200 OK").containsIgnoringCase("connection: close").endsWith("path /old");
        }
    }

    @Test
    void http10WithKeepAlive_staysOpen() throws Exception {
        start(HttpServerOptions.loopback());
        try (Socket s = connect()) {
            send(s, "GET /one HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            String first = readResponse(s.getInputStream());
            send(s, "GET /two HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            String second = readResponse(s.getInputStream());

            assertThat(first).containsIgnoringCase("connection: keep-alive").endsWith("path /one");
            assertThat(second).endsWith("path /two");
        }
    }

    @Test
    void connectionCloseRequest_isHonoured() throws Exception {
        start(HttpServerOptions.loopback());
        try (Socket s = connect()) {
            send(s, "GET /bye HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(all).containsIgnoringCase("connection: close").endsWith("path /bye");
        }
    }

    @Test
    void pipelinedRequests_areAnsweredInOrder_evenWhenTheFirstIsSlower() throws Exception {
        start(HttpServerOptions.loopback());
        try (Socket s = connect()) {
            send(s, "GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(readResponse(s.getInputStream())).endsWith("first");
            assertThat(readResponse(s.getInputStream())).endsWith("path /b");
        }
        assertThat(server.requestsServed()).isEqualTo(2);
    }

    @Test
    void idleTimeout_closesIdleConnections_butNotBusyOnes() throws Exception {
        start(HttpServerOptions.loopback().withIdleTimeout(Duration.ofMillis(50)));
        try (Socket idle = connect(); Socket busy = connect()) {
            send(busy, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(idle.getInputStream().read()).as("EOF on the idle connection").isEqualTo(-1);
            assertThat(readResponse(busy.getInputStream())).endsWith("slow");
        }
    }

    @Test
    void oversizedRequestBody_is413() throws Exception {
        start(HttpServerOptions.loopback().withMaxRequestBytes(16));
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build())) {
            HttpResponse r = Futures.get(client.send(HttpRequest.of("POST", server.uri("/upload")).withBody(new byte[64])));

            assertThat(r.status()).isEqualTo(413);
        }
    }

    @Test
    void portInUse_failsWithIo() {
        start(HttpServerOptions.loopback());
        HttpServerOptions same = HttpServerOptions.loopback().withPort(server.port());

        assertThatThrownBy(() -> HttpServer.start(same, RequestHandler.of(r -> ServerResponse.text(200, ""))))
                .isInstanceOf(HttpException.class).hasMessageStartingWith("cannot listen on 127.0.0.1:" + server.port());
    }

    @Test
    void nioTransport_servesAndConnectsToo() {
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> ServerResponse.text(200, "nio")),
                Transport.nio());
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build(), Transport.nio(), System::nanoTime)) {
            HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", server.uri("/"))));

            assertThat(r.bodyText()).isEqualTo("nio");
            assertThat(client.transport().name()).isEqualTo("nio");
        }
    }
}
