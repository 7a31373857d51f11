package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import org.junit.jupiter.api.Test;

class TokenBucketPolicyTest {

    @Test
    void fullBucket_burstOfCapacity_isAdmittedThenLimitedUntilOneTokenRefills() {
        Stepper s = Stepper.of("token-bucket:capacity=5,rate=2/s");
        for (int i = 4; i >= 0; i--) {
            // each token refills in 0.5 s, so reset grows by 0.5 s per token taken
            assertThat(s.at(0)).isEqualTo(Decision.allowed(i, (5 - i) * SECOND / 2));
        }
        assertThat(s.at(0)).isEqualTo(Decision.limited(0, SECOND / 2, 5 * SECOND / 2));
        assertThat(s.at(SECOND / 4)).isEqualTo(Decision.limited(0, SECOND / 4, 9 * SECOND / 4));
        assertThat(s.at(SECOND / 2)).isEqualTo(Decision.allowed(0, 5 * SECOND / 2));
    }

    @Test
    void rejectedRequest_takesNothing() {
        Stepper s = Stepper.of("token-bucket:capacity=1,rate=1/s");
        s.at(0);
        long[] before = s.state();
        s.at(SECOND / 2);
        assertThat(s.state()).isSameAs(before);
        assertThat(s.at(SECOND).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void rateOfThreePerSecond_refillsExactlyWithNoRoundingLoss() {
        Stepper s = Stepper.of("token-bucket:capacity=1,rate=3/s");
        s.at(0);
        // one token takes 333 333.33 µs: at 333 333 µs it is 1/3 µs short, at 333 334 µs it is there
        assertThat(s.at(333_333)).isEqualTo(Decision.limited(0, 1, 1));
        assertThat(s.at(333_334).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void rateOfSevenPerMinute_underTenMinutesOfDemand_admitsExactlySeventyAfterTheBurst() {
        // 7/m refills 116.67 micro-tokens per ms: micro-tokens rounded at each decision would lose
        // 0.4 token over these 600 000 decisions and admit 69; the exact units admit 70
        Stepper s = Stepper.of("token-bucket:capacity=10,rate=7/m");
        int admitted = 0;
        for (long t = 0; t <= 600 * SECOND; t += 1000) {
            admitted += s.at(t).admitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(10 + 70);
    }

    @Test
    void zeroRate_isRefusedAsInEveryPolicy() {
        assertThatThrownBy(() -> Stepper.of("token-bucket:capacity=2,rate=0/s"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("rate '0/s' must be 1 to 1000000000000 per unit");
    }

    @Test
    void costAboveCapacity_isNeverAdmittedAndTakesNothing() {
        Stepper s = Stepper.of("token-bucket:capacity=5,rate=1/s");
        assertThat(s.at(0, 6)).isEqualTo(Decision.limited(5, Decision.NEVER, 0));
        assertThat(s.state()).isNull();
        assertThat(s.at(0, 5)).isEqualTo(Decision.allowed(0, 5 * SECOND));
    }

    @Test
    void costZero_peeksWithoutTaking() {
        Stepper s = Stepper.of("token-bucket:capacity=5,rate=1/s");
        s.at(0, 2);
        assertThat(s.at(0, 0)).isEqualTo(Decision.allowed(3, 2 * SECOND));
        assertThat(s.at(0, 3).remaining()).isZero();
    }

    @Test
    void consumeRejected_drainsTheBucketButRunsNoDebt() {
        Stepper charged = Stepper.of("token-bucket:capacity=2,rate=1/s,consume-rejected=true");
        Stepper free = Stepper.of("token-bucket:capacity=2,rate=1/s");
        for (Stepper s : new Stepper[] {charged, free}) {
            s.at(0);           // 1 token left
            s.at(0, 2);        // refused: needs 2
        }
        assertThat(charged.at(SECOND / 2).outcome()).isEqualTo(Outcome.LIMITED); // 0.5 token: drained
        assertThat(free.at(SECOND / 2).outcome()).isEqualTo(Outcome.ALLOWED);     // 1.5 tokens
        // that refusal was charged too, draining the half token; so was the one at 1.499999 s;
        // no debt: 1.000001 tokens one second later, so the bucket is full again 1.999999 s after
        assertThat(charged.at(3 * SECOND / 2 - 1).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(charged.at(5 * SECOND / 2)).isEqualTo(Decision.allowed(0, 2 * SECOND - 1));
    }

    @Test
    void isIdle_onceFullAgain() {
        TokenBucketPolicy p = (TokenBucketPolicy) Registry.parse("token-bucket:capacity=4,rate=2/s");
        long[] state = p.apply(null, 0, 3, 0).state();
        assertThat(p.isIdle(state, 3 * SECOND / 2 - 1)).isFalse();
        assertThat(p.isIdle(state, 3 * SECOND / 2)).isTrue();
        assertThat(p.apply(state, 10 * SECOND, 1, 0).decision()).isEqualTo(p.apply(null, 10 * SECOND, 1, 0).decision());
    }

    @Test
    void clockGoingBack_refillsNothingAndKeepsTheLaterTime() {
        Stepper s = Stepper.of("token-bucket:capacity=1,rate=1/s");
        s.at(10 * SECOND);
        assertThat(s.at(9 * SECOND).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(s.at(10 * SECOND + SECOND / 2).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(s.at(11 * SECOND).outcome()).isEqualTo(Outcome.ALLOWED);
    }
}
