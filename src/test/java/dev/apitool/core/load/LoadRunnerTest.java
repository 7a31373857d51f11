package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Load runs against real loopback servers, each bounded in requests and time. */
@Timeout(30)
class LoadRunnerTest {

    @Test
    void closedModel_requestCount_sendsExactlyThatManyRequests() {
        try (HttpServer server = LoadServers.ok()) {
            LoadReport r = Spec.to(server.uri("/")).connections(7).threads(2).requests(1000).run();
            assertThat(server.requestsServed()).isEqualTo(1000);
            assertThat(r.sent()).isEqualTo(1000);
            assertThat(r.model()).isEqualTo(LoadModel.CLOSED);
            assertThat(r.warmupRequests()).isGreaterThan(0);
            assertThat(r.requests() + r.warmupRequests()).isEqualTo(1000);
            assertThat(r.status()).containsEntry(200, r.requests());
            assertThat(r.failed()).isZero();
            assertThat(r.stoppedBy()).isEqualTo(StoppedBy.REQUESTS);
            assertThat(r.bytesOut()).isPositive();
            assertThat(r.bytesIn()).isPositive();
        }
    }

    @Test
    void closedModel_countWarmup_unevenConnections_leavesOutExactlyTheWarmupNamed() {
        try (HttpServer server = LoadServers.ok()) {
            // 333 requests on 7 connections over 2 loops (190 and 143): 5% = the first 16, split 9 + 7
            LoadReport r = Spec.to(server.uri("/")).connections(7).threads(2).requests(333).run();
            assertThat(server.requestsServed()).isEqualTo(333);
            assertThat(r.warmup()).isEqualTo("first 16 requests");
            assertThat(r.warmupRequests()).isEqualTo(16);
            assertThat(r.requests()).isEqualTo(317);
        }
    }

    @Test
    void interrupt_afterTheRunEnded_isANoOp_notARejectedTask() {
        try (HttpServer server = LoadServers.ok()) {
            LoadRunner runner = LoadRunner.of(Spec.to(server.uri("/")).connections(2).requests(20).build());
            LoadReport r = runner.run();
            runner.interrupt(); // Ctrl-C just as the run ends: the event loops are gone
            assertThat(r.sent()).isEqualTo(20);
        }
    }

    @Test
    void openModel_200PerSecondFor5s_sends1000_andReportsTheAchievedRate() {
        try (HttpServer server = LoadServers.ok()) {
            long start = System.nanoTime();
            LoadReport r = Spec.to(server.uri("/")).rate("200/s").duration(Duration.ofSeconds(5)).run();
            double wall = (System.nanoTime() - start) / 1e9;
            assertThat(server.requestsServed()).isBetween(990L, 1010L);
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            assertThat(r.targetRps()).isEqualTo(200.0);
            assertThat(r.rps()).isCloseTo(200.0, within(2.0));
            assertThat(r.dropped()).isZero();
            assertThat(r.failed()).isZero();
            assertThat(wall).isLessThan(7.0);
        }
    }

    @Test
    void openModel_serverFreezing500msEverySecond_showsInThePercentiles() {
        try (HttpServer server = LoadServers.freezing(500)) {
            LoadReport r = Spec.to(server.uri("/")).rate("200/s").duration(Duration.ofSeconds(3)).run();
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            assertThat(r.latency().p99()).isGreaterThanOrEqualTo(450_000);
            assertThat(r.latency().max()).isGreaterThanOrEqualTo(500_000 - 5_000);
            assertThat(r.failed()).isZero();
        }
    }

    @Test
    void openModel_oneConnectionThroughAFreeze_queuedRequestsCarryTheWait_theServiceTimeHidesIt() {
        try (HttpServer server = LoadServers.freezing(500)) {
            LoadReport r = Spec.to(server.uri("/")).connections(1).maxInFlight(1).threads(1).rate("200/s")
                    .duration(Duration.ofSeconds(2)).run();
            assertThat(r.latency().p99()).isGreaterThanOrEqualTo(450_000);
            assertThat(r.late()).isPositive();
            assertThat(r.service().p99()).isLessThan(100_000); // what a closed-loop tool would have reported
        }
    }

    @Test
    void openModel_lateAndDropped_countOnlyMeasuredRequests_likeEveryOtherFigure() {
        // a 5 ms server on one connection serves 200/s: at 400/s nearly every request waits (late),
        // the warm-up's among them; the report leaves the warm-up out of late as of everything else
        try (HttpServer server = LoadServers.start(r -> CompletableFuture.supplyAsync(() -> ServerResponse.text(200, "ok"),
                CompletableFuture.delayedExecutor(5, TimeUnit.MILLISECONDS)))) {
            LoadReport r = Spec.to(server.uri("/")).connections(1).maxInFlight(1).threads(1).rate("400/s")
                    .duration(Duration.ofSeconds(2)).warmup(Duration.ofMillis(500)).run();
            assertThat(r.warmupRequests()).isPositive();
            // measured requests that started: those that ended, and the one still in flight at the end
            assertThat(r.late()).isPositive().isLessThanOrEqualTo(r.requests() + r.unfinished());
        }
    }

    @Test
    void openModel_requestsLateOnlyDuringTheWarmup_areNotCountedLate() {
        long start = System.nanoTime();
        // the server holds every request of its first 300 ms until then; the warm-up (1500 ms) covers the backlog
        try (HttpServer server = LoadServers.start(req -> {
            long leftMs = 300 - (System.nanoTime() - start) / 1_000_000;
            ServerResponse ok = ServerResponse.text(200, "ok");
            return leftMs <= 0 ? CompletableFuture.completedFuture(ok)
                    : CompletableFuture.supplyAsync(() -> ok, CompletableFuture.delayedExecutor(leftMs, TimeUnit.MILLISECONDS));
        })) {
            // the warm-up leaves 1.2 s after the hold to drain its backlog: a loaded machine needs more than a quiet one
            LoadReport r = Spec.to(server.uri("/")).connections(1).maxInFlight(1).threads(1).rate("100/s")
                    .warmup(Duration.ofMillis(1500)).duration(Duration.ofMillis(2700)).run();
            assertThat(r.warmupRequests()).isGreaterThan(50);
            assertThat(r.requests()).isGreaterThan(100);
            assertThat(r.late()).as("late requests, all in the warm-up").isZero();
            assertThat(r.dropped()).isZero();
        }
    }

    @Test
    void stages_rampThenHold_sendsThePlannedRequests_onConnectionsKeptThroughout() {
        try (HttpServer server = LoadServers.ok()) {
            long start = System.nanoTime();
            // 0 -> 200/s over 1 s (100 requests), then 200/s for 2 s (400): 500 planned
            LoadReport r = Spec.to(server.uri("/")).stages("1s:200/s,2s:200/s").run();
            double wall = (System.nanoTime() - start) / 1e9;
            assertThat(server.requestsServed()).isBetween(495L, 505L);
            assertThat(r.sent()).isBetween(495L, 505L);
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            // past the 300 ms warm-up (the first 9 requests of the ramp) to the last at 2.995 s: 490 in 2.695 s
            assertThat(r.targetRps()).isCloseTo(490 / 2.695, within(0.5));
            assertThat(r.rps()).isCloseTo(r.targetRps(), withinPercentage(5));
            assertThat(r.stages()).hasToString("1s:200/s,2s:200/s");
            assertThat(r.dropped()).isZero();
            assertThat(r.failed()).isZero();
            assertThat(wall).isBetween(2.5, 5.0);
        }
    }

    @Test
    void stages_theTargetIsPlannedOverTheMeasuredSpan_soAnIdleStartDoesNotHalveIt() {
        try (HttpServer server = LoadServers.ok()) {
            // 2 s idle, then 100/s for 2 s: 200 requests in 4 s, but all of them within the last 2
            LoadReport r = Spec.to(server.uri("/")).stages("2s:0/s,0s:100/s,2s:100/s").run();
            assertThat(server.requestsServed()).isBetween(198L, 202L);
            assertThat(r.targetRps()).isCloseTo(100.0, within(1.0));
            assertThat(r.rps()).isCloseTo(r.targetRps(), withinPercentage(5));
        }
    }

    @Test
    void stages_shortenedByTheDuration_stopThere() {
        try (HttpServer server = LoadServers.ok()) {
            // 0s:100/s jumps; 1 s of a 10 s constant stage
            LoadReport r = Spec.to(server.uri("/")).stages("0s:100/s,10s:100/s").duration(Duration.ofSeconds(1)).run();
            assertThat(server.requestsServed()).isBetween(99L, 101L);
            assertThat(r.targetRps()).isCloseTo(100.0, within(0.5));
        }
    }
}
