package dev.apitool.core.ratelimit.store;

import dev.apitool.core.io.InputException;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.redis.RedisScripts;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Limiter state in Redis, shared by every process that uses the same server and prefix: each
 * decision is one atomic Lua script ({@link LuaBuckets}, {@link LuaWindows}) that reads the key's
 * state, applies the policy's step and writes it back, with the time passed in as an argument. So
 * a simulation in virtual time runs here too and decides exactly as {@link MemoryStore}; a live
 * gateway passes its own clock, the same one on every instance (epoch microseconds).
 *
 * <p>A key expires once it decides as a new one would (its reset time), plus {@code extraTtl}:
 * with a clock that runs ahead of real time (a simulation) the extra time must exceed how long
 * the run takes in real time, or keys would be forgotten early. Scripts are sent once (SCRIPT
 * LOAD) and run by digest, and sent again if the server has forgotten them.
 */
public final class RedisStore implements StateStore {

    /** The key prefix by default: {@code apitool:rl:<policy spec>:<key>}. */
    public static final String DEFAULT_PREFIX = "apitool:rl:";

    private static final Map<String, String> SCRIPTS = Map.of(
            "token-bucket", LuaBuckets.TOKEN_BUCKET,
            "gcra", LuaBuckets.GCRA,
            "nginx", LuaBuckets.NGINX,
            "fixed-window", LuaWindows.FIXED_WINDOW,
            "sliding-log", LuaWindows.SLIDING_LOG,
            "sliding-window", LuaWindows.SLIDING_WINDOW,
            "concurrency", LuaWindows.CONCURRENCY);

    private final RedisScripts redis;
    private final String prefix;
    private final long extraTtlMillis;

    private RedisStore(RedisScripts redis, String prefix, long extraTtlMillis) {
        this.redis = redis;
        this.prefix = prefix;
        this.extraTtlMillis = extraTtlMillis;
    }

    /**
     * Returns a store on the Redis server at {@code uri} ({@code redis://host:port[/db]}).
     *
     * @param prefix prepended to every key, e.g. {@link #DEFAULT_PREFIX}
     * @param extraTtl kept beyond a key's reset time before Redis expires it, 0 or more
     * @throws InputException when the URI is malformed or the server cannot be reached
     */
    public static RedisStore connect(String uri, String prefix, Duration extraTtl) {
        return new RedisStore(RedisScripts.connect(uri), prefix, extraTtl.toMillis());
    }

    @Override
    public Decision decide(Policy policy, String key, long cost, long nowMicros, long holdMicros) {
        String script = SCRIPTS.get(policy.algorithm());
        if (script == null) {
            throw new IllegalArgumentException("no Redis script for policy " + policy.spec());
        }
        List<Long> r = run(script, prefix + policy.spec() + ":" + key, policy, cost, nowMicros, holdMicros);
        Outcome outcome = r.get(0) == 0 ? Outcome.ALLOWED : r.get(0) == 1 ? Outcome.DELAYED : Outcome.LIMITED;
        return new Decision(outcome, r.get(1), r.get(2), r.get(3), r.get(4));
    }

    @Override
    public void release(Policy policy, String key, long cost, long nowMicros) {
        if (policy.algorithm().equals("concurrency")) {
            run(LuaWindows.CONCURRENCY_RELEASE, prefix + policy.spec() + ":" + key, policy, cost, nowMicros, 0);
        }
    }

    private <T> T run(String script, String key, Policy policy, long cost, long nowMicros, long holdMicros) {
        long[] p = policy.parameters();
        String[] args = new String[4 + p.length];
        args[0] = Long.toString(nowMicros);
        args[1] = Long.toString(cost);
        args[2] = Long.toString(holdMicros);
        args[3] = Long.toString(extraTtlMillis);
        for (int i = 0; i < p.length; i++) {
            args[4 + i] = Long.toString(p[i]);
        }
        String[] keys = {key};
        ScriptOutputType type = script.equals(LuaWindows.CONCURRENCY_RELEASE) ? ScriptOutputType.INTEGER : ScriptOutputType.MULTI;
        return redis.eval(script, type, keys, args);
    }

    /** Deletes every key under this store's prefix (for tests and simulations that start afresh). */
    public void clear() {
        redis.deleteAll(prefix);
    }

    @Override
    public void close() {
        redis.close();
    }
}
