package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.MS;
import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

class GcraPolicyTest {

    /**
     * redis-cell's own table (src/cell/mod.rs, it_rate_limits): limit 5 (max_burst 4), 1 per
     * second, applied in order to one key. Its retry_after of -1 when allowed is our 0.
     */
    static Stream<Arguments> redisCellCases() {
        return Stream.of(
                // case, now ms, quantity, limited, remaining, reset_after ms, retry_after ms (-1: never / none)
                Arguments.of(0, 0, 6, true, 5, 0, -1),
                Arguments.of(1, 0, 1, false, 4, 1000, -1),
                Arguments.of(2, 0, 1, false, 3, 2000, -1),
                Arguments.of(3, 0, 1, false, 2, 3000, -1),
                Arguments.of(4, 0, 1, false, 1, 4000, -1),
                Arguments.of(5, 0, 1, false, 0, 5000, -1),
                Arguments.of(6, 0, 1, true, 0, 5000, 1000),
                Arguments.of(7, 3000, 1, false, 2, 3000, -1),
                Arguments.of(8, 3100, 1, false, 1, 3900, -1),
                Arguments.of(9, 4000, 1, false, 1, 4000, -1),
                Arguments.of(10, 8000, 1, false, 4, 1000, -1),
                Arguments.of(11, 9500, 1, false, 4, 1000, -1),
                Arguments.of(12, 9500, 0, false, 4, 1000, -1),
                Arguments.of(13, 9500, 2, false, 2, 3000, -1),
                Arguments.of(14, 9500, 5, true, 2, 3000, 3000));
    }

    @Test
    void redisCellTable_matchesCaseByCase() {
        Stepper s = Stepper.of("gcra:rate=1/s,burst=4");
        redisCellCases().forEach(a -> {
            Object[] c = a.get();
            long now = (int) c[1] * MS;
            Decision d = s.at(now, (int) c[2]);
            boolean limited = (boolean) c[3];
            long retry = (int) c[6] < 0 ? (limited ? Decision.NEVER : 0) : (int) c[6] * MS;
            assertThat(d).as("redis-cell case %s", c[0]).isEqualTo(limited
                    ? Decision.limited((int) c[4], retry, (int) c[5] * MS)
                    : Decision.allowed((int) c[4], (int) c[5] * MS));
        });
    }

    @Test
    void comparison_isExactNotTruncatedToSeconds() {
        // redis-cell's diff.num_seconds() < 0 would admit this request, half a second early
        Stepper s = Stepper.of("gcra:rate=1/s,burst=0");
        s.at(0);
        assertThat(s.at(SECOND / 2)).isEqualTo(Decision.limited(0, SECOND / 2, SECOND / 2));
        assertThat(s.at(SECOND).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void fractionalEmissionInterval_isExact() {
        // 3 per second: T = 333 333.33 µs, kept as 10^6 units of 1/3 µs
        Stepper s = Stepper.of("gcra:rate=3/s,burst=0");
        s.at(0);
        assertThat(s.at(333_333)).isEqualTo(Decision.limited(0, 1, 1));
        assertThat(s.at(333_334).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void consumeRejected_fillsTheMeterToTheTolerance() {
        Stepper charged = Stepper.of("gcra:rate=1/s,burst=1,consume-rejected=true");
        Stepper free = Stepper.of("gcra:rate=1/s,burst=1");
        for (Stepper s : new Stepper[] {charged, free}) {
            s.at(0);
            s.at(0, 2); // refused: needs 2, has 1
        }
        assertThat(free.at(0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(charged.at(0)).isEqualTo(Decision.limited(0, SECOND, 2 * SECOND));
    }

    @Test
    void isIdle_onceTheTheoreticalArrivalTimeHasPassed() {
        GcraPolicy p = (GcraPolicy) Registry.parse("gcra:rate=2/s,burst=3");
        long[] state = p.apply(null, 0, 3, 0).state();
        assertThat(p.isIdle(state, 3 * SECOND / 2 - 1)).isFalse();
        assertThat(p.isIdle(state, 3 * SECOND / 2)).isTrue();
        assertThat(p.quota().limit()).isEqualTo(4);
        assertThat(p.quota().windowMicros()).isEqualTo(2 * SECOND);
    }
}
