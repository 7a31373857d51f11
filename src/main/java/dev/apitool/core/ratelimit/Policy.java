package dev.apitool.core.ratelimit;

/**
 * One rate-limiting algorithm with its settings, as a pure function over a small per-key state.
 * Implementations keep no per-key data: the {@link StateStore} holds each key's {@code long[]} and
 * applies {@link #apply} atomically, so the same policy runs in memory or, as a Lua script, in Redis.
 *
 * <p>Every state holds integers only, and every intermediate value stays below 2^53 so that a Lua
 * port computing in doubles decides bit-identically (each policy documents its bound). A missing
 * state ({@code null}) is a key never seen, or forgotten once {@link #isIdle} said it may be.
 */
public interface Policy {

    /** Returns the algorithm's registry name, e.g. {@code token-bucket}. */
    String algorithm();

    /** Returns the policy's name in headers (the {@code name=} setting), by default the algorithm's name. */
    String name();

    /** Returns the canonical policy string, which the registry parses back to an equal policy. */
    String spec();

    /** Returns what the policy advertises in headers. */
    Quota quota();

    /**
     * Returns the decision for one request and the key's next state.
     *
     * @param state the key's state, or {@code null} for a key not seen (or forgotten); not modified
     * @param nowMicros the time of the request on the caller's clock, 0 to 2^53 microseconds
     * @param cost quota units the request takes, 0 (a peek) or more
     * @param holdMicros how long the request runs once admitted, or {@link Limiter#UNTIL_RELEASED};
     *     only the concurrency policy reads it
     */
    Transition apply(long[] state, long nowMicros, long cost, long holdMicros);

    /**
     * Returns the integer settings {@link #apply} reads, in the order a port of it (the Redis Lua
     * scripts) receives them; each policy documents the order.
     */
    long[] parameters();

    /**
     * Returns the state after a request admitted with {@link Limiter#UNTIL_RELEASED} finishes; the
     * same array when the policy keeps nothing in flight (only the concurrency policy does).
     */
    default long[] release(long[] state, long nowMicros, long cost) {
        return state;
    }

    /**
     * Returns whether {@code state} has fully recovered at {@code nowMicros}, so that from now on
     * the key decides exactly as a key never seen; a store may then drop it.
     */
    boolean isIdle(long[] state, long nowMicros);
}
