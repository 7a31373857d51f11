package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.MS;
import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.ratelimit.Policy;
import org.junit.jupiter.api.Test;

/** Fixed window, sliding log and sliding window counter, with hand-computed expectations. */
class WindowPoliciesTest {

    @Test
    void fixedWindow_epoch_countsPerClockAlignedWindow() {
        Stepper s = Stepper.of("fixed-window:limit=3,window=1s");
        assertThat(s.at(200 * MS)).isEqualTo(Decision.allowed(2, 800 * MS));
        assertThat(s.at(500 * MS)).isEqualTo(Decision.allowed(1, 500 * MS));
        assertThat(s.at(900 * MS)).isEqualTo(Decision.allowed(0, 100 * MS));
        assertThat(s.at(950 * MS)).isEqualTo(Decision.limited(0, 50 * MS, 50 * MS));
        assertThat(s.at(SECOND)).isEqualTo(Decision.allowed(2, SECOND));
    }

    @Test
    void fixedWindow_epoch_letsTwiceTheLimitThroughAroundABoundary() {
        Stepper s = Stepper.of("fixed-window:limit=3,window=1s");
        int admitted = 0;
        for (long t : new long[] {990 * MS, 990 * MS, 990 * MS, SECOND, SECOND, SECOND}) {
            admitted += s.at(t).admitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(6);
    }

    @Test
    void fixedWindow_first_startsAtTheFirstRequestAndAgainAtTheFirstAfterItEnds() {
        Stepper s = Stepper.of("fixed-window:limit=2,window=1s,align=first");
        assertThat(s.at(300 * MS)).isEqualTo(Decision.allowed(1, SECOND));
        assertThat(s.at(400 * MS)).isEqualTo(Decision.allowed(0, 900 * MS));
        assertThat(s.at(SECOND)).isEqualTo(Decision.limited(0, 300 * MS, 300 * MS));
        assertThat(s.at(1300 * MS)).isEqualTo(Decision.allowed(1, SECOND)); // window 1.3 .. 2.3
        assertThat(s.at(1350 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(s.at(2290 * MS)).isEqualTo(Decision.limited(0, 10 * MS, 10 * MS));
        assertThat(s.at(2300 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void fixedWindow_consumeRejected_chargesUpToTheLimit() {
        Stepper charged = Stepper.of("fixed-window:limit=3,window=1s,consume-rejected=true");
        Stepper free = Stepper.of("fixed-window:limit=3,window=1s");
        for (Stepper s : new Stepper[] {charged, free}) {
            s.at(0, 2);
            assertThat(s.at(0, 2).outcome()).isEqualTo(Outcome.LIMITED);
        }
        assertThat(charged.at(0).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(free.at(0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(Stepper.of("fixed-window:limit=3,window=1s").at(0, 4).retryAfterMicros()).isEqualTo(Decision.NEVER);
    }

    @Test
    void slidingLog_admitsAtMostTheLimitInAnyWindow() {
        Stepper s = Stepper.of("sliding-log:limit=3,window=1s");
        assertThat(s.at(0)).isEqualTo(Decision.allowed(2, SECOND));
        assertThat(s.at(100 * MS)).isEqualTo(Decision.allowed(1, SECOND));
        assertThat(s.at(200 * MS)).isEqualTo(Decision.allowed(0, SECOND));
        // full until the entry at 0 leaves, at 1 s
        assertThat(s.at(500 * MS)).isEqualTo(Decision.limited(0, 500 * MS, 700 * MS));
        assertThat(s.at(SECOND)).isEqualTo(Decision.allowed(0, SECOND));
        // the entry at 0.1 s leaves at 1.1 s
        assertThat(s.at(1050 * MS)).isEqualTo(Decision.limited(0, 50 * MS, 950 * MS));
        assertThat(s.state()).containsExactly(100 * MS, 1, 200 * MS, 1, SECOND, 1);
    }

    @Test
    void slidingLog_closesTheFixedWindowBoundaryGap() {
        Stepper s = Stepper.of("sliding-log:limit=3,window=1s");
        int admitted = 0;
        for (long t : new long[] {990 * MS, 990 * MS, 990 * MS, SECOND, SECOND, SECOND}) {
            admitted += s.at(t).admitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(3);
        assertThat(s.state()).containsExactly(990 * MS, 3); // same-time requests merged
    }

    @Test
    void slidingLog_costs_retryWaitsForEnoughOfTheOldestToLeave() {
        Stepper s = Stepper.of("sliding-log:limit=5,window=1s");
        s.at(0, 3);
        s.at(500 * MS, 2);
        // cost 3 fits once the 3 at t=0 leave: at 1 s
        assertThat(s.at(600 * MS, 3)).isEqualTo(Decision.limited(0, 400 * MS, 900 * MS));
        assertThat(s.at(600 * MS, 6).retryAfterMicros()).isEqualTo(Decision.NEVER);
    }

    @Test
    void slidingWindow_weightsThePreviousWindowByTheShareStillCovered() {
        Stepper s = Stepper.of("sliding-window:limit=10,window=1s");
        for (int i = 0; i < 8; i++) {
            assertThat(s.at(500 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        }
        // at 1.25 s: previous 8 weighted by 0.75 = 6; 6 + current + 1 <= 10 for current 0..3
        for (int i = 0; i < 4; i++) {
            assertThat(s.at(1250 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        }
        // 5th: 8 * (1 - e) + 4 + 1 <= 10 once e >= 0.375 s: 125 ms from now; weighted count to zero
        // at the end of the next window, 1.75 s from now
        assertThat(s.at(1250 * MS)).isEqualTo(Decision.limited(0, 125 * MS, 1750 * MS));
        assertThat(s.at(1374_999).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(s.at(1375 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        // at 2.5 s: previous 5 weighted by 0.5: 2.5, so 7 more fit (2.5 + 7 <= 10)
        int admitted = 0;
        for (int i = 0; i < 10; i++) {
            admitted += s.at(2500 * MS).admitted() ? 1 : 0;
        }
        assertThat(admitted).isEqualTo(7);
        // two windows later everything is forgotten
        assertThat(s.policy.isIdle(s.state(), 4 * SECOND)).isTrue();
        assertThat(s.policy.isIdle(s.state(), 4 * SECOND - 1)).isFalse();
    }

    @Test
    void slidingWindow_currentWindowFull_retriesInTheNextWindow() {
        Stepper s = Stepper.of("sliding-window:limit=4,window=1s");
        for (int i = 0; i < 4; i++) {
            s.at(0);
        }
        // next window: 4 * (1 - e) + 1 <= 4 once e >= 0.25 s: 1.25 s from now
        assertThat(s.at(0)).isEqualTo(Decision.limited(0, 1250 * MS, 2 * SECOND));
        assertThat(s.at(1249_999).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(s.at(1250 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        // a request of the whole limit waits for the window after next
        Stepper whole = Stepper.of("sliding-window:limit=4,window=1s");
        whole.at(0);
        assertThat(whole.at(0, 4).retryAfterMicros()).isEqualTo(2 * SECOND);
    }

    @Test
    void idleStates_decideAsNewKeys() {
        for (String spec : new String[] {"fixed-window:limit=2,window=1s", "fixed-window:limit=2,window=1s,align=first",
                "sliding-log:limit=2,window=1s", "sliding-window:limit=2,window=1s"}) {
            Policy p = Registry.parse(spec);
            long[] state = p.apply(null, 300 * MS, 2, 0).state();
            long idleAt = spec.startsWith("sliding-window") ? 2 * SECOND : 1300 * MS;
            if (spec.equals("fixed-window:limit=2,window=1s")) {
                idleAt = SECOND;
            }
            assertThat(p.isIdle(state, idleAt - 1)).as(spec).isFalse();
            assertThat(p.isIdle(state, idleAt)).as(spec).isTrue();
            assertThat(p.apply(state, idleAt, 1, 0).decision()).as(spec).isEqualTo(p.apply(null, idleAt, 1, 0).decision());
        }
    }
}
