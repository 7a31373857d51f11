package dev.apitool.core.load.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadServers;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Spec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Interval statistics: merged per second over every loop, in order, and summing to the run's report. */
@Timeout(60)
class IntervalsTest {

    /** Keeps what each interval said (the histograms are the runner's and reused, so copied). */
    static final class Collected implements LoadListener {
        final List<LoadInterval> intervals = new ArrayList<>();
        final Histogram all = LoopStats.histogram();
        final Histogram success = LoopStats.histogram();
        final Histogram error = LoopStats.histogram();
        final Histogram service = LoopStats.histogram();
        long startMillis;
        LoadReport report;

        @Override
        public void started(long startEpochMillis, LoadSpec spec, String warmup) {
            startMillis = startEpochMillis;
        }

        @Override
        public void interval(LoadInterval i) {
            intervals.add(new LoadInterval(i.index(), i.startSec(), i.lengthSec(), i.all().copy(), i.success().copy(),
                    i.error().copy(), i.service().copy(), i.latencySoFar().copy(), i.counts(), i.countsSoFar()));
            all.add(i.all());
            success.add(i.success());
            error.add(i.error());
            service.add(i.service());
        }

        @Override
        public void finished(LoadReport r, long fromNanos, long toNanos) {
            report = r;
        }
    }

    /** Returns loop {@code loop}'s interval {@code index}, its running total of requests {@code total}. */
    private static LoopInterval part(Intervals in, int loop, long index, boolean last, long endNanos, long total,
            long... latencyUs) {
        LoopInterval p = in.fresh();
        p.loop = loop;
        p.index = index;
        p.last = last;
        p.endNanos = endNanos;
        for (long us : latencyUs) {
            p.success.recordValue(us);
            p.service.recordValue(us / 2);
        }
        p.sent = p.ended = total;
        return p;
    }

    @Test
    void merge_waitsForEveryRunningLoop_thenEmitsInOrder_andAFinishedLoopIsNotWaitedFor() throws Exception {
        Collected c = new Collected();
        long t0 = 1_000_000_000L;
        Intervals in = new Intervals(2, t0, c);
        in.deliver(part(in, 0, 0, false, t0 + 1_000_000_000L, 2, 100, 200));
        in.deliver(part(in, 0, 1, true, t0 + 1_400_000_000L, 3, 300));
        assertThat(in.await(1_000_000)).as("loop 1 has not finished").isFalse();
        assertThat(c.intervals).as("interval 0 still waits for loop 1").isEmpty();

        in.deliver(part(in, 1, 0, false, t0 + 1_000_000_000L, 1, 1000));
        in.deliver(part(in, 1, 1, false, t0 + 2_000_000_000L, 2, 2000));
        in.deliver(part(in, 1, 2, true, t0 + 2_500_000_000L, 4, 3000, 4000));
        assertThat(in.await(Long.MAX_VALUE)).isTrue();
        in.drain();

        assertThat(c.intervals).extracting(LoadInterval::index).containsExactly(0L, 1L, 2L);
        assertThat(c.intervals).extracting(i -> i.all().getTotalCount()).containsExactly(3L, 2L, 2L);
        assertThat(c.intervals.get(1).lengthSec()).isCloseTo(1.0, within(1e-9));
        assertThat(c.intervals.get(2).startSec()).isEqualTo(2.0);
        assertThat(c.intervals.get(2).lengthSec()).as("the last interval ends when its loop did").isCloseTo(0.5, within(1e-9));
        assertThat(c.intervals.get(2).latencySoFar().getTotalCount()).isEqualTo(7);
        assertThat(c.intervals.get(2).latencySoFar().getMaxValue()).isEqualTo(c.all.getMaxValue());
        // counts are differences of the loops' running totals: loop 0's last total stays in the sum
        assertThat(c.intervals).extracting(i -> i.counts().sent()).containsExactly(3L, 2L, 2L);
        assertThat(c.intervals.get(2).countsSoFar().sent()).isEqualTo(7);
    }

    @Test
    void aLoopThatStartedPastTheFirstBoundary_doesNotHoldBackTheIntervalsItWillNeverDeliver() throws Exception {
        Collected c = new Collected();
        long t0 = 1_000_000_000L;
        Intervals in = new Intervals(2, t0, c);
        in.deliver(part(in, 0, 0, false, t0 + 1_000_000_000L, 2, 100, 200));
        // loop 1 began only after t0 + 1 s (a slow start): its first interval is 1, it never sends 0
        in.deliver(part(in, 1, 1, false, t0 + 2_000_000_000L, 1, 1000));
        assertThat(in.await(1_000_000)).isFalse();
        assertThat(c.intervals).extracting(LoadInterval::index).as("interval 0 is complete: loop 1 is past it").containsExactly(0L);
        in.deliver(part(in, 0, 1, false, t0 + 2_000_000_000L, 3, 300));
        assertThat(in.await(1_000_000)).isFalse();
        assertThat(c.intervals).extracting(LoadInterval::index).as("live, before any loop finished").containsExactly(0L, 1L);
        assertThat(c.intervals.get(1).all().getTotalCount()).isEqualTo(2);
        in.deliver(part(in, 0, 2, true, t0 + 2_200_000_000L, 3));
        in.deliver(part(in, 1, 2, true, t0 + 2_300_000_000L, 1));
        assertThat(in.await(Long.MAX_VALUE)).isTrue();
        in.drain();
        assertThat(c.intervals).extracting(LoadInterval::index).containsExactly(0L, 1L, 2L);
        assertThat(c.intervals.get(2).countsSoFar().sent()).isEqualTo(4);
    }

    @Test
    void openModelRun_intervalsEverySecond_sumExactlyToTheReport() throws Exception {
        // in virtual time, 5 ms (one request of the 200/s) at a time, every answer read before the clock
        // moves on: each request ends at the time it was due, so which second it falls in is exact
        try (HttpServer server = LoadServers.ok()) {
            Collected c = new Collected();
            VirtualRun run = VirtualRun.start(Spec.to(server.uri("/")).rate("200/s").duration(Duration.ofMillis(2500))
                    .threads(2).timeout(Duration.ofSeconds(30)).build(), c);
            for (int step = 1; step <= 500; step++) {
                run.advanceTo(Duration.ofMillis(5L * step));
                run.awaitIdle();
            }
            LoadReport r = run.report();

            assertThat(c.intervals).extracting(LoadInterval::index).containsExactly(0L, 1L, 2L);
            assertThat(c.intervals.get(0).lengthSec()).isEqualTo(1.0);
            assertThat(c.intervals.get(2).lengthSec()).as("the last request, due at 2.495 s, ended then")
                    .isCloseTo(0.495, within(1e-9));
            assertThat(c.startMillis).isPositive();
            assertThat(c.report).isSameAs(r);
            // the report's histograms are the sum of the intervals: every figure agrees to the µs
            assertThat(LoadReport.Latency.of(c.all)).isEqualTo(r.latency());
            assertThat(LoadReport.Latency.of(c.success)).isEqualTo(r.success());
            assertThat(LoadReport.Latency.of(c.error)).isEqualTo(r.error());
            assertThat(LoadReport.Latency.of(c.service)).isEqualTo(r.service());
            LoadInterval last = c.intervals.get(2);
            assertThat(LoadReport.Latency.of(last.latencySoFar())).isEqualTo(r.latency());
            assertThat(last.countsSoFar().sent()).isEqualTo(r.sent()).isEqualTo(500);
            assertThat(last.countsSoFar().ended()).isEqualTo(r.requests() + r.warmupRequests()).isEqualTo(500);
            assertThat(last.countsSoFar().failed()).isEqualTo(r.failed()).isZero();
            // second 1 holds the requests due in [1 s, 2 s): the interval closes at 1 s before that step's request is sent
            assertThat(c.intervals.get(1).rps()).as("a full second at 200/s").isEqualTo(200.0);
        }
    }
}
