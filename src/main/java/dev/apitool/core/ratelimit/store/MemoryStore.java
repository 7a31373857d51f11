package dev.apitool.core.ratelimit.store;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.ratelimit.Transition;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Limiter state in this process: one {@link ConcurrentHashMap} entry per (policy, key), each
 * decision applied inside {@code compute()}, so it is atomic per key and locks only that key's bin.
 *
 * <p>Memory is bounded. When a decision takes the map above {@code maxKeys}, one thread (the
 * others carry on) first drops every key whose state has fully recovered, which loses nothing
 * since such a key decides exactly as a new one; if that is not enough it forgets the least
 * recently used keys down to 7/8 of the bound, which lets those clients start afresh, as nginx
 * does when its zone is full. {@link #sweep} drops recovered keys on demand, e.g. from a timer.
 */
public final class MemoryStore implements StateStore {

    /**
     * The default bound: a million keys, roughly 150 bytes each with a fixed-size state (token
     * bucket, GCRA, nginx, the window counters); a log or concurrency state grows with its limit.
     */
    public static final int DEFAULT_MAX_KEYS = 1_000_000;

    private record Key(String policy, String key) {}

    /** A key's state; fields change only inside the map's {@code compute} for that key. */
    private static final class Entry {
        final Policy policy;
        long[] state;
        volatile long touchedMicros;

        Entry(Policy policy, long[] state, long touchedMicros) {
            this.policy = policy;
            this.state = state;
            this.touchedMicros = touchedMicros;
        }
    }

    private final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
    private final int maxKeys;
    private final ReentrantLock trimming = new ReentrantLock();

    /** Returns a store of at most {@link #DEFAULT_MAX_KEYS} keys. */
    public MemoryStore() {
        this(DEFAULT_MAX_KEYS);
    }

    /** Returns a store of at most {@code maxKeys} keys (1 or more; briefly exceeded by at most the number of deciding threads). */
    public MemoryStore(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be 1 or more: " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public Decision decide(Policy policy, String key, long cost, long nowMicros, long holdMicros) {
        Decision[] out = new Decision[1];
        map.compute(new Key(policy.spec(), key), (k, e) -> {
            long[] state = e == null ? null : e.state;
            Transition t = policy.apply(state, nowMicros, cost, holdMicros);
            out[0] = t.decision();
            if (t.state() == null) {
                return null;
            }
            if (e == null) {
                return new Entry(policy, t.state(), nowMicros);
            }
            e.state = t.state();
            e.touchedMicros = Math.max(e.touchedMicros, nowMicros);
            return e;
        });
        if (map.size() > maxKeys) {
            trim(nowMicros);
        }
        return out[0];
    }

    @Override
    public void release(Policy policy, String key, long cost, long nowMicros) {
        map.computeIfPresent(new Key(policy.spec(), key), (k, e) -> {
            long[] next = e.policy.release(e.state, nowMicros, cost);
            if (next == null) {
                return null;
            }
            e.state = next;
            return e;
        });
    }

    /** Returns the number of keys held. */
    public int size() {
        return map.size();
    }

    /** Drops every key that has fully recovered at {@code nowMicros}; returns how many were dropped. */
    public int sweep(long nowMicros) {
        int[] dropped = {0};
        for (Key k : map.keySet()) {
            map.computeIfPresent(k, (key, e) -> {
                if (e.policy.isIdle(e.state, nowMicros)) {
                    dropped[0]++;
                    return null;
                }
                return e;
            });
        }
        return dropped[0];
    }

    private void trim(long nowMicros) {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            sweep(nowMicros);
            int target = maxKeys - maxKeys / 8;
            if (map.size() <= target) {
                return;
            }
            long[] touched = map.values().stream().mapToLong(e -> e.touchedMicros).toArray();
            Arrays.sort(touched);
            int excess = touched.length - target;
            if (excess <= 0) {
                return;
            }
            long cutoff = touched[excess - 1];
            for (Map.Entry<Key, Entry> me : map.entrySet()) {
                if (map.size() <= target) {
                    break;
                }
                map.computeIfPresent(me.getKey(), (k, e) -> e.touchedMicros <= cutoff ? null : e);
            }
        } finally {
            trimming.unlock();
        }
    }
}
