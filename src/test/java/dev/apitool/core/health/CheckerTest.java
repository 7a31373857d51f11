package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ProxyConfig;
import dev.apitool.core.http.ServerResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checker against real servers on loopback: the seed's three scenarios, concurrency, retries, connect checks. */
class CheckerTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start().ok("/db", Duration.ofMillis(2)).ok("/cache", Duration.ofMillis(1))
                .ok("/slow-db", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HealthReport run(List<Endpoint> endpoints) throws Exception {
        try (Checker checker = Endpoints.checker(endpoints)) {
            return checker.runAndWait(endpoints);
        }
    }

    private static List<String> text(HealthReport report) {
        StringWriter out = new StringWriter();
        new TextReporter(new PrintWriter(out), TextReporter.PLAIN).print(report);
        return List.of(out.toString().split("\n"));
    }

    @Test
    void seedScenario1_dbAndCacheFast_healthy() throws Exception {
        HealthReport r = run(List.of(Endpoints.of("db", server.url("/db"), true, SECOND),
                Endpoints.of("cache", server.url("/cache"), false, SECOND)));

        assertThat(r.status()).isEqualTo(HealthStatus.HEALTHY);
        List<String> lines = text(r);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("Overall: healthy");
        assertThat(lines.get(1)).matches("db: healthy \\(\\d+ms\\)");
        assertThat(lines.get(2)).matches("cache: healthy \\(\\d+ms\\)");
    }

    @Test
    void seedScenario2_nonCriticalCacheRefusesConnections_degradedWithConnectionRefused() throws Exception {
        String refused = "http://127.0.0.1:" + TestServer.refusedPort() + "/cache";
        HealthReport r = run(List.of(Endpoints.of("db", server.url("/db"), true, SECOND),
                Endpoints.of("cache", refused, false, SECOND)));

        assertThat(r.status()).isEqualTo(HealthStatus.DEGRADED);
        List<String> lines = text(r);
        assertThat(lines.get(0)).isEqualTo("Overall: degraded");
        assertThat(lines.get(1)).matches("db: healthy \\(\\d+ms\\)");
        assertThat(lines.get(2)).isEqualTo("cache: unhealthy - Connection refused");
    }

    @Test
    void seedScenario3_criticalDbSlowerThan100msTimeout_unhealthyWithTimeout_withoutWaitingForIt() throws Exception {
        // the db holds its answer for a minute: a run that waited for it would take that long; the cache is
        // given a timeout no loaded machine runs out of, so only the db's 100 ms timeout decides the outcome
        server.ok("/hung-db", Duration.ofMinutes(1));
        long start = System.nanoTime();
        HealthReport r = run(List.of(Endpoints.of("db", server.url("/hung-db"), true, Duration.ofMillis(100)),
                Endpoints.of("cache", server.url("/cache"), false, Duration.ofSeconds(30))));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
        List<String> lines = text(r);
        assertThat(lines.get(0)).isEqualTo("Overall: unhealthy");
        assertThat(lines.get(1)).isEqualTo("db: unhealthy - timeout after 100ms");
        assertThat(lines.get(2)).matches("cache: healthy \\(\\d+ms\\)");
        assertThat(took).as("the run ended on the db's timeout, not its answer").isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void twoHundredEndpoints_answeredOnlyOnceAllTwoHundredArrived_allHealthy() throws Exception {
        // the server answers none of them until all 200 requests are in: checks that ran one after another,
        // or in batches (a pool of 8 connections, say), would wait for each other until their timeout
        int n = 200;
        AtomicInteger arrived = new AtomicInteger();
        CompletableFuture<ServerResponse> allArrived = new CompletableFuture<>();
        server.route("/gate", req -> {
            if (arrived.incrementAndGet() == n) {
                allArrived.complete(ServerResponse.text(200, "ok\n"));
            }
            return allArrived;
        });
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            endpoints.add(Endpoints.of("e" + i, server.url("/gate"), true, Duration.ofSeconds(20)));
        }
        try (Checker checker = Endpoints.checker(endpoints)) {
            HealthReport r = checker.runAndWait(endpoints);

            assertThat(r.endpoints()).hasSize(n).allMatch(e -> e.status() == HealthStatus.HEALTHY && e.attempts() == 1);
            assertThat(arrived).as("one request per check, all in flight at once").hasValue(n);
        }
    }

    @Test
    void retries_unhealthyThenHealthy_healthyAfterTwoAttempts() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.route("/flaky", Duration.ZERO, req -> calls.incrementAndGet() == 1
                ? ServerResponse.text(503, "warming up\n") : ServerResponse.text(200, "ok\n"));
        Endpoint e = Endpoints.retrying(Endpoints.of("flaky", server.url("/flaky")), 2, Duration.ofMillis(10));

        HealthReport r = run(List.of(e));

        assertThat(r.endpoints().get(0).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(r.endpoints().get(0).attempts()).isEqualTo(2);
        assertThat(calls).hasValue(2);
    }

    @Test
    void retries_alwaysFailing_stopsAfterRetriesWithTheLastReason() throws Exception {
        server.answer("/down", 503, "text/plain", "down\n");
        Endpoint e = Endpoints.retrying(Endpoints.of("down", server.url("/down")), 2, Duration.ofMillis(5));

        EndpointResult r = run(List.of(e)).endpoints().get(0);

        assertThat(r.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.reason()).isEqualTo("HTTP 503 Service Unavailable");
        assertThat(server.requests()).isEqualTo(3);
    }

    @Test
    void retries_manyWithLongPauses_stopAtTheRunDeadlineSayingSo() throws Exception {
        server.answer("/down", 503, "text/plain", "down\n");
        Endpoint e = Endpoints.retrying(Endpoints.of("down", server.url("/down")), 100, Duration.ofMillis(1));
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        // virtual time: each reading of the clock is four minutes after the one before
        java.util.function.LongSupplier clock = () -> now.addAndGet(Duration.ofMinutes(4).toNanos());
        EndpointResult r;
        try (Checker checker = new Checker(Checker.optionsFor(List.of(e), HttpClientOptions.builder().ioThreads(1).build()),
                java.time.Clock.systemUTC(), clock)) {
            r = checker.runAndWait(List.of(e)).endpoints().get(0);
        }
        assertThat(r.attempts()).isLessThan(5);
        assertThat(r.reason()).startsWith("HTTP 503 Service Unavailable (retries stopped after ")
                .endsWith(": a health run ends within 15m)");
    }

    @Test
    void backoff_doublesFromTheFirstPause_cappedAtAMinute() {
        assertThat(Checker.backoff(Duration.ofMillis(200), 1)).isEqualTo(Duration.ofMillis(200));
        assertThat(Checker.backoff(Duration.ofMillis(200), 3)).isEqualTo(Duration.ofMillis(800));
        assertThat(Checker.backoff(Duration.ofSeconds(40), 3)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void tcpCheck_openPort_healthyWithoutSendingARequest_closedPort_refused() throws Exception {
        HealthReport r = run(List.of(Endpoints.of("open", "tcp://127.0.0.1:" + server.port()),
                Endpoints.of("closed", "tcp://127.0.0.1:" + TestServer.refusedPort())));

        assertThat(r.endpoints().get(0).status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(r.endpoints().get(0).httpStatus()).isNull();
        assertThat(r.endpoints().get(1).reason()).isEqualTo("Connection refused");
        assertThat(server.requests()).isZero();
    }

    @Test
    void tcpCheck_connectsDirectly_evenWithAProxyConfigured() throws Exception {
        // a proxy nobody listens on: a tcp:// check through it would be refused; the origin itself is up
        ProxyConfig deadProxy = new ProxyConfig(URI.create("http://127.0.0.1:" + TestServer.refusedPort()), null, List.of());
        List<Endpoint> endpoints = List.of(Endpoints.of("open", "tcp://127.0.0.1:" + server.port()));
        try (Checker checker = Endpoints.checker(endpoints, HttpClientOptions.builder().ioThreads(1).proxy(deadProxy).build())) {
            HealthReport r = checker.runAndWait(endpoints);
            assertThat(r.endpoints().get(0).status()).isEqualTo(HealthStatus.HEALTHY);
        }
    }

    @Test
    void statusOutside2xx_unhealthy_withTheStatusAsReason_unlessAConditionOnStatusSaysOtherwise() throws Exception {
        server.answer("/broken", 500, "text/plain", "oops\n");
        HealthReport r = run(List.of(Endpoints.of("default", server.url("/broken")),
                Endpoints.of("expected", server.url("/broken"), "status == 500")));

        assertThat(r.endpoints().get(0).reason()).isEqualTo("HTTP 500 Internal Server Error");
        assertThat(r.endpoints().get(1).status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void conditions_failedBodyCondition_reasonQuotesWhatWasSeen() throws Exception {
        server.answer("/status", 200, "application/json", "{\"state\": \"DOWN\", \"checks\": [{\"name\": \"db\", \"state\": \"UP\"}]}");
        HealthReport r = run(List.of(Endpoints.of("api", server.url("/status"), "status == 200", "body.state == \"UP\"",
                "body.checks[?(@.name=='db')].state == \"UP\"", "latency < 5s", "header.content-type contains json")));

        EndpointResult e = r.endpoints().get(0);
        assertThat(e.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(e.reason()).isEqualTo("condition body.state == \"UP\" failed: was \"DOWN\"");
        assertThat(e.conditions()).extracting(Condition.Result::passed).containsExactly(true, false, true, true, true);
    }

    @Test
    void actuatorBody_503OutOfService_degradedNotUnhealthy() throws Exception {
        server.answer("/actuator/health", 503, "application/vnd.spring-boot.actuator.v3+json",
                "{\"status\":\"OUT_OF_SERVICE\",\"components\":{\"db\":{\"status\":\"UP\"},\"maint\":{\"status\":\"OUT_OF_SERVICE\"}}}");

        EndpointResult e = run(List.of(Endpoints.of("app", server.url("/actuator/health")))).endpoints().get(0);

        assertThat(e.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(e.reason()).isEqualTo("reported OUT_OF_SERVICE (maint: OUT_OF_SERVICE)");
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.components()).extracting(EndpointResult.Component::name).containsExactly("db", "maint");
    }
}
