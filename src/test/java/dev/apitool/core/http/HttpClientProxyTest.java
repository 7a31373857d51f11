package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP_PROXY in absolute form, HTTPS_PROXY through CONNECT, NO_PROXY bypass, against an in-test proxy. */
class HttpClientProxyTest {

    private static final AtomicInteger absoluteForm = new AtomicInteger();
    private static HttpServer plain;
    private static HttpServer tls;

    @BeforeAll
    static void start() throws Exception {
        RequestHandler counting = RequestHandler.of(r -> {
            if (r.target().startsWith("http://")) {
                absoluteForm.incrementAndGet();
            }
            return TestHandlers.echo(r);
        });
        plain = HttpServer.start(HttpServerOptions.loopback(), counting);
        tls = HttpServer.start(HttpServerOptions.loopback().withTls(TestTls.serverContext()), counting);
    }

    @AfterAll
    static void stop() {
        plain.close();
        tls.close();
    }

    private static HttpClient client(Map<String, String> env) throws Exception {
        return new HttpClient(HttpClientOptions.builder().proxy(ProxyConfig.fromEnv(env)).caCert(TestTls.certificatePem())
                .ioThreads(1).build());
    }

    @Test
    void httpProxy_plainRequests_goInAbsoluteFormOverOneProxyConnection() throws Exception {
        try (TestProxy proxy = new TestProxy(false); HttpClient client = client(Map.of("HTTP_PROXY", proxy.uri().toString()))) {
            int before = absoluteForm.get();
            String url = "http://service.test:" + plain.port() + "/via-proxy";
            HttpResponse first = Futures.get(client.send(HttpRequest.get(url)));
            HttpResponse second = Futures.get(client.send(HttpRequest.get(url)));

            assertThat(first.header("X-Target")).isEqualTo(url);
            assertThat(first.header("X-Host")).isEqualTo("service.test:" + plain.port());
            assertThat(second.connectionId()).isEqualTo(first.connectionId());
            assertThat(absoluteForm.get() - before).isEqualTo(2);
            assertThat(proxy.forwarded.get()).isEqualTo(1);
            assertThat(proxy.connects.get()).isZero();
        }
    }

    @Test
    void httpsProxy_tunnelsWithConnect_andVerifiesTheTarget() throws Exception {
        try (TestProxy proxy = new TestProxy(false); HttpClient client = client(Map.of("https_proxy", proxy.uri().toString()))) {
            HttpResponse r = Futures.get(client.send(HttpRequest.get("https://localhost:" + tls.port() + "/tunnel")));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Target")).isEqualTo("/tunnel");
            assertThat(proxy.connects.get()).isEqualTo(1);
            assertThat(proxy.requestLines).containsExactly("CONNECT localhost:" + tls.port() + " HTTP/1.1");
        }
    }

    @Test
    void httpsProxy_refusesTunnel_proxyError() throws Exception {
        try (TestProxy proxy = new TestProxy(true); HttpClient client = client(Map.of("HTTPS_PROXY", proxy.uri().toString()))) {
            HttpException e = Futures.failure(client.send(HttpRequest.get("https://localhost:" + tls.port() + "/")));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.PROXY);
            assertThat(e.getMessage()).contains("403 Forbidden");
        }
    }

    @Test
    void proxyNotListening_connectRefusedNamesTheProxy() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (HttpClient client = client(Map.of("https_proxy", "http://127.0.0.1:" + port))) {
            HttpException e = Futures.failure(client.send(HttpRequest.get("https://localhost:" + tls.port() + "/")));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.CONNECT_REFUSED);
            assertThat(e.getMessage()).isEqualTo("Connection refused: 127.0.0.1:" + port + " (proxy)");
        }
    }

    @Test
    void noProxy_matchingHost_connectsDirectly() throws Exception {
        try (TestProxy proxy = new TestProxy(false);
                HttpClient client = client(Map.of("http_proxy", proxy.uri().toString(), "NO_PROXY", "example.org, 127.0.0.0/8"))) {
            HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", plain.uri("/direct"))));

            assertThat(r.header("X-Target")).isEqualTo("/direct");
            assertThat(proxy.forwarded.get() + proxy.connects.get()).isZero();
        }
    }

    @Test
    void poolsAreKeyedByProxy() throws Exception {
        try (TestProxy proxy = new TestProxy(false)) {
            ProxyConfig config = ProxyConfig.fromEnv(Map.of("http_proxy", proxy.uri().toString(), "no_proxy", "direct.test"));
            Origin viaProxy = Origin.of(java.net.URI.create("http://a.test/"), config);
            Origin direct = Origin.of(java.net.URI.create("http://direct.test/"), config);

            assertThat(viaProxy.proxy()).isEqualTo(proxy.uri());
            assertThat(direct.proxy()).isNull();
            assertThat(List.of(viaProxy.toString(), direct.toString()))
                    .containsExactly("http://a.test:80 via 127.0.0.1:" + proxy.uri().getPort(), "http://direct.test:80");
        }
    }
}
