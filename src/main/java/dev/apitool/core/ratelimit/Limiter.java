package dev.apitool.core.ratelimit;

import java.util.Map;

/**
 * A rate limiter: one policy on one state store. The clock is passed in on every call (virtual
 * time in simulations and tests, a monotonic clock in a live server) and never read inside.
 */
public interface Limiter {

    /** {@code holdMicros} of a request that holds its concurrency slot until {@link #release}. */
    long UNTIL_RELEASED = -1;

    /** Returns a limiter applying {@code policy} to keys held in {@code store}. */
    static Limiter of(Policy policy, StateStore store) {
        return new StoreLimiter(policy, store);
    }

    /** Returns the policy this limiter applies. */
    Policy policy();

    /**
     * Returns the decision for one request of {@code cost} quota units on {@code key} at
     * {@code nowMicros}; a concurrency limit holds an admitted request's slot until {@link #release}.
     */
    default Decision decide(String key, long cost, long nowMicros) {
        return decide(key, cost, nowMicros, UNTIL_RELEASED);
    }

    /**
     * Returns the decision for one request that, once admitted, runs {@code holdMicros} (0 or
     * more, or {@link #UNTIL_RELEASED}); only a concurrency limit uses the hold.
     */
    Decision decide(String key, long cost, long nowMicros, long holdMicros);

    /** Ends a request on {@code key} admitted with {@link #UNTIL_RELEASED}; other policies ignore it. */
    void release(String key, long cost, long nowMicros);

    /** Returns the response headers a server would send with {@code decision}, in {@code profile}. */
    default Map<String, String> headers(Decision decision, HeaderProfile profile) {
        return profile.headers(policy().name(), policy().quota(), decision);
    }
}
