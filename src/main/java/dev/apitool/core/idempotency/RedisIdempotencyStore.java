package dev.apitool.core.idempotency;

import dev.apitool.core.io.InputException;
import dev.apitool.core.redis.RedisScripts;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;

/**
 * Keys in Redis, shared by every process on the same server and prefix. Each decision is one Lua
 * script run atomically on one hash per key ({@code fp}, {@code token}, {@code until}, and
 * {@code resp} once finished), with the caller's time passed in, so the store decides exactly as
 * {@link MemoryIdempotencyStore} for the same calls. Times stay numbers below 2^53 (Lua's doubles
 * are exact there) and are written by Java, never formatted by Lua. Redis also expires each hash
 * on its own clock {@code extraTtl} after its lease or TTL would end, so a clock that runs ahead of
 * real time (a test in virtual time) must keep {@code extraTtl} above the run's real duration.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

    /** The key prefix by default: {@code apitool:idem:<key>}. */
    public static final String DEFAULT_PREFIX = "apitool:idem:";

    /** KEYS[1]; ARGV: now, fingerprint, token, until (now + lease), expire ms. Returns {0} claimed, {1} in flight, {2} mismatch, {3, resp}. */
    static final String CLAIM = """
            local s = redis.call('HMGET', KEYS[1], 'fp', 'token', 'until', 'resp')
            if s[3] and tonumber(s[3]) > tonumber(ARGV[1]) then
              if s[1] ~= ARGV[2] then return {2} end
              if s[4] then return {3, s[4]} end
              return {1}
            end
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'fp', ARGV[2], 'token', ARGV[3], 'until', ARGV[4])
            redis.call('PEXPIRE', KEYS[1], ARGV[5])
            return {0}
            """;

    /** KEYS[1]; ARGV: token, until (now + ttl), resp, expire ms. Returns 1 when stored. */
    static final String COMPLETE = """
            local s = redis.call('HMGET', KEYS[1], 'token', 'resp')
            if s[1] ~= ARGV[1] or s[2] then return 0 end
            redis.call('HSET', KEYS[1], 'until', ARGV[2], 'resp', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """;

    /** KEYS[1]; ARGV: token. Returns 1 when the claim was dropped. */
    static final String RELEASE = """
            local s = redis.call('HMGET', KEYS[1], 'token', 'resp')
            if s[1] ~= ARGV[1] or s[2] then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    private final RedisScripts redis;
    private final String prefix;
    private final long extraTtlMillis;

    private RedisIdempotencyStore(RedisScripts redis, String prefix, long extraTtlMillis) {
        this.redis = redis;
        this.prefix = prefix;
        this.extraTtlMillis = extraTtlMillis;
    }

    /**
     * Returns a store on the Redis server at {@code uri} ({@code redis://host:port[/db]}).
     *
     * @param prefix prepended to every key, e.g. {@link #DEFAULT_PREFIX}
     * @param extraTtl kept beyond a key's lease or TTL before Redis drops it, 0 or more
     * @throws InputException when the URI is malformed or the server cannot be reached
     */
    public static RedisIdempotencyStore connect(String uri, String prefix, Duration extraTtl) {
        return new RedisIdempotencyStore(RedisScripts.connect(uri), prefix, extraTtl.toMillis());
    }

    @Override
    public Claim claim(String key, String fingerprint, String token, long nowMicros, long leaseMicros) {
        List<Object> r = run(CLAIM, ScriptOutputType.MULTI, key, Long.toString(nowMicros), fingerprint, token,
                Long.toString(nowMicros + leaseMicros), Long.toString(expireMillis(leaseMicros)));
        return switch (((Long) r.get(0)).intValue()) {
            case 0 -> Claim.CLAIMED;
            case 1 -> Claim.IN_FLIGHT;
            case 2 -> Claim.MISMATCH;
            default -> new Claim(Claim.Outcome.REPLAY, StoredResponse.decode((String) r.get(1)));
        };
    }

    @Override
    public boolean complete(String key, String token, StoredResponse response, long nowMicros, long ttlMicros) {
        Long r = run(COMPLETE, ScriptOutputType.INTEGER, key, token, Long.toString(nowMicros + ttlMicros),
                response.encode(), Long.toString(expireMillis(ttlMicros)));
        return r == 1;
    }

    @Override
    public boolean release(String key, String token) {
        Long r = run(RELEASE, ScriptOutputType.INTEGER, key, token);
        return r == 1;
    }

    private long expireMillis(long micros) {
        return Math.max(1, (micros + 999) / 1000 + extraTtlMillis);
    }

    private <T> T run(String script, ScriptOutputType type, String key, String... args) {
        String[] keys = {prefix + key};
        return redis.eval(script, type, keys, args);
    }

    /** Deletes every key under this store's prefix (for tests that start afresh). */
    public void clear() {
        redis.deleteAll(prefix);
    }

    @Override
    public void close() {
        redis.close();
    }
}
