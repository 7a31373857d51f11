package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.MS;
import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations traced by hand through ngx_http_limit_req_lookup and ngx_http_limit_req_account
 * (nginx/nginx src/http/modules/ngx_http_limit_req_module.c); the trace is in each comment.
 * "excess" is in milli-requests, "rate" in milli-requests per second, time in ms.
 */
class NginxPolicyTest {

    private static List<Outcome> outcomes(Stepper s, int n, long atMicros) {
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.at(atMicros).outcome());
        }
        return out;
    }

    @Test
    void steadyOverRate_everyOtherRequestPasses_andRejectionsLeaveStateUntouched() {
        // rate=1r/s: ctx->rate = 1000, burst 0; a request every 500 ms
        Stepper s = Stepper.of("nginx:rate=1r/s");
        // t=0: new node, excess 0, lr->last = 0: PASSED; a second request now would reach 1000 > 0
        assertThat(s.at(0)).isEqualTo(Decision.allowed(0, SECOND));
        // t=500: ms = 500, excess = 0 - 1000 * 500 / 1000 + 1000 = 500 > burst 0: BUSY, node untouched
        assertThat(s.at(500 * MS)).isEqualTo(Decision.limited(0, 500 * MS, 500 * MS));
        assertThat(s.state()).containsExactly(0, 0);
        // t=1000: ms = 1000 (from the untouched last = 0): excess = 0 - 1000 + 1000 = 0: PASSED
        assertThat(s.at(1000 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(s.state()).containsExactly(0, 1000);
        assertThat(s.at(1500 * MS).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(s.at(2000 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void burst_withoutNodelay_delaysEachExcessRequestByExcessOverRate() {
        // rate=1r/s, burst=3 (limit->burst = 3000), delay 0; five requests at t=0
        Stepper s = Stepper.of("nginx:rate=1r/s,burst=3");
        // #1 new node, *ep = 0: no delay
        assertThat(s.at(0)).isEqualTo(Decision.allowed(3, SECOND));
        // #2 ms = 0: excess = 0 + 1000 = 1000 <= 3000; lr->last stays (ms == 0);
        //    account: delay = (1000 - 0) * 1000 / 1000 = 1000 ms
        assertThat(s.at(0)).isEqualTo(Decision.delayed(1000 * MS, 2, 2 * SECOND));
        assertThat(s.state()).containsExactly(1000, 0);
        // #3 excess 2000: 2000 ms; #4 excess 3000: 3000 ms
        assertThat(s.at(0)).isEqualTo(Decision.delayed(2000 * MS, 1, 3 * SECOND));
        assertThat(s.at(0)).isEqualTo(Decision.delayed(3000 * MS, 0, 4 * SECOND));
        // #5 excess 4000 > 3000: BUSY; passes once 1000 * ms / 1000 >= 3000 + 1000 - 3000, at 1000 ms
        assertThat(s.at(0)).isEqualTo(Decision.limited(0, SECOND, 4 * SECOND));
        // t=1000: excess = 3000 - 1000 + 1000 = 3000: passes, delayed 3 s
        assertThat(s.at(SECOND)).isEqualTo(Decision.delayed(3000 * MS, 0, 4 * SECOND));
    }

    @Test
    void burstWithNodelay_admitsTheWholeBurstAtOnceWithoutDelay() {
        Stepper s = Stepper.of("nginx:rate=1r/s,burst=3,nodelay");
        assertThat(outcomes(s, 5, 0)).containsExactly(
                Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.LIMITED);
        // the burst drains at the rate: one slot back every second, not all at once
        assertThat(outcomes(s, 2, SECOND)).containsExactly(Outcome.ALLOWED, Outcome.LIMITED);
    }

    @Test
    void delayN_servesThresholdRequestsAtOnceDelaysTheRestUpToBurst() {
        // nginx docs' example: rate=5r/s (5000), burst=12 (12000), delay=8 (8000); 15 requests at once.
        // Request k has excess (k-1) * 1000: no delay while <= 8000 (k <= 9), delayed while <= 12000
        // (k <= 13) by (excess - 8000) * 1000 / 5000 ms, rejected after.
        Stepper s = Stepper.of("nginx:rate=5r/s,burst=12,delay=8");
        List<Decision> ds = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ds.add(s.at(0));
        }
        assertThat(ds.subList(0, 9)).allMatch(d -> d.outcome() == Outcome.ALLOWED);
        assertThat(ds.subList(9, 13)).extracting(Decision::delayMicros)
                .containsExactly(200 * MS, 400 * MS, 600 * MS, 800 * MS);
        assertThat(ds.subList(9, 13)).allMatch(d -> d.outcome() == Outcome.DELAYED);
        assertThat(ds.subList(13, 15)).allMatch(d -> d.outcome() == Outcome.LIMITED);
        // #14: passes once 5000 * ms / 1000 >= 12000 + 1000 - 12000, at 200 ms
        assertThat(ds.get(13).retryAfterMicros()).isEqualTo(200 * MS);
    }

    @Test
    void oneRequestPerMinute_isSixteenMilliRequestsPerSecond_soTheSecondWaitsSixtyTwoAndAHalfSeconds() {
        // ctx->rate = 1 * 1000 / 60 = 16 (integer division)
        Stepper s = Stepper.of("nginx:rate=1r/m");
        assertThat(s.at(0).outcome()).isEqualTo(Outcome.ALLOWED);
        // t=60000: excess = 0 - 16 * 60000 / 1000 + 1000 = 0 - 960 + 1000 = 40 > 0: BUSY,
        // passes when 16 * ms / 1000 >= 1000: ms = 62500, 2.5 s from now
        assertThat(s.at(60 * SECOND)).isEqualTo(Decision.limited(0, 2500 * MS, 2500 * MS));
        // t=62499: 16 * 62499 / 1000 = 999: excess 1 > 0: BUSY, 1 ms to go
        assertThat(s.at(62_499 * MS)).isEqualTo(Decision.limited(0, MS, MS));
        // t=62500: 16 * 62500 / 1000 = 1000: excess 0: PASSED
        assertThat(s.at(62_500 * MS).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void millisecondClock_requestsInTheSameMillisecondSeeNoDrain() {
        // rate=1000r/s: 1000000 milli-req/s, one request per ms; burst 0
        Stepper s = Stepper.of("nginx:rate=1000r/s");
        assertThat(s.at(500).outcome()).isEqualTo(Outcome.ALLOWED);   // now = 0 ms
        // 400 µs later, but the same ms: ms = 0, excess 1000 > 0: BUSY (one request per 1000 µs would pass)
        assertThat(s.at(900)).isEqualTo(Decision.limited(0, 100, 100));
        // now = 1 ms: excess = 0 - 1000000 * 1 / 1000 + 1000 = 0: PASSED
        assertThat(s.at(1000).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void sameMillisecond_leavesLastUnchanged() {
        // if (ms) { lr->last = now; }: an admission at ms == 0 keeps the older last
        Stepper s = Stepper.of("nginx:rate=1r/s,burst=5,nodelay");
        s.at(10 * MS);
        s.at(10 * MS + 999);
        assertThat(s.state()).containsExactly(1000, 10);
        s.at(11 * MS);
        // ms = 1: excess = 1000 - 1000 * 1 / 1000 + 1000 = 1999
        assertThat(s.state()).containsExactly(1999, 11);
    }

    @Test
    void clockGoingBack_isClampedAsNginxDoes() {
        Stepper s = Stepper.of("nginx:rate=1r/s,burst=10,nodelay");
        s.at(100 * SECOND);
        s.at(100 * SECOND);                 // excess 1000, last 100000
        // ms = -30000: clamped to 0, excess = 1000 + 1000, last unchanged
        s.at(70 * SECOND);
        assertThat(s.state()).containsExactly(2000, 100_000);
        // ms = -90000 < -60000: taken as 1 ms: excess = 2000 - 1 + 1000, last = now
        s.at(10 * SECOND);
        assertThat(s.state()).containsExactly(2999, 10_000);
    }

    @Test
    void rateWithoutUnit_isRequestsPerSecondAsInNginx() {
        assertThat(Registry.parse("nginx:rate=10").spec()).isEqualTo("nginx:rate=10r/s,burst=0");
        assertThat(((NginxPolicy) Registry.parse("nginx:rate=10")).rate).isEqualTo(10_000);
        assertThat(((NginxPolicy) Registry.parse("nginx:rate=1r/m")).rate).isEqualTo(16);
    }

    @Test
    void costK_isKRequestsInTheSameMillisecond_allOrNone() {
        Stepper s = Stepper.of("nginx:rate=1r/s,burst=2,nodelay");
        // new node: first request excess 0, then 1000 each: 2000 <= 2000
        assertThat(s.at(0, 3)).isEqualTo(Decision.allowed(0, 3 * SECOND));
        assertThat(s.at(0, 1).outcome()).isEqualTo(Outcome.LIMITED);
        // four at once can never pass: 3000 > 2000 even for a new node
        assertThat(Stepper.of("nginx:rate=1r/s,burst=2").at(0, 4).retryAfterMicros()).isEqualTo(Decision.NEVER);
    }

    @Test
    void isIdle_onceDrainedByOneRequestMoreThanTheExcess_thenDecidesAsANewKey() {
        NginxPolicy p = (NginxPolicy) Registry.parse("nginx:rate=1r/m,burst=1,nodelay");
        long[] state = p.apply(p.apply(null, 0, 1, 0).state(), 0, 1, 0).state(); // excess 1000
        // drained when 16 * ms / 1000 >= 2000: ms = 125000
        assertThat(p.isIdle(state, 124_999 * MS)).isFalse();
        assertThat(p.isIdle(state, 125_000 * MS)).isTrue();
        // nginx's own expiry (60 s idle, excess - rate * ms / 1000 <= 0) would drop it at 62.5 s,
        // when it still decides differently from a new node:
        assertThat(p.apply(state, 62_500 * MS, 1, 0).state()).containsExactly(1000, 62_500);
        assertThat(p.apply(null, 62_500 * MS, 1, 0).state()).containsExactly(0, 62_500);
        assertThat(p.apply(state, 125_000 * MS, 1, 0).decision()).isEqualTo(p.apply(null, 125_000 * MS, 1, 0).decision());
        assertThat(p.apply(state, 125_000 * MS, 1, 0).state()).isEqualTo(p.apply(null, 125_000 * MS, 1, 0).state());
    }
}
