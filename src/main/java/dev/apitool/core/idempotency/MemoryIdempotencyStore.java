package dev.apitool.core.idempotency;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keys in this process's memory, at most {@code maxKeys} of them. Every decision runs under one
 * lock on a map kept in access order; when a new key finds the map full, expired keys (finished or
 * with a lapsed lease) go first, and if none has expired, the least recently used key goes. A key
 * evicted while its request runs loses its claim: the request's result is then not stored.
 */
public final class MemoryIdempotencyStore implements IdempotencyStore {

    /** The bound by default. */
    public static final int DEFAULT_MAX_KEYS = 100_000;

    private static final class Entry {
        final String fingerprint;
        final String token;
        long untilMicros;
        StoredResponse response;

        Entry(String fingerprint, String token, long untilMicros) {
            this.fingerprint = fingerprint;
            this.token = token;
            this.untilMicros = untilMicros;
        }
    }

    private final int maxKeys;
    private final LinkedHashMap<String, Entry> keys = new LinkedHashMap<>(64, 0.75f, true);
    private long evictions;

    /** Returns a store of at most {@link #DEFAULT_MAX_KEYS} keys. */
    public MemoryIdempotencyStore() {
        this(DEFAULT_MAX_KEYS);
    }

    /** @param maxKeys the most keys kept at once, 1 or more */
    public MemoryIdempotencyStore(int maxKeys) {
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public synchronized Claim claim(String key, String fingerprint, String token, long nowMicros, long leaseMicros) {
        Entry e = keys.get(key);
        if (e != null && e.untilMicros > nowMicros) {
            if (!e.fingerprint.equals(fingerprint)) {
                return Claim.MISMATCH;
            }
            return e.response != null ? new Claim(Claim.Outcome.REPLAY, e.response) : Claim.IN_FLIGHT;
        }
        if (e == null && keys.size() >= maxKeys) {
            evict(nowMicros);
        }
        keys.put(key, new Entry(fingerprint, token, nowMicros + leaseMicros));
        return Claim.CLAIMED;
    }

    @Override
    public synchronized boolean complete(String key, String token, StoredResponse response, long nowMicros, long ttlMicros) {
        Entry e = keys.get(key);
        if (e == null || !e.token.equals(token) || e.response != null) {
            return false;
        }
        e.response = response;
        e.untilMicros = nowMicros + ttlMicros;
        return true;
    }

    @Override
    public synchronized boolean release(String key, String token) {
        Entry e = keys.get(key);
        if (e == null || !e.token.equals(token) || e.response != null) {
            return false;
        }
        keys.remove(key);
        return true;
    }

    /** Returns how many keys are kept now (expired ones included until evicted). */
    public synchronized int size() {
        return keys.size();
    }

    /** Returns how many keys were evicted to make room since the store was made. */
    public synchronized long evictions() {
        return evictions;
    }

    private void evict(long nowMicros) {
        int before = keys.size();
        keys.values().removeIf(e -> e.untilMicros <= nowMicros);
        if (keys.size() == before) {
            Iterator<Map.Entry<String, Entry>> eldest = keys.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
        evictions += before - keys.size();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
