package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.RandomScripts.Case;
import dev.apitool.core.ratelimit.RandomScripts.Req;
import dev.apitool.core.ratelimit.policy.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random scripts through the window policies, checked against plain reference models and
 * the bound each policy promises; and, for every policy, that a state the store may drop (idle)
 * decides exactly as a key never seen. A failure names its seed.
 */
class WindowPropertyTest {

    private static final String[] KEYS = RandomScripts.KEYS;

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void fixedWindow_anyScript_admitsAtMostTheLimitPerWindow(long seed) {
        Case c = RandomScripts.fixedWindow(seed);
        String spec = c.spec();
        long limit = c.p()[0];
        long w = c.p()[1];
        boolean first = c.p()[2] == 1;
        boolean consume = c.p()[3] == 1;
        List<Req> script = c.script();
        List<Decision> ds = RandomScripts.run(Registry.parse(spec), script);
        Map<String, long[]> windows = new HashMap<>(); // key -> [start, charged, admitted]
        for (Req q : script) {
            long[] win = windows.get(q.key());
            if (win == null || q.t() >= win[0] + w) {
                win = new long[] {first ? q.t() : Math.floorDiv(q.t(), w) * w, 0, 0};
                windows.put(q.key(), win);
            }
            boolean ok = win[1] + q.cost() <= limit;
            if (ok) {
                win[1] += q.cost();
                win[2] += q.cost();
            } else if (consume) {
                win[1] = limit;
            }
            assertThat(ds.get(q.i()).admitted()).as("seed %d, %s, %s", seed, spec, q).isEqualTo(ok);
            assertThat(win[2]).as("seed %d, %s: admitted in the window of %s", seed, spec, q).isLessThanOrEqualTo(limit);
        }
        for (String key : KEYS) {
            assertWithinWindow(seed, spec, RandomScripts.admitted(script, ds, key), w, 2 * limit);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void slidingLog_anyScript_admitsAtMostTheLimitInAnyWindow(long seed) {
        Case c = RandomScripts.slidingLog(seed);
        String spec = c.spec();
        long limit = c.p()[0];
        long w = c.p()[1];
        boolean consume = c.p()[2] == 1;
        List<Req> script = c.script();
        List<Decision> ds = RandomScripts.run(Registry.parse(spec), script);
        Map<String, List<long[]>> logs = new HashMap<>();
        for (Req q : script) {
            List<long[]> log = logs.computeIfAbsent(q.key(), k -> new ArrayList<>());
            long sum = log.stream().filter(e -> q.t() - e[0] < w).mapToLong(e -> e[1]).sum();
            boolean ok = sum + q.cost() <= limit;
            if (ok) {
                log.add(new long[] {q.t(), q.cost()});
            } else if (consume && sum < limit) {
                log.add(new long[] {q.t(), limit - sum});
            }
            assertThat(ds.get(q.i()).admitted()).as("seed %d, %s, %s", seed, spec, q).isEqualTo(ok);
        }
        for (String key : KEYS) {
            assertWithinWindow(seed, spec, RandomScripts.admitted(script, ds, key), w, limit);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void slidingWindow_anyScript_keepsTheWeightedCountWithinTheLimit(long seed) {
        Case c = RandomScripts.slidingWindow(seed);
        String spec = c.spec();
        long limit = c.p()[0];
        long w = c.p()[1];
        boolean consume = c.p()[2] == 1;
        List<Req> script = c.script();
        List<Decision> ds = RandomScripts.run(Registry.parse(spec), script);
        Map<String, Map<Long, long[]>> counts = new HashMap<>(); // key -> window index -> [charged, admitted]
        for (Req q : script) {
            Map<Long, long[]> byWindow = counts.computeIfAbsent(q.key(), k -> new HashMap<>());
            long index = Math.floorDiv(q.t(), w);
            long[] cur = byWindow.computeIfAbsent(index, k -> new long[2]);
            long[] prev = byWindow.getOrDefault(index - 1, new long[2]);
            long weight = w - (q.t() - index * w);
            boolean ok = cur[0] + q.cost() <= limit && prev[0] * weight <= (limit - cur[0] - q.cost()) * w;
            if (ok) {
                cur[0] += q.cost();
                cur[1] += q.cost();
                // what a client got through: previous admitted, weighted, plus current admitted
                assertThat(prev[1] * weight + cur[1] * w).as("seed %d, %s, %s: weighted admitted", seed, spec, q)
                        .isLessThanOrEqualTo(limit * w);
            } else if (consume) {
                cur[0] = Math.min(limit, cur[0] + q.cost());
            }
            assertThat(ds.get(q.i()).admitted()).as("seed %d, %s, %s", seed, spec, q).isEqualTo(ok);
        }
        for (String key : KEYS) {
            assertWithinWindow(seed, spec, RandomScripts.admitted(script, ds, key), w, 2 * limit);
        }
    }

    /** Asserts that the admitted cost in every half-open window {@code (t - w, t]} is at most {@code bound}. */
    private static void assertWithinWindow(long seed, String spec, List<Req> admitted, long w, long bound) {
        for (int b = 0; b < admitted.size(); b++) {
            long sum = 0;
            for (int a = b; a >= 0 && admitted.get(b).t() - admitted.get(a).t() < w; a--) {
                sum += admitted.get(a).cost();
            }
            assertThat(sum).as("seed %d, %s: admitted in the window ending at %s", seed, spec, admitted.get(b))
                    .isLessThanOrEqualTo(bound);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void everyPolicy_idleState_decidesExactlyAsANewKeyFromThenOn(long seed) {
        Random r = new Random(seed);
        String[] specs = {
            "token-bucket:capacity=" + (1 + r.nextInt(5)) + ",rate=" + (1 + r.nextInt(7)) + "/s",
            "gcra:rate=" + (1 + r.nextInt(7)) + "/s,burst=" + r.nextInt(4),
            "nginx:rate=" + (1 + r.nextInt(7)) + (r.nextBoolean() ? "r/s" : "r/m") + ",burst=" + r.nextInt(4),
            "fixed-window:limit=" + (1 + r.nextInt(5)) + ",window=1s" + (r.nextBoolean() ? ",align=first" : ""),
            "sliding-log:limit=" + (1 + r.nextInt(5)) + ",window=1s",
            "sliding-window:limit=" + (1 + r.nextInt(5)) + ",window=1s",
            "concurrency:max=" + (1 + r.nextInt(5))};
        for (String spec : specs) {
            Policy p = Registry.parse(spec);
            List<Req> script = RandomScripts.script(r, 300, 2, spec.contains("r/m") ? 20_000_000 : 300_000, 3, 2_000_000);
            Map<String, long[]> states = new HashMap<>();
            int idleSeen = 0;
            for (Req q : script) {
                long[] s = states.get(q.key());
                if (s != null && p.isIdle(s, q.t())) {
                    idleSeen++;
                    assertThat(p.isIdle(s, q.t() + r.nextInt(10_000_000))).as("seed %d, %s: idle stays idle", seed, spec).isTrue();
                    Transition kept = p.apply(s, q.t(), q.cost(), q.hold());
                    Transition fresh = p.apply(null, q.t(), q.cost(), q.hold());
                    assertThat(kept.decision()).as("seed %d, %s, %s", seed, spec, q).isEqualTo(fresh.decision());
                    assertThat(Arrays.equals(kept.state(), fresh.state()) || kept.state() == s && fresh.state() == null)
                            .as("seed %d, %s, %s: %s vs %s", seed, spec, q, Arrays.toString(kept.state()), Arrays.toString(fresh.state()))
                            .isTrue();
                }
                states.put(q.key(), p.apply(s, q.t(), q.cost(), q.hold()).state());
            }
            assertThat(idleSeen).as("seed %d, %s: the script reaches idle states", seed, spec).isPositive();
        }
    }
}
