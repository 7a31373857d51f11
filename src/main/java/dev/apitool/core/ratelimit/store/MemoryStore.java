package dev.apitool.core.ratelimit.store;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.ratelimit.Transition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Limiter state in this process: one {@link ConcurrentHashMap} of keys per policy (by
 * {@link Policy#spec()}), each decision applied while holding that key's entry, so it is atomic per
 * key and locks only that key. A decision on a known key is a lock-free lookup, then the entry's
 * monitor: no composite key, lambda or map lock, nothing allocated beyond the policy's transition.
 * A key not in the map is decided inside the map's {@code compute()}, so two first requests on a
 * key never both start from a fresh state.
 *
 * <p>An entry that is forgotten (its state said so, or {@link #sweep} or the bound dropped it) is
 * marked removed under its monitor before it leaves the map; a decision that meets a removed
 * entry decides inside {@code compute()} as for a key never seen, replacing it.
 *
 * <p>Memory is bounded. When a decision takes the store above {@code maxKeys}, one thread (the
 * others carry on) first drops every key whose state has fully recovered, which loses nothing
 * since such a key decides exactly as a new one; if that is not enough it forgets the least
 * recently used keys down to 7/8 of the bound, which lets those clients start afresh, as nginx
 * does when its zone is full. {@link #sweep} drops recovered keys on demand, e.g. from a timer.
 */
public final class MemoryStore implements StateStore {

    /**
     * The default bound: a million keys, roughly 130 bytes each with a fixed-size state (token
     * bucket, GCRA, nginx, the window counters); a log or concurrency state grows with its limit.
     */
    public static final int DEFAULT_MAX_KEYS = 1_000_000;

    /** A key's state; every field but {@code policy} is read and written only under the entry's monitor. */
    private static final class Entry {
        final Policy policy;
        long[] state;
        long touchedMicros;
        /** Forgotten: out of the map, or about to be; never used again. */
        boolean removed;

        Entry(Policy policy, long[] state, long touchedMicros) {
            this.policy = policy;
            this.state = state;
            this.touchedMicros = touchedMicros;
        }
    }

    /** The keys of each policy, by {@link Policy#spec()}. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Entry>> policies = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();
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
        ConcurrentHashMap<String, Entry> keys = keys(policy);
        Entry e = keys.get(key);
        if (e != null) {
            Transition t = null;
            synchronized (e) {
                if (!e.removed) {
                    t = policy.apply(e.state, nowMicros, cost, holdMicros);
                    if (t.state() == null) {
                        e.removed = true;
                    } else {
                        e.state = t.state();
                        e.touchedMicros = Math.max(e.touchedMicros, nowMicros);
                    }
                }
            }
            if (t != null) {
                if (t.state() == null) {
                    remove(keys, key, e);
                } else if (size.get() > maxKeys) {
                    trim(nowMicros);
                }
                return t.decision();
            }
        }
        return decideInMap(keys, policy, key, cost, nowMicros, holdMicros);
    }

    /** The outcome of one {@code compute()}: the transition, and how the number of keys changed. */
    private static final class Step {
        Transition transition;
        int added;
    }

    /**
     * Decides on a key not in the map, or whose entry was just forgotten, under the map's lock for
     * that key, so that two first requests on a key never both start from a fresh state.
     */
    private Decision decideInMap(ConcurrentHashMap<String, Entry> keys, Policy policy, String key, long cost,
                                 long nowMicros, long holdMicros) {
        Step step = new Step();
        keys.compute(key, (k, old) -> {
            if (old != null) {
                synchronized (old) {
                    if (!old.removed) { // another request created it meanwhile
                        Transition t = policy.apply(old.state, nowMicros, cost, holdMicros);
                        step.transition = t;
                        if (t.state() == null) {
                            old.removed = true;
                            step.added = -1;
                            return null;
                        }
                        old.state = t.state();
                        old.touchedMicros = Math.max(old.touchedMicros, nowMicros);
                        return old;
                    }
                }
            }
            Transition t = policy.apply(null, nowMicros, cost, holdMicros);
            step.transition = t;
            step.added = (t.state() == null ? 0 : 1) - (old == null ? 0 : 1);
            return t.state() == null ? null : new Entry(policy, t.state(), nowMicros);
        });
        if (step.added != 0 && size.addAndGet(step.added) > maxKeys) {
            trim(nowMicros);
        }
        return step.transition.decision();
    }

    @Override
    public void release(Policy policy, String key, long cost, long nowMicros) {
        ConcurrentHashMap<String, Entry> keys = policies.get(policy.spec());
        Entry e = keys == null ? null : keys.get(key);
        if (e == null) {
            return;
        }
        synchronized (e) {
            if (e.removed) {
                return;
            }
            long[] next = e.policy.release(e.state, nowMicros, cost);
            if (next != null) {
                e.state = next;
                return;
            }
            e.removed = true;
        }
        remove(keys, key, e);
    }

    /** Returns the number of keys held. */
    public int size() {
        return size.get();
    }

    /** Drops every key that has fully recovered at {@code nowMicros}; returns how many were dropped. */
    public int sweep(long nowMicros) {
        int dropped = 0;
        for (ConcurrentHashMap<String, Entry> keys : policies.values()) {
            for (Map.Entry<String, Entry> me : keys.entrySet()) {
                Entry e = me.getValue();
                synchronized (e) {
                    if (e.removed || !e.policy.isIdle(e.state, nowMicros)) {
                        continue;
                    }
                    e.removed = true;
                }
                remove(keys, me.getKey(), e);
                dropped++;
            }
        }
        return dropped;
    }

    private ConcurrentHashMap<String, Entry> keys(Policy policy) {
        ConcurrentHashMap<String, Entry> keys = policies.get(policy.spec());
        return keys != null ? keys : policies.computeIfAbsent(policy.spec(), s -> new ConcurrentHashMap<>());
    }

    /** Takes a removed entry out of the map, once: whoever succeeds counts it. */
    private void remove(ConcurrentHashMap<String, Entry> keys, String key, Entry e) {
        if (keys.remove(key, e)) {
            size.decrementAndGet();
        }
    }

    private void trim(long nowMicros) {
        if (!trimming.tryLock()) {
            return;
        }
        try {
            sweep(nowMicros);
            int target = maxKeys - maxKeys / 8;
            if (size.get() <= target) {
                return;
            }
            List<Entry> all = new ArrayList<>(size.get());
            for (ConcurrentHashMap<String, Entry> keys : policies.values()) {
                all.addAll(keys.values());
            }
            long[] touched = new long[all.size()];
            for (int i = 0; i < touched.length; i++) {
                Entry e = all.get(i);
                synchronized (e) {
                    touched[i] = e.touchedMicros;
                }
            }
            Arrays.sort(touched);
            int excess = touched.length - target;
            if (excess <= 0) {
                return;
            }
            long cutoff = touched[excess - 1];
            for (ConcurrentHashMap<String, Entry> keys : policies.values()) {
                for (Map.Entry<String, Entry> me : keys.entrySet()) {
                    if (size.get() <= target) {
                        return;
                    }
                    Entry e = me.getValue();
                    synchronized (e) {
                        if (e.removed || e.touchedMicros > cutoff) {
                            continue;
                        }
                        e.removed = true;
                    }
                    remove(keys, me.getKey(), e);
                }
            }
        } finally {
            trimming.unlock();
        }
    }
}
