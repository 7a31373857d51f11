package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ResolveOverride;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tls:// and https:// checks against servers with self-signed certificates made in the test. */
class TlsCheckTest {

    private static EndpointResult check(TestServer server, HttpClientOptions.Builder options, String url, String... conditions)
            throws Exception {
        Endpoint e = Endpoints.of("cert", url, conditions);
        HttpClientOptions base = options.resolve(List.of(ResolveOverride.parse("localhost:" + server.port() + ":127.0.0.1")))
                .ioThreads(1).build();
        try (Checker checker = Endpoints.checker(List.of(e), base)) {
            return checker.runAndWait(List.of(e)).endpoints().get(0);
        }
    }

    private static HttpClientOptions.Builder trusting(TestServer server) {
        return HttpClientOptions.builder().caCert(server.certificatePem());
    }

    @Test
    void tls_certificateValidFor30Days_passesCertExpiresOver14d() throws Exception {
        Instant notAfter = Instant.now().plus(Duration.ofDays(30));
        try (TestServer server = TestServer.startTls(notAfter)) {
            EndpointResult r = check(server, trusting(server), "tls://localhost:" + server.port(), "cert.expires > 14d");

            assertThat(r.status()).as(r.reason()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(r.certificateExpires()).isEqualTo(notAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
            assertThat(server.requests()).isZero();
        }
    }

    @Test
    void tls_certificateExpiringIn3Days_failsCertExpiresOver14d_inTheIssuesWords() throws Exception {
        try (TestServer server = TestServer.startTls(Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(1)))) {
            EndpointResult r = check(server, trusting(server), "tls://localhost:" + server.port(), "cert.expires > 14d");

            assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(r.reason()).isEqualTo("certificate expires in 3d (condition cert.expires > 14d)");
        }
    }

    @Test
    void https_certExpiresCondition_readsThePeerCertificateOfTheResponse() throws Exception {
        try (TestServer server = TestServer.startTls(Instant.now().plus(Duration.ofDays(10)))) {
            server.ok("/health", Duration.ZERO);
            EndpointResult r = check(server, trusting(server), "https://localhost:" + server.port() + "/health",
                    "status == 200", "cert.expires > 14d");

            assertThat(r.reason()).startsWith("certificate expires in 9d (condition cert.expires > 14d)");
            assertThat(r.httpStatus()).isEqualTo(200);
        }
    }

    @Test
    void tls_untrustedCertificate_unhealthy_sayingWhy() throws Exception {
        try (TestServer server = TestServer.startTls(Instant.now().plus(Duration.ofDays(30)))) {
            EndpointResult r = check(server, HttpClientOptions.builder(), "tls://localhost:" + server.port());

            assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(r.reason()).startsWith("TLS handshake with localhost:" + server.port() + " failed: certificate not trusted");
        }
    }

    @Test
    void tls_expiredCertificate_withInsecure_stillUnhealthy() throws Exception {
        try (TestServer server = TestServer.startTls(Instant.now().minus(Duration.ofDays(2)).minus(Duration.ofHours(1)))) {
            EndpointResult r = check(server, HttpClientOptions.builder().insecure(true), "tls://localhost:" + server.port());

            assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
            assertThat(r.reason()).isEqualTo("certificate expired 2d ago");
        }
    }
}
