package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS against a server with a self-signed certificate for localhost, generated in the test. */
class HttpClientTlsTest {

    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.start(HttpServerOptions.loopback().withTls(TestTls.serverContext()),
                RequestHandler.of(TestHandlers::echo));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String localhostUrl() {
        return "https://localhost:" + server.port() + "/secure";
    }

    private static List<ResolveOverride> localhostToLoopback() {
        return List.of(ResolveOverride.parse("localhost:" + server.port() + ":127.0.0.1"));
    }

    @Test
    void selfSignedServer_defaultTrust_failsVerification() {
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().resolve(localhostToLoopback()).ioThreads(1).build())) {
            HttpException e = Futures.failure(client.send(HttpRequest.get(localhostUrl())));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.TLS);
            assertThat(e.phase()).isEqualTo(HttpException.Phase.TLS);
            assertThat(e.getMessage()).startsWith("TLS handshake with localhost:" + server.port() + " failed: certificate not trusted");
        }
    }

    @Test
    void selfSignedServer_insecure_succeedsEvenForAnotherName() {
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().insecure(true).ioThreads(1).build())) {
            HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", server.uri("/secure"))));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.uri().getScheme()).isEqualTo("https");
            assertThat(r.peerCertificates()).hasSize(1);
        }
    }

    @Test
    void selfSignedServer_cacert_succeeds() throws Exception {
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().caCert(TestTls.certificatePem())
                .resolve(localhostToLoopback()).ioThreads(1).build())) {
            HttpResponse r = Futures.get(client.send(HttpRequest.get(localhostUrl())));

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Host")).isEqualTo("localhost:" + server.port());
            assertThat(r.peerCertificates().get(0)).isEqualTo(TestTls.certificate().cert());
        }
    }

    @Test
    void sni_carriesTheUrlsHostName() throws Exception {
        SelfSignedCertificate cert = TestTls.certificate();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", cert.key(), new char[0], new Certificate[] {cert.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext jdk = SSLContext.getInstance("TLS");
        jdk.init(kmf.getKeyManagers(), null, null);
        AtomicReference<List<SNIServerName>> requested = new AtomicReference<>();
        try (RawServer raw = new RawServer(s -> {
            SSLSocket tls = (SSLSocket) jdk.getSocketFactory().createSocket(s, null, s.getPort(), true);
            tls.setUseClientMode(false);
            tls.startHandshake();
            requested.set(((ExtendedSSLSession) tls.getSession()).getRequestedServerNames());
            RawServer.readHead(tls.getInputStream());
            tls.getOutputStream().write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            tls.getInputStream().read();
        });
                HttpClient client = new HttpClient(HttpClientOptions.builder().insecure(true)
                        .resolve(List.of(ResolveOverride.parse("api.example.test:" + raw.port() + ":127.0.0.1"))).ioThreads(1).build())) {
            // a dotted name: the JDK sends no SNI for single-label names such as "localhost" (RFC 6066 wants a FQDN)
            HttpResponse r = Futures.get(client.send(HttpRequest.get("https://api.example.test:" + raw.port() + "/")));

            assertThat(r.status()).isEqualTo(204);
            assertThat(requested.get()).containsExactly(new SNIHostName("api.example.test"));
        }
    }

    @Test
    void cacert_wrongHostName_failsHostnameVerification() throws Exception {
        List<ResolveOverride> other = List.of(ResolveOverride.parse("other.test:" + server.port() + ":127.0.0.1"));
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().caCert(TestTls.certificatePem())
                .resolve(other).ioThreads(1).build())) {
            HttpException e = Futures.failure(client.send(HttpRequest.get("https://other.test:" + server.port() + "/")));

            assertThat(e.kind()).isEqualTo(HttpException.Kind.TLS);
            assertThat(e.getMessage()).contains("other.test");
        }
    }

    @Test
    void cacert_notPem_isAnInputError(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        HttpClientOptions options = HttpClientOptions.builder().caCert(bad).build();

        assertThatThrownBy(() -> new HttpClient(options)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--cacert " + bad);
    }

    @Test
    void probe_connectOnly_returnsTheCertificateChain() throws Exception {
        try (HttpClient client = new HttpClient(HttpClientOptions.builder().insecure(true).ioThreads(1).build())) {
            Connection c = Futures.get(client.connect(server.uri("/")));
            try {
                assertThat(c.id()).isEqualTo("probe-0");
                assertThat(c.peerCertificates().get(0).getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
            } finally {
                c.close();
            }
        }
    }
}
