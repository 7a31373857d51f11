package dev.apitool.core.ratelimit;

import dev.apitool.core.ratelimit.store.MemoryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Seeded random request scripts for the property tests: bursts, steady spells and idle gaps. */
final class RandomScripts {

    /** One request: index in the script, arrival time, key, cost, and how long it runs once admitted. */
    record Req(int i, long t, String key, long cost, long hold) {}

    /** A policy string, a script for it, and the settings the reference models read. */
    record Case(String spec, List<Req> script, long... p) {}

    static final String[] KEYS = {"k0", "k1", "k2"};
    private static final long[] WINDOWS = {100_000, 1_000_000, 60_000_000, 1_500_000};

    static final int SEEDS = 60;

    private RandomScripts() {}

    static Stream<Long> seeds() {
        return LongStream.range(0, SEEDS).boxed();
    }

    /**
     * Returns {@code n} requests in time order over {@code keys} keys: 30% arrive with the one
     * before, 50% after up to twice {@code meanGap}, 20% after up to twenty times (idle spells).
     * Half the scripts put every time and hold on a 10 ms grid, so that boundaries (a window's
     * end, a hold's end, nginx's millisecond) are hit exactly, not just approached.
     */
    static List<Req> script(Random r, int n, int keys, long meanGap, int maxCost, long maxHold) {
        List<Req> out = new ArrayList<>(n);
        long grain = r.nextBoolean() ? 1 : 10_000;
        long t = r.nextInt(1_000_000) / grain * grain;
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            long gap = u < 0.3 ? 0 : u < 0.8 ? (long) (r.nextDouble() * 2 * meanGap) : (long) (r.nextDouble() * 20 * meanGap);
            t += gap / grain * grain;
            long cost = maxCost > 1 && r.nextInt(5) == 0 ? 1 + r.nextInt(maxCost) : 1;
            long hold = maxHold == 0 ? 0 : (long) (r.nextDouble() * maxHold) / grain * grain;
            out.add(new Req(i, t, "k" + r.nextInt(keys), cost, hold));
        }
        return out;
    }

    /** Returns every algorithm's case for {@code seed}. */
    static List<Case> all(long seed) {
        return List.of(tokenBucket(seed), gcra(seed), nginx(seed), fixedWindow(seed), slidingLog(seed),
                slidingWindow(seed), concurrency(seed));
    }

    /** p = capacity, amount, period µs, consume. */
    static Case tokenBucket(long seed) {
        Random r = new Random(seed);
        long capacity = 1 + r.nextInt(10);
        long amount = r.nextInt(21);
        long period = r.nextBoolean() ? 1_000_000 : 60_000_000;
        boolean consume = r.nextInt(4) == 0;
        String spec = "token-bucket:capacity=" + capacity + ",rate=" + amount + (period == 1_000_000 ? "/s" : "/m")
                + (consume ? ",consume-rejected=true" : "");
        return new Case(spec, script(r, 400, KEYS.length, amount == 0 ? period : period / amount, 3, 0),
                capacity, amount, period, consume ? 1 : 0);
    }

    /** p = burst + 1, amount, period µs, consume: the token bucket GCRA is equivalent to. */
    static Case gcra(long seed) {
        Random r = new Random(seed);
        long burst = r.nextInt(10);
        long amount = 1 + r.nextInt(20);
        long period = r.nextBoolean() ? 1_000_000 : 60_000_000;
        boolean consume = r.nextInt(4) == 0;
        String spec = "gcra:rate=" + amount + (period == 1_000_000 ? "/s" : "/m") + ",burst=" + burst
                + (consume ? ",consume-rejected=true" : "");
        return new Case(spec, script(r, 400, KEYS.length, period / amount, 3, 0), burst + 1, amount, period, consume ? 1 : 0);
    }

    /** p = rate (milli-req/s), burst (milli), delay (milli; Long.MAX_VALUE for nodelay); cost always 1, as in nginx. */
    static Case nginx(long seed) {
        Random r = new Random(seed);
        long amount = 1 + r.nextInt(20);
        boolean perMinute = r.nextInt(3) == 0;
        long burst = r.nextInt(6);
        int mode = r.nextInt(3);
        long delay = mode == 0 ? 0 : mode == 1 ? -1 : 1 + r.nextInt((int) burst + 1);
        String spec = "nginx:rate=" + amount + (perMinute ? "r/m" : "r/s") + ",burst=" + burst
                + (delay < 0 ? ",nodelay" : delay > 0 ? ",delay=" + delay : "");
        long rate = amount * 1000 / (perMinute ? 60 : 1);
        List<Req> script = script(r, 400, KEYS.length, 1_000_000_000L / rate, 1, 0);
        return new Case(spec, script, rate, burst * 1000, delay < 0 ? Long.MAX_VALUE : delay * 1000);
    }

    /** p = limit, window µs, first (1) or epoch (0), consume. */
    static Case fixedWindow(long seed) {
        Random r = new Random(seed);
        long limit = 3 + r.nextInt(8);
        long w = WINDOWS[r.nextInt(WINDOWS.length)];
        boolean first = r.nextBoolean();
        boolean consume = r.nextInt(4) == 0;
        String spec = "fixed-window:limit=" + limit + ",window=" + w + "us" + (first ? ",align=first" : "")
                + (consume ? ",consume-rejected=true" : "");
        return new Case(spec, script(r, 400, KEYS.length, w / limit, 3, 0), limit, w, first ? 1 : 0, consume ? 1 : 0);
    }

    /** p = limit, window µs, consume. */
    static Case slidingLog(long seed) {
        Random r = new Random(seed);
        long limit = 3 + r.nextInt(8);
        long w = WINDOWS[r.nextInt(WINDOWS.length)];
        boolean consume = r.nextInt(4) == 0;
        String spec = "sliding-log:limit=" + limit + ",window=" + w + "us" + (consume ? ",consume-rejected=true" : "");
        return new Case(spec, script(r, 400, KEYS.length, w / limit, 3, 0), limit, w, consume ? 1 : 0);
    }

    /** p = limit, window µs, consume. */
    static Case slidingWindow(long seed) {
        Random r = new Random(seed);
        long limit = 3 + r.nextInt(18);
        long w = WINDOWS[r.nextInt(WINDOWS.length)];
        boolean consume = r.nextInt(4) == 0;
        String spec = "sliding-window:limit=" + limit + ",window=" + w + "us" + (consume ? ",consume-rejected=true" : "");
        return new Case(spec, script(r, 400, KEYS.length, w / limit, 3, 0), limit, w, consume ? 1 : 0);
    }

    /** p = max; requests hold their slot up to 0.4 s. */
    static Case concurrency(long seed) {
        Random r = new Random(seed);
        long max = 1 + r.nextInt(8);
        return new Case("concurrency:max=" + max, script(r, 400, KEYS.length, 50_000, 3, 400_000), max);
    }

    /** Returns each request's decision, on the in-memory store. */
    static List<Decision> run(Policy policy, List<Req> script) {
        return run(policy, script, new MemoryStore());
    }

    /** Returns each request's decision, on {@code store}. */
    static List<Decision> run(Policy policy, List<Req> script, StateStore store) {
        Limiter limiter = Limiter.of(policy, store);
        List<Decision> out = new ArrayList<>(script.size());
        for (Req q : script) {
            out.add(limiter.decide(q.key(), q.cost(), q.t(), q.hold()));
        }
        return out;
    }

    /** Returns the admitted requests of {@code key}, in script order. */
    static List<Req> admitted(List<Req> script, List<Decision> decisions, String key) {
        List<Req> out = new ArrayList<>();
        for (Req q : script) {
            if (q.key().equals(key) && decisions.get(q.i()).admitted()) {
                out.add(q);
            }
        }
        return out;
    }
}
