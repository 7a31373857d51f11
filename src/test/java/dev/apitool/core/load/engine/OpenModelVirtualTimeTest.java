package dev.apitool.core.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadServers;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Spec;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The open model's accounting in virtual time ({@link VirtualClock}) over real loopback sockets:
 * the order of the schedule's timers and the deadline, and how long a request waits for a
 * connection, are the test's to set, so each count is exact on any machine.
 */
@Timeout(60)
class OpenModelVirtualTimeTest {

    private static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }

    /** 10/s for 1 s, no warm-up: requests 0..9 are due at 0, 100, ..., 900 ms. */
    private static LoadSpec tenPerSecond(HttpServer server, int connections) {
        return Spec.to(server.uri("/")).rate("10/s").duration(Duration.ofSeconds(1)).threads(1)
                .connections(connections).maxInFlight(connections).timeout(Duration.ofSeconds(30))
                .warmup(Duration.ZERO).build();
    }

    @Test
    void openModel_stopRunsBeforeALateTimer_theRequestsDueByTheStopAreAllSent() throws Exception {
        try (HttpServer server = LoadServers.ok()) {
            VirtualRun run = VirtualRun.start(tenPerSecond(server, 10), LoadListener.NONE);
            run.advanceTo(ms(450));
            run.clock.lag(Duration.ofSeconds(1)); // the machine stalls: the next fire comes 1 s late
            run.advanceTo(ms(550)); // request 5 fires; the next fire (600 ms) is set for 1.6 s, past the 1 s stop
            run.advanceTo(ms(1000)); // the deadline's stop runs first
            LoadReport r = run.report();

            assertThat(r.sent()).as("requests 6..9 were due by the stop: started in the grace period on idle connections")
                    .isEqualTo(10);
            assertThat(r.dropped()).isZero();
            assertThat(r.requests()).isEqualTo(10);
            assertThat(server.requestsServed()).isEqualTo(10);
        }
    }

    @Test
    void openModel_stopRunsBeforeALateTimer_withNoFreeConnection_theRequestsDueByTheStopAreCountedDropped() throws Exception {
        try (HttpServer server = LoadServers.silent()) {
            VirtualRun run = VirtualRun.start(tenPerSecond(server, 1), LoadListener.NONE);
            run.advanceTo(ms(450));
            run.clock.lag(Duration.ofSeconds(1));
            run.advanceTo(ms(550));
            run.advanceTo(ms(1000)); // the stop: request 0 holds the one connection, 1..9 wait
            run.advanceTo(ms(1000 + 3000 + 20)); // past the 3 s grace period (min(timeout, 3 s)): the loop ends
            LoadReport r = run.report();

            assertThat(r.sent()).as("request 0 only: the server never answers it").isEqualTo(1);
            assertThat(r.unfinished()).isEqualTo(1);
            assertThat(r.dropped()).as("requests 1..9, still waiting when the grace period ran out").isEqualTo(9);
            assertThat(r.sent() + r.dropped()).as("every planned request sent or counted dropped").isEqualTo(10);
        }
    }

    @Test
    void openModel_lateRequests_countOnlyPastTheWarmup() throws Exception {
        // one connection, 10/s for 2 s with a 1 s warm-up. Each second's due requests are marked while the
        // loop is busy with its timers (it reads no answer meanwhile), so all but the first of them wait for
        // the one connection, and start late once the answers are read: 9 in the warm-up, 9 after it.
        try (HttpServer server = LoadServers.ok()) {
            LoadSpec spec = Spec.to(server.uri("/")).rate("10/s").duration(Duration.ofSeconds(2)).threads(1)
                    .connections(1).maxInFlight(1).timeout(Duration.ofSeconds(30)).warmup(Duration.ofSeconds(1)).build();
            VirtualRun run = VirtualRun.start(spec, LoadListener.NONE);
            run.advanceOnLoop(ms(950)); // requests 1..9 due; 0 still in flight
            run.awaitIdle(); // 1..9 started one after another as each answer came: late, but warm-up
            run.advanceOnLoop(ms(1950)); // request 10 starts on time at 1 s; 11..19 wait; the run stops at 1.9 s
            LoadReport r = run.report(); // 11..19 start in the grace period: late, and measured

            assertThat(r.sent()).isEqualTo(20);
            assertThat(r.warmupRequests()).isEqualTo(10);
            assertThat(r.requests()).isEqualTo(10);
            assertThat(r.late()).as("the measured late requests, 11..19; the warm-up's 1..9 left out").isEqualTo(9);
            assertThat(r.dropped()).isZero();
        }
    }
}
