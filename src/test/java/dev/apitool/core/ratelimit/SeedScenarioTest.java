package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The seed's token bucket exercise (practice-problems.txt): capacity 5, refill 2/s, six requests
 * at once, then one after a second. Expected output: "Requests 1-5: allowed / Request 6:
 * rate_limited / After 1s refill: allowed".
 */
class SeedScenarioTest {

    private static final long SECOND = 1_000_000;

    @Test
    void tokenBucket_capacity5Rate2PerSecond_admitsFiveLimitsTheSixthAndAdmitsAgainAfterOneSecond() {
        Limiter limiter = Limiter.of(Registry.parse("token-bucket:capacity=5,rate=2/s"), new MemoryStore());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Decision d = limiter.decide("user_1", 1, 0);
            lines.add("Request " + i + ": " + (d.admitted() ? "allowed" : "rate_limited"));
        }
        Decision after = limiter.decide("user_1", 1, SECOND);
        lines.add("After 1s refill: " + (after.admitted() ? "allowed" : "rate_limited"));

        assertThat(lines).containsExactly(
                "Request 1: allowed", "Request 2: allowed", "Request 3: allowed", "Request 4: allowed",
                "Request 5: allowed", "Request 6: rate_limited", "After 1s refill: allowed");
    }

    @Test
    void tokenBucket_seedScenario_decisionsCarryRemainingRetryAndReset() {
        Limiter limiter = Limiter.of(Registry.parse("token-bucket:capacity=5,rate=2/s"), new MemoryStore());
        List<Decision> burst = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            burst.add(limiter.decide("user_1", 1, 0));
        }
        assertThat(burst).extracting(Decision::remaining).containsExactly(4L, 3L, 2L, 1L, 0L, 0L);
        assertThat(burst.get(5).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(burst.get(5).retryAfterMicros()).isEqualTo(SECOND / 2);
        assertThat(burst.get(5).resetAfterMicros()).isEqualTo(5 * SECOND / 2);

        // the rejected sixth request took nothing: after 1 s there are exactly 2 tokens
        Decision after = limiter.decide("user_1", 1, SECOND);
        assertThat(after).isEqualTo(Decision.allowed(1, 2 * SECOND));
        assertThat(limiter.headers(burst.get(5), HeaderProfile.IETF)).containsEntry("Retry-After", "1");
    }

    @Test
    void tokenBucket_otherKey_hasItsOwnBucket() {
        Limiter limiter = Limiter.of(Registry.parse("token-bucket:capacity=5,rate=2/s"), new MemoryStore());
        for (int i = 0; i < 6; i++) {
            limiter.decide("user_1", 1, 0);
        }
        assertThat(limiter.decide("user_2", 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
