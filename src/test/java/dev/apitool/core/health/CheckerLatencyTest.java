package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A check's latency is the request's own, from its write to the end of the response, as curl's
 * {@code time_total} less the connect: waiting for a connection is not in it, and a server that
 * answers in a known time is reported at that time.
 */
class CheckerLatencyTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Duration SLOW = Duration.ofMillis(400);
    private final CountDownLatch slowArrived = new CountDownLatch(1);
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start().ok("/fast", Duration.ZERO).ok("/fifty", Duration.ofMillis(50));
        server.route("/slow-marked", request -> {
            slowArrived.countDown();
            CompletableFuture<ServerResponse> f = new CompletableFuture<>();
            CompletableFuture.delayedExecutor(SLOW.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> f.complete(ServerResponse.text(200, "slow\n")));
            return f;
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void latency_serverAnswering50msLate_reportedAsAbout50ms() throws Exception {
        Endpoint e = Endpoints.of("fifty", server.url("/fifty"), true, TIMEOUT);
        try (Checker checker = Endpoints.checker(List.of(e))) {
            EndpointResult r = checker.check(e).get(10, TimeUnit.SECONDS);

            assertThat(r.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(r.latency()).isBetween(Duration.ofMillis(50), Duration.ofMillis(50 + 40));
        }
    }

    @Test
    void latency_waitingForAPooledConnection_isNotPartOfTheRequest() throws Exception {
        Endpoint slow = Endpoints.of("slow", server.url("/slow-marked"), true, TIMEOUT);
        Endpoint fast = Endpoints.of("fast", server.url("/fast"), true, TIMEOUT);
        HttpClientOptions oneConnection = HttpClientOptions.builder().ioThreads(1).maxConnectionsPerOrigin(1)
                .connectTimeout(TIMEOUT).acquireTimeout(TIMEOUT).build();
        try (Checker checker = new Checker(oneConnection, Clock.systemUTC())) {
            long started = System.nanoTime();
            CompletableFuture<EndpointResult> first = checker.check(slow);
            assertThat(slowArrived.await(5, TimeUnit.SECONDS)).isTrue();
            EndpointResult second = checker.check(fast).get(10, TimeUnit.SECONDS);
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(first.get(10, TimeUnit.SECONDS).latency()).isGreaterThanOrEqualTo(SLOW);
            assertThat(second.status()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(waited).as("the fast check waited for the only connection").isGreaterThanOrEqualTo(SLOW);
            assertThat(second.latency()).as("but its latency is its own exchange").isLessThan(SLOW.dividedBy(2));
        }
    }

    @Test
    void timeout_100ms_freshCheckerAgainstAFastServer_healthy() throws Exception {
        Endpoint e = Endpoints.of("fast", server.url("/fast"), true, Duration.ofMillis(100));
        try (Checker checker = Endpoints.checker(List.of(e))) {
            HealthReport r = checker.runAndWait(List.of(e));

            assertThat(r.status()).as("%s", r.endpoints()).isEqualTo(HealthStatus.HEALTHY);
            assertThat(r.endpoints().get(0).latency()).isLessThan(Duration.ofMillis(100));
        }
    }
}
