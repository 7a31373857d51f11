package dev.apitool.core.ratelimit.policy;

import static dev.apitool.core.ratelimit.policy.Stepper.MS;
import static dev.apitool.core.ratelimit.policy.Stepper.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two {@code limit_req} zones on one request, traced through ngx_http_limit_req_handler and _account. */
class NginxZonesTest {

    private final List<NginxPolicy> zones = List.of(
            (NginxPolicy) Registry.parse("nginx:rate=1r/s,burst=5"),          // zone 0: delays
            (NginxPolicy) Registry.parse("nginx:rate=2r/s,burst=1,nodelay")); // zone 1, the last: never delays
    private long[][] states = new long[2][];

    private NginxZones.Result at(long micros) {
        NginxZones.Result r = NginxZones.decide(zones, states, micros);
        states = r.states();
        return r;
    }

    @Test
    void twoZones_firstOverBurstRejects_andLeavesEveryZoneUntouched() {
        // #1: both new: excess 0, 0: PASSED
        assertThat(at(0).decision().outcome()).isEqualTo(Outcome.ALLOWED);
        // #2: zone 0 excess 1000 <= 5000, zone 1 excess 1000 <= 1000; account from the last zone:
        // zone 1 nodelay, zone 0 (1000 - 0) * 1000 / 1000 = 1000 ms
        NginxZones.Result second = at(0);
        assertThat(second.decision()).isEqualTo(Decision.delayed(1000 * MS, 0, 2 * SECOND));
        assertThat(second.zone()).isZero();
        assertThat(states[0]).containsExactly(1000, 0);
        assertThat(states[1]).containsExactly(1000, 0);
        // #3: zone 0 lookup (no account) 2000 <= 5000, zone 1 2000 > 1000: NGX_BUSY at zone 1
        long[][] before = states;
        NginxZones.Result third = at(0);
        assertThat(third.decision().outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(third.zone()).isEqualTo(1);
        // zone 1 passes once 2000 * ms / 1000 >= 1000 + 1000 - 1000: ms = 500
        assertThat(third.decision().retryAfterMicros()).isEqualTo(500 * MS);
        assertThat(states).isSameAs(before);
        assertThat(states[0]).containsExactly(1000, 0); // not charged by the lookup of the rejected request
        // t=500: zone 0: 1000 - 500 + 1000 = 1500; zone 1: 1000 - 1000 + 1000 = 1000 <= 1000
        NginxZones.Result fourth = at(500 * MS);
        assertThat(fourth.decision()).isEqualTo(Decision.delayed(1500 * MS, 0, 1000 * MS + 1500 * MS));
        assertThat(states[0]).containsExactly(1500, 500);
        assertThat(states[1]).containsExactly(1000, 500);
    }

    @Test
    void twoZones_delay_isTheLongestAnyZoneImposes() {
        List<NginxPolicy> both = List.of(
                (NginxPolicy) Registry.parse("nginx:rate=1r/s,burst=5"),
                (NginxPolicy) Registry.parse("nginx:rate=4r/s,burst=5"));
        long[][] s = new long[2][];
        s = NginxZones.decide(both, s, 0).states();
        NginxZones.Result r = NginxZones.decide(both, s, 0);
        // zone 1 (last): (1000 - 0) * 1000 / 4000 = 250 ms; zone 0: 1000 ms, larger: zone 0 sets it
        assertThat(r.decision().delayMicros()).isEqualTo(1000 * MS);
        assertThat(r.zone()).isZero();
    }

    @Test
    void oneZone_decidesAsThePolicyItself() {
        NginxPolicy p = (NginxPolicy) Registry.parse("nginx:rate=5r/s,burst=12,delay=8");
        Stepper single = new Stepper(p);
        long[][] s = new long[1][];
        for (int i = 0; i < 20; i++) {
            long t = i * 37 * MS;
            NginxZones.Result r = NginxZones.decide(List.of(p), s, t);
            assertThat(r.decision()).as("request %d", i).isEqualTo(single.at(t));
            s = r.states();
        }
    }
}
