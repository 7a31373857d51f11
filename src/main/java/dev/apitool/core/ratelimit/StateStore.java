package dev.apitool.core.ratelimit;

/**
 * Where per-key limiter state lives: in memory or in Redis. Each call applies one policy step to
 * one key atomically, so concurrent requests on a key never both take the last unit of quota.
 * Keys are separate per {@link Policy#spec()}: two policies never see each other's state.
 */
public interface StateStore extends AutoCloseable {

    /** Returns the decision of {@code policy} for one request on {@code key}, updating its state atomically. */
    Decision decide(Policy policy, String key, long cost, long nowMicros, long holdMicros);

    /** Ends a request that was admitted with {@link Limiter#UNTIL_RELEASED}. */
    void release(Policy policy, String key, long cost, long nowMicros);

    @Override
    default void close() {}
}
