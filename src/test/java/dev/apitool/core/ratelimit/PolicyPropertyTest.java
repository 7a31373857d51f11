package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.RandomScripts.Case;
import dev.apitool.core.ratelimit.RandomScripts.Req;
import dev.apitool.core.ratelimit.policy.Registry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random scripts through the bucket-like policies and the concurrency limit: each decision
 * matches a plain reference model written from the algorithm's definition (no clamps, no unit
 * reduction), and the admitted total in any interval stays within what the policy allows. A
 * failure names its seed; rerun with that seed to reproduce it.
 */
class PolicyPropertyTest {

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void tokenBucket_anyScript_matchesTheReferenceAndNeverExceedsCapacityPlusRefill(long seed) {
        bucket(seed, RandomScripts.tokenBucket(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void gcra_anyScript_isATokenBucketOfBurstPlusOne(long seed) {
        bucket(seed, RandomScripts.gcra(seed));
    }

    /** Reference: tokens scaled by the period, {@code min(cap, tokens + elapsed * amount)}: the seed's limiter in exact arithmetic. */
    private static void bucket(long seed, Case c) {
        long capacity = c.p()[0];
        long amount = c.p()[1];
        long period = c.p()[2];
        boolean consume = c.p()[3] == 1;
        List<Req> script = c.script();
        List<Decision> ds = RandomScripts.run(Registry.parse(c.spec()), script);
        Map<String, long[]> ref = new HashMap<>();
        long cap = capacity * period;
        for (Req q : script) {
            long[] s = ref.computeIfAbsent(q.key(), k -> new long[] {cap, q.t()});
            s[0] = Math.min(cap, s[0] + (q.t() - s[1]) * amount);
            s[1] = q.t();
            long need = q.cost() * period;
            boolean ok = need <= s[0];
            if (ok || consume) {
                s[0] = Math.max(0, s[0] - need);
            }
            Decision d = ds.get(q.i());
            assertThat(d.admitted()).as("seed %d, %s, %s", seed, c.spec(), q).isEqualTo(ok);
            assertThat(d.remaining()).as("seed %d, %s, %s: remaining", seed, c.spec(), q).isEqualTo(s[0] / period);
        }
        for (String key : RandomScripts.KEYS) {
            List<Req> in = RandomScripts.admitted(script, ds, key);
            for (int a = 0; a < in.size(); a++) {
                long sum = 0;
                for (int b = a; b < in.size(); b++) {
                    sum += in.get(b).cost();
                    long allowed = capacity + amount * (in.get(b).t() - in.get(a).t()) / period;
                    assertThat(sum).as("seed %d, %s: admitted from %s to %s", seed, c.spec(), in.get(a), in.get(b))
                            .isLessThanOrEqualTo(allowed);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void nginx_anyScript_matchesTheCAndAdmitsNoMoreThanBurstPlusRate(long seed) {
        Case c = RandomScripts.nginx(seed);
        long rate = c.p()[0];
        long burst = c.p()[1];
        long delay = c.p()[2];
        List<Decision> ds = RandomScripts.run(Registry.parse(c.spec()), c.script());
        // reference: ngx_http_limit_req_lookup and _account for one zone, as written, without our clamps
        Map<String, long[]> nodes = new HashMap<>();
        for (Req q : c.script()) {
            long now = q.t() / 1000;
            long[] lr = nodes.get(q.key());
            Outcome expected;
            long delayMs = 0;
            if (lr == null) {
                nodes.put(q.key(), new long[] {0, now});
                expected = Outcome.ALLOWED;
            } else {
                long ms = now - lr[1];
                long excess = Math.max(0, lr[0] - rate * ms / 1000 + 1000);
                if (excess > burst) {
                    expected = Outcome.LIMITED;
                } else {
                    lr[0] = excess;
                    if (ms != 0) {
                        lr[1] = now;
                    }
                    delayMs = excess <= delay ? 0 : (excess - delay) * 1000 / rate;
                    expected = delayMs == 0 ? Outcome.ALLOWED : Outcome.DELAYED;
                }
            }
            Decision d = ds.get(q.i());
            assertThat(d.outcome()).as("seed %d, %s, %s", seed, c.spec(), q).isEqualTo(expected);
            assertThat(d.delayMicros()).as("seed %d, %s, %s: delay", seed, c.spec(), q).isEqualTo(delayMs * 1000);
        }
        // admitted a..b (n requests): (n - 1) * 1000 <= burst + drained, drained <= rate * (ms_b - ms_a) / 1000
        for (String key : RandomScripts.KEYS) {
            List<Req> in = RandomScripts.admitted(c.script(), ds, key);
            for (int a = 0; a < in.size(); a++) {
                for (int b = a; b < in.size(); b++) {
                    long ms = in.get(b).t() / 1000 - in.get(a).t() / 1000;
                    assertThat((long) (b - a) * 1_000_000).as("seed %d, %s: admitted from %s to %s", seed, c.spec(), in.get(a), in.get(b))
                            .isLessThanOrEqualTo(burst * 1000 + rate * ms);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void concurrency_anyScript_neverHasMoreThanMaxInFlight(long seed) {
        Case c = RandomScripts.concurrency(seed);
        long max = c.p()[0];
        List<Req> script = c.script();
        List<Decision> ds = RandomScripts.run(Registry.parse(c.spec()), script);
        for (Req q : script) {
            long inFlight = 0;
            for (Req p : RandomScripts.admitted(script.subList(0, q.i()), ds, q.key())) {
                if (p.t() + p.hold() > q.t()) {
                    inFlight += p.cost();
                }
            }
            boolean ok = inFlight + q.cost() <= max;
            assertThat(ds.get(q.i()).admitted()).as("seed %d, %s, %s with %d in flight", seed, c.spec(), q, inFlight).isEqualTo(ok);
            assertThat(inFlight + (ok ? q.cost() : 0)).as("seed %d: in flight", seed).isLessThanOrEqualTo(max);
        }
    }
}
