package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --watch without sleeping: a fake clock and sleeper drive any number of runs; thresholds hold blips back. */
class ThresholdsTest {

    private static final Endpoint DB = Endpoints.thresholds(Endpoints.of("db", "http://db/health"), 3, 2);

    /** A clock that only moves when the loop sleeps (or a run "takes" time). */
    private static final class FakeClock {
        long now;
        final List<Long> wakeUps = new ArrayList<>();

        void sleepUntil(long deadline) {
            wakeUps.add(deadline);
            now = Math.max(now, deadline);
        }
    }

    private static HealthReport report(HealthStatus status) {
        EndpointResult r = new EndpointResult("db", null, true, "http://db/health", status,
                status == HealthStatus.HEALTHY ? Duration.ofMillis(5) : null,
                status == HealthStatus.HEALTHY ? null : "timeout after 2s", null, 1, List.of(), List.of(), null);
        return HealthReport.of(List.of(r), Instant.EPOCH, Duration.ofMillis(5));
    }

    /** Returns the overall statuses shown for a sequence of raw statuses (H healthy, U unhealthy, D degraded). */
    private static String watch(String raw) {
        FakeClock clock = new FakeClock();
        Iterator<Character> it = raw.chars().mapToObj(c -> (char) c).iterator();
        StringBuilder shown = new StringBuilder();
        new WatchLoop(Duration.ofSeconds(10), raw.length(), () -> clock.now, clock::sleepUntil).watch(
                () -> report(switch (it.next()) {
                    case 'H' -> HealthStatus.HEALTHY;
                    case 'D' -> HealthStatus.DEGRADED;
                    default -> HealthStatus.UNHEALTHY;
                }), new Thresholds(List.of(DB)), (n, r) -> shown.append(r.status().name().charAt(0)));
        return shown.toString();
    }

    @Test
    void failureThreshold3_oneOrTwoBlips_stayHealthy_threeInARow_flip() {
        assertThat(watch("HUHUUHUUUU")).isEqualTo("HHHHHHHHUU");
    }

    @Test
    void successThreshold2_oneGoodRun_staysUnhealthy_twoInARow_recover() {
        assertThat(watch("UHUHHH")).isEqualTo("UUUUHH");
    }

    @Test
    void firstRun_isShownAsItIs() {
        assertThat(watch("U")).isEqualTo("U");
        assertThat(watch("H")).isEqualTo("H");
    }

    @Test
    void badRuns_ofDifferentKinds_updateTheShownStatusAtOnce() {
        assertThat(watch("UUDDU")).isEqualTo("UUDDU");
    }

    @Test
    void heldResult_isTheLastOneShown_notTheBlip() {
        FakeClock clock = new FakeClock();
        List<HealthReport> shown = new ArrayList<>();
        Iterator<HealthStatus> raw = List.of(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY).iterator();
        new WatchLoop(Duration.ofSeconds(1), 2, () -> clock.now, clock::sleepUntil)
                .watch(() -> report(raw.next()), new Thresholds(List.of(DB)), (n, r) -> shown.add(r));

        assertThat(shown.get(1).endpoints().get(0).reason()).isNull();
        assertThat(shown.get(1).endpoints().get(0).latency()).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void loop_runsAtAFixedRate_onTheFakeClock_andStopsAfterCount() {
        FakeClock clock = new FakeClock();
        List<Long> starts = new ArrayList<>();
        HealthReport last = new WatchLoop(Duration.ofSeconds(10), 4, () -> clock.now, clock::sleepUntil).watch(() -> {
            starts.add(clock.now);
            clock.now += Duration.ofSeconds(3).toNanos(); // each run takes 3 s
            return report(HealthStatus.HEALTHY);
        }, new Thresholds(List.of(DB)), (n, r) -> { });

        long s = Duration.ofSeconds(10).toNanos();
        assertThat(starts).containsExactly(0L, s, 2 * s, 3 * s);
        assertThat(clock.wakeUps).hasSize(3);
        assertThat(last.status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void loop_runLongerThanTheInterval_nextRunStartsAtTheNextSlot_neverOverlapping() {
        FakeClock clock = new FakeClock();
        List<Long> starts = new ArrayList<>();
        new WatchLoop(Duration.ofSeconds(10), 3, () -> clock.now, clock::sleepUntil).watch(() -> {
            starts.add(clock.now);
            clock.now += Duration.ofSeconds(25).toNanos();
            return report(HealthStatus.HEALTHY);
        }, new Thresholds(List.of(DB)), (n, r) -> { });

        long s = Duration.ofSeconds(10).toNanos();
        assertThat(starts).containsExactly(0L, 3 * s, 6 * s);
    }

    @Test
    void loop_interrupted_returnsTheLastReportShown_andKeepsTheInterruptFlag() {
        FakeClock clock = new FakeClock();
        int[] runs = {0};
        HealthReport last = new WatchLoop(Duration.ofSeconds(10), 0, () -> clock.now, deadline -> {
            if (runs[0] == 2) {
                throw new InterruptedException("Ctrl-C");
            }
            clock.sleepUntil(deadline);
        }).watch(() -> {
            runs[0]++;
            return report(runs[0] == 1 ? HealthStatus.HEALTHY : HealthStatus.UNHEALTHY);
        }, new Thresholds(List.of(Endpoints.thresholds(DB, 1, 1))), (n, r) -> { });

        assertThat(Thread.interrupted()).isTrue();
        assertThat(runs[0]).isEqualTo(2);
        assertThat(last.status()).isEqualTo(HealthStatus.UNHEALTHY);
    }
}
