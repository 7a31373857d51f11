package dev.apitool.core.ratelimit.store;

import dev.apitool.core.io.InputException;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.StateStore;
import java.time.Duration;
import java.util.UUID;

/** Opens the store a {@code --store} value names: {@code memory} or {@code redis://host:port[/db]}. */
public final class Stores {

    private Stores() {}

    /**
     * Returns a store for one simulation run. On Redis its keys live under a prefix of their own,
     * so runs never see each other's (or a live gateway's) state, and are deleted on close.
     */
    public static StateStore forSimulation(String store) {
        if (store.equals("memory")) {
            return new MemoryStore();
        }
        if (!store.startsWith("redis://") && !store.startsWith("rediss://")) {
            throw new InputException("--store '" + store + "': expected memory or redis://HOST:PORT");
        }
        RedisStore redis = RedisStore.connect(store, "apitool:sim:" + UUID.randomUUID() + ":", Duration.ofHours(1));
        return new StateStore() {
            @Override
            public Decision decide(Policy policy, String key, long cost, long nowMicros, long holdMicros) {
                return redis.decide(policy, key, cost, nowMicros, holdMicros);
            }

            @Override
            public void release(Policy policy, String key, long cost, long nowMicros) {
                redis.release(policy, key, cost, nowMicros);
            }

            @Override
            public void close() {
                try {
                    redis.clear();
                } finally {
                    redis.close();
                }
            }
        };
    }
}
