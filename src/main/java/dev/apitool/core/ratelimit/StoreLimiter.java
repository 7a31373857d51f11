package dev.apitool.core.ratelimit;

/** A {@link Limiter} that applies its policy through a {@link StateStore}. */
final class StoreLimiter implements Limiter {

    private final Policy policy;
    private final StateStore store;

    StoreLimiter(Policy policy, StateStore store) {
        this.policy = policy;
        this.store = store;
    }

    @Override
    public Policy policy() {
        return policy;
    }

    @Override
    public Decision decide(String key, long cost, long nowMicros, long holdMicros) {
        if (cost < 0) {
            throw new IllegalArgumentException("cost must be 0 or more: " + cost);
        }
        if (holdMicros < 0 && holdMicros != UNTIL_RELEASED) {
            throw new IllegalArgumentException("hold must be 0 or more microseconds: " + holdMicros);
        }
        return store.decide(policy, key, cost, nowMicros, holdMicros);
    }

    @Override
    public void release(String key, long cost, long nowMicros) {
        store.release(policy, key, cost, nowMicros);
    }

    @Override
    public String toString() {
        return policy.spec();
    }
}
