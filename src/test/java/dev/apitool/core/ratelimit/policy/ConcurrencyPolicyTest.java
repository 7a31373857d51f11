package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.MS;
import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.ratelimit.store.MemoryStore;
import org.junit.jupiter.api.Test;

class ConcurrencyPolicyTest {

    @Test
    void knownDurations_freeTheirSlotsWhenTheyEnd() {
        Stepper s = Stepper.of("concurrency:max=2");
        assertThat(s.at("k", 0, 1, SECOND)).isEqualTo(Decision.allowed(1, SECOND));
        assertThat(s.at("k", 100 * MS, 1, SECOND)).isEqualTo(Decision.allowed(0, SECOND));
        // the first ends at 1 s
        assertThat(s.at("k", 500 * MS, 1, SECOND)).isEqualTo(Decision.limited(0, 500 * MS, 600 * MS));
        assertThat(s.at("k", SECOND, 1, SECOND)).isEqualTo(Decision.allowed(0, SECOND));
        assertThat(s.state()).containsExactly(0, 1100 * MS, 1, 2 * SECOND, 1);
    }

    @Test
    void zeroDuration_neverHoldsASlot() {
        Stepper s = Stepper.of("concurrency:max=1");
        for (int i = 0; i < 3; i++) {
            assertThat(s.at("k", 0, 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
        }
    }

    @Test
    void untilReleased_holdsUntilReleaseThroughTheLimiter() {
        Limiter l = Limiter.of(Registry.parse("concurrency:max=2"), new MemoryStore());
        assertThat(l.decide("k", 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(l.decide("k", 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(l.decide("k", 1, 10 * SECOND)).isEqualTo(Decision.limited(0, Decision.NEVER, 0));
        l.release("k", 1, 10 * SECOND);
        assertThat(l.decide("k", 1, 10 * SECOND).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void mixed_retryCountsOnlyTimedSlots() {
        Stepper s = Stepper.of("concurrency:max=3");
        s.at("k", 0, 1, Limiter.UNTIL_RELEASED);
        s.at("k", 0, 1, 2 * SECOND);
        s.at("k", 0, 1, SECOND);
        assertThat(s.at("k", 0, 1, SECOND)).isEqualTo(Decision.limited(0, SECOND, 2 * SECOND));
        assertThat(s.at("k", 0, 3, SECOND).retryAfterMicros()).isEqualTo(Decision.NEVER);
        assertThat(s.at("k", 0, 4, SECOND).retryAfterMicros()).isEqualTo(Decision.NEVER);
        assertThat(s.state()).containsExactly(1, SECOND, 1, 2 * SECOND, 1);
    }

    @Test
    void isIdle_whenNothingIsInFlight() {
        ConcurrencyPolicy p = (ConcurrencyPolicy) Registry.parse("concurrency:max=2");
        long[] timed = p.apply(null, 0, 1, SECOND).state();
        assertThat(p.isIdle(timed, SECOND - 1)).isFalse();
        assertThat(p.isIdle(timed, SECOND)).isTrue();
        long[] open = p.apply(null, 0, 1, Limiter.UNTIL_RELEASED).state();
        assertThat(p.isIdle(open, 100 * SECOND)).isFalse();
        assertThat(p.isIdle(p.release(open, 100 * SECOND, 1), 100 * SECOND)).isTrue();
    }
}
