package dev.apitool.core.idempotency;

/**
 * Where keys live. Every call is one atomic decision over one key, with the time passed in
 * (microseconds on the caller's clock; every caller sharing a store must share the clock), so
 * {@link MemoryIdempotencyStore} and {@link RedisIdempotencyStore} decide the same way for the same
 * sequence of calls. A key is in one of three states: absent (or expired), in flight (claimed by
 * a token until its lease runs out, so a crashed request does not hold its key for ever), or
 * finished (a stored response until its TTL runs out).
 */
public interface IdempotencyStore extends AutoCloseable {

    /**
     * Claims {@code key} for a request with {@code fingerprint}, or says why not.
     *
     * @param token names this claim; only it may complete or release the key
     * @param nowMicros the caller's time
     * @param leaseMicros how long the claim holds without being completed, 1 or more
     */
    Claim claim(String key, String fingerprint, String token, long nowMicros, long leaseMicros);

    /**
     * Stores {@code response} under {@code key} until {@code nowMicros + ttlMicros}, if {@code token}
     * still holds the claim; returns whether it did.
     */
    boolean complete(String key, String token, StoredResponse response, long nowMicros, long ttlMicros);

    /** Drops the claim on {@code key} if {@code token} holds it and nothing is stored; returns whether it did. */
    boolean release(String key, String token);

    @Override
    void close();
}
