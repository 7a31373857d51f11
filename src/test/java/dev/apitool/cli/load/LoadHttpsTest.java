package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.http.TestTls;
import dev.apitool.core.json.Json;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.StandardConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code load} over https against loopback servers with self-signed certificates ({@link TestTls}):
 * verified with {@code --cacert}, refused as connect errors with a reason when untrusted or for
 * another host name, {@code --insecure}, {@code --resolve} keeping the name for Host and SNI, and
 * reconnects when the server closes keep-alive connections.
 */
@Timeout(60)
class LoadHttpsTest {

    @TempDir
    Path dir;

    private final Set<String> hosts = ConcurrentHashMap.newKeySet();
    private final Set<String> sniNames = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Cli cli() {
        return Cli.in(dir);
    }

    /** Starts an https server for {@code fqdn}'s certificate; every {@code closeEvery}-th response closes its connection (0: never). */
    private void startTls(String fqdn, int closeEvery) throws Exception {
        AtomicLong n = new AtomicLong();
        server = HttpServer.start(HttpServerOptions.loopback().withTls(recordingSni(TestTls.serverContext(fqdn))),
                RequestHandler.of(r -> {
                    hosts.add(r.header("Host"));
                    ServerResponse ok = ServerResponse.text(200, "ok");
                    return closeEvery > 0 && n.incrementAndGet() % closeEvery == 0 ? ok.withEnding(ServerResponse.Ending.CLOSE) : ok;
                }));
    }

    /** Returns {@code context} whose engines note the SNI host name each client asks for. */
    private SslContext recordingSni(SslContext context) {
        return new DelegatingSslContext(context) {
            @Override
            protected void initEngine(SSLEngine engine) {
                SSLParameters p = engine.getSSLParameters();
                p.setSNIMatchers(List.of(new SNIMatcher(StandardConstants.SNI_HOST_NAME) {
                    @Override
                    public boolean matches(SNIServerName name) {
                        sniNames.add(((SNIHostName) name).getAsciiName());
                        return true;
                    }
                }));
                engine.setSSLParameters(p);
            }
        };
    }

    private String localhost(String path) {
        return "https://localhost:" + server.port() + path;
    }

    private String resolveLocalhost() {
        return "localhost:" + server.port() + ":127.0.0.1";
    }

    private static String pem(String fqdn) throws Exception {
        return TestTls.certificatePem(fqdn).toString();
    }

    @Test
    void cacert_requestCount_sendsExactlyThatMany_overKeepAliveConnections() throws Exception {
        startTls("localhost", 0);
        CommandResult r = cli().run("load", localhost("/"), "-n", "600", "-c", "4", "--threads", "2",
                "--cacert", pem("localhost"), "--resolve", resolveLocalhost());
        assertThat(r).succeeded().errIsEmpty().outContains("Status     200: 570", "connect 0  timeout 0  reset 0  protocol 0",
                "Stopped by requests");
        assertThat(server.requestsServed()).isEqualTo(600);
        assertThat(server.connectionsAccepted()).isEqualTo(4);
        assertThat(hosts).containsExactly("localhost:" + server.port());
    }

    @Test
    void untrustedCertificate_stopsTheRunAtOnce_withTheReason_exit1_andNothingServed() throws Exception {
        startTls("localhost", 0);
        long start = System.nanoTime();
        CommandResult r = cli().run("load", localhost("/"), "-d", "30s", "-c", "4", "--threads", "2", "--resolve", resolveLocalhost());
        // every handshake would fail the same way: the run ends at the first failure, not after 30 s of retries
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(10.0);
        assertThat(r).exitedWith(1).errContains("stopped at the first failed TLS handshake", "certificate not trusted")
                .errHasNoStackTrace()
                .outContains("connect: TLS handshake with localhost:" + server.port() + " failed: certificate not trusted",
                        "use --cacert FILE or --insecure", "Stopped by error");
        assertThat(server.requestsServed()).isZero();
        assertThat(server.connectionsAccepted()).isLessThanOrEqualTo(4);
    }

    @Test
    void untrustedCertificate_jsonCountsThemUnderConnect() throws Exception {
        startTls("localhost", 0);
        CommandResult r = cli().run("--output", "json", "load", localhost("/"), "-n", "10", "-c", "1", "--warmup", "none",
                "--resolve", resolveLocalhost());
        assertThat(r).exitedWith(1);
        JsonSchemas.assertValid("load", r.out());
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("stoppedBy").asText()).isEqualTo("error");
        assertThat(doc.path("errors").path("connect").asLong()).isEqualTo(1);
        assertThat(doc.path("requests").asLong()).isEqualTo(1);
        assertThat(doc.path("failed").asLong()).isEqualTo(1);
    }

    @Test
    void insecure_succeedsWithoutTheCertificate() throws Exception {
        startTls("localhost", 0);
        assertThat(cli().run("load", localhost("/"), "-n", "100", "-c", "2", "--insecure", "--resolve", resolveLocalhost()))
                .succeeded().errIsEmpty();
        assertThat(server.requestsServed()).isEqualTo(100);
    }

    @Test
    void hostNameMismatch_failsWithoutInsecure_evenWithTheRightCaCert() throws Exception {
        startTls("localhost", 0);
        String byAddress = "https://127.0.0.1:" + server.port() + "/";
        CommandResult r = cli().run("load", byAddress, "-n", "10", "-c", "1", "--cacert", pem("localhost"));
        assertThat(r).exitedWith(1).outContains("connect: TLS handshake with 127.0.0.1:" + server.port() + " failed: host name mismatch",
                "--insecure");
        CommandResult other = cli().run("load", "https://other.test:" + server.port() + "/", "-n", "10", "-c", "1",
                "--cacert", pem("localhost"), "--resolve", "other.test:" + server.port() + ":127.0.0.1");
        assertThat(other).exitedWith(1).outContains("host name mismatch", "other.test");
        assertThat(server.requestsServed()).isZero();

        assertThat(cli().run("load", byAddress, "-n", "10", "-c", "1", "--insecure")).succeeded();
        assertThat(server.requestsServed()).isEqualTo(10);
    }

    @Test
    void resolve_madeUpName_goesToLoopback_withTheNameInHostSniAndTheCertificateCheck() throws Exception {
        startTls("api.load.test", 0);
        String url = "https://api.load.test:" + server.port() + "/r";
        CommandResult r = cli().run("load", url, "-n", "50", "-c", "2", "--cacert", pem("api.load.test"),
                "--resolve", "api.load.test:" + server.port() + ":127.0.0.1");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(server.requestsServed()).isEqualTo(50);
        assertThat(hosts).containsExactly("api.load.test:" + server.port());
        assertThat(sniNames).containsExactly("api.load.test");
    }

    @Test
    void serverClosingKeepAlive_reconnectsOverTls_everyRequestStillAnswered() throws Exception {
        startTls("localhost", 3);
        CommandResult r = cli().run("load", localhost("/"), "-n", "300", "-c", "3", "--cacert", pem("localhost"),
                "--resolve", resolveLocalhost());
        assertThat(r).succeeded().outContains("Status     200: 285", "connect 0  timeout 0  reset 0  protocol 0");
        assertThat(server.requestsServed()).isEqualTo(300);
        assertThat(server.connectionsAccepted()).isBetween(100L, 103L);
    }

    @Test
    void openModel_overTls_keepsTheRate() throws Exception {
        startTls("localhost", 0);
        CommandResult r = cli().run("--output", "json", "load", localhost("/"), "--rate", "100/s", "-d", "1s",
                "--cacert", pem("localhost"), "--resolve", resolveLocalhost());
        assertThat(r).succeeded();
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("errors").path("connect").asLong()).isZero();
        // 100 requests are due in the second on any machine: each is sent over TLS or reported dropped
        // (a loaded machine may not keep up, which the report says), and none beyond the schedule
        assertThat(doc.path("sent").asLong() + doc.path("dropped").asLong()).isEqualTo(100);
        assertThat(server.requestsServed()).isPositive().isLessThanOrEqualTo(doc.path("sent").asLong());
    }

    @Test
    void httpsToAPlainHttpPort_saysTheServerDidNotAnswerWithTls() {
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(req -> ServerResponse.text(200, "ok")));
        CommandResult r = cli().run("load", "https://127.0.0.1:" + server.port() + "/", "-n", "4", "-c", "1", "--insecure");
        assertThat(r).exitedWith(1).outContains("connect: TLS handshake with 127.0.0.1:" + server.port() + " failed: ");
    }

    @Test
    void unreadableCacert_isAUsageError() throws Exception {
        startTls("localhost", 0);
        Path bad = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThat(cli().run("load", localhost("/"), "-n", "1", "--cacert", bad.toString())).exitedWith(2)
                .failedWithOneLineError("--cacert");
        assertThat(cli().run("load", localhost("/"), "-n", "1", "--cacert", "missing.pem")).exitedWith(2)
                .failedWithOneLineError("missing.pem");
        assertThat(server.requestsServed()).isZero();
    }
}
