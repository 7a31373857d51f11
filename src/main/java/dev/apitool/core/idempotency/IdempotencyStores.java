package dev.apitool.core.idempotency;

import dev.apitool.core.io.InputException;
import java.time.Duration;

/** Opens the store a {@code store} setting names: {@code memory} or {@code redis://host:port[/db]}. */
public final class IdempotencyStores {

    private IdempotencyStores() {}

    /**
     * Returns the store {@code spec} names; Redis keys go under {@link RedisIdempotencyStore#DEFAULT_PREFIX}
     * and are kept a minute past their lease or TTL.
     *
     * @throws InputException for any other value, or a Redis server that cannot be reached
     */
    public static IdempotencyStore open(String spec) {
        if (spec.equals("memory")) {
            return new MemoryIdempotencyStore();
        }
        if (!spec.startsWith("redis://") && !spec.startsWith("rediss://")) {
            throw new InputException("store '" + spec + "': expected memory or redis://HOST:PORT");
        }
        return RedisIdempotencyStore.connect(spec, RedisIdempotencyStore.DEFAULT_PREFIX, Duration.ofMinutes(1));
    }
}
