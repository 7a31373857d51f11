package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
            // the schedule is exact on any machine: 1000 due, each sent or reported dropped; a slow machine only
            // lowers the achieved rate, never raises it, and cannot make the schedule end before its 5 s
            assertThat(r.sent() + r.dropped()).isEqualTo(1000);
            assertThat(server.requestsServed()).isLessThanOrEqualTo(r.sent());
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            assertThat(r.targetRps()).isEqualTo(200.0);
            assertThat(r.rps()).isCloseTo(r.requests() / r.durationSec(), within(0.01)).isLessThanOrEqualTo(200.0 * 1.01);
            assertThat(r.failed()).isZero();
            assertThat(wall).as("the last request is due at 4.995 s").isGreaterThan(4.99);
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
        // (a smoke check over wall time; the exact rule, in virtual time, is OpenModelVirtualTimeTest's)
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
    void stages_rampThenHold_sendsThePlannedRequests_onConnectionsKeptThroughout() {
        try (HttpServer server = LoadServers.ok()) {
            long start = System.nanoTime();
            // 0 -> 200/s over 1 s (100 requests), then 200/s for 2 s (400): 500 planned
            LoadReport r = Spec.to(server.uri("/")).stages("1s:200/s,2s:200/s").run();
            double wall = (System.nanoTime() - start) / 1e9;
            assertThat(r.sent() + r.dropped()).as("sent or reported dropped").isEqualTo(500);
            assertThat(server.requestsServed()).isLessThanOrEqualTo(r.sent());
            assertThat(r.model()).isEqualTo(LoadModel.OPEN);
            // past the 300 ms warm-up (the first 9 requests of the ramp) to the last at 2.995 s: 490 in 2.695 s
            assertThat(r.targetRps()).isCloseTo(490 / 2.695, within(0.5));
            assertThat(r.rps()).as("achieved: at most the plan (a slow machine only lowers it)")
                    .isLessThanOrEqualTo(r.targetRps() * 1.05);
            assertThat(r.stages()).hasToString("1s:200/s,2s:200/s");
            assertThat(r.failed()).isZero();
            assertThat(wall).as("spread over the stages, not sent at once").isGreaterThan(2.9);
        }
    }

    @Test
    void stages_theTargetIsPlannedOverTheMeasuredSpan_soAnIdleStartDoesNotHalveIt() {
        try (HttpServer server = LoadServers.ok()) {
            // 2 s idle, then 100/s for 2 s: 200 requests in 4 s, but all of them within the last 2
            LoadReport r = Spec.to(server.uri("/")).stages("2s:0/s,0s:100/s,2s:100/s").run();
            assertThat(r.sent() + r.dropped()).as("sent or reported dropped").isEqualTo(200);
            assertThat(r.targetRps()).isCloseTo(100.0, within(1.0));
            // a halved target (planned over all 4 s) would be half the achieved rate; a slow machine only lowers it
            assertThat(r.rps()).isLessThanOrEqualTo(r.targetRps() * 1.05);
        }
    }

    @Test
    void stages_shortenedByTheDuration_stopThere() {
        try (HttpServer server = LoadServers.ok()) {
            // 0s:100/s jumps; 1 s of a 10 s constant stage
            LoadReport r = Spec.to(server.uri("/")).stages("0s:100/s,10s:100/s").duration(Duration.ofSeconds(1)).run();
            assertThat(r.sent() + r.dropped()).as("the first second's requests, sent or reported dropped").isEqualTo(100);
            assertThat(server.requestsServed()).isLessThanOrEqualTo(100);
            assertThat(r.targetRps()).isCloseTo(100.0, within(0.5));
        }
    }
}
