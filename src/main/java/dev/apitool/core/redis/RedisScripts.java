package dev.apitool.core.redis;

import dev.apitool.core.io.InputException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection to a Redis server that runs Lua scripts: each script is loaded once and then
 * called by its SHA1 ({@code EVALSHA}), loaded again when the server has forgotten it (a restart,
 * {@code SCRIPT FLUSH}). Every decision of a Redis-backed store is one such atomic script.
 */
public final class RedisScripts implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final RedisCommands<String, String> redis;
    private final Map<String, String> digests = new ConcurrentHashMap<>();

    private RedisScripts(RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.client = client;
        this.connection = connection;
        this.redis = connection.sync();
    }

    /**
     * Returns a connection to the Redis server at {@code uri} ({@code redis://host:port[/db]}).
     *
     * @throws InputException when the URI is malformed or the server cannot be reached
     */
    public static RedisScripts connect(String uri) {
        RedisURI parsed;
        try {
            parsed = RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new InputException("store '" + uri + "': expected redis://host:port, e.g. redis://127.0.0.1:6379");
        }
        parsed.setTimeout(Duration.ofSeconds(10));
        RedisClient client = RedisClient.create(parsed);
        try {
            return new RedisScripts(client, client.connect());
        } catch (RedisException e) {
            client.shutdown();
            throw new InputException("store '" + uri + "': cannot connect to Redis: " + e.getMessage(), e);
        }
    }

    /** Returns what {@code script} returns for {@code keys} and {@code args}, read as {@code type}. */
    public <T> T eval(String script, ScriptOutputType type, String[] keys, String... args) {
        String digest = digests.computeIfAbsent(script, redis::scriptLoad);
        try {
            return redis.evalsha(digest, type, keys, args);
        } catch (RedisNoScriptException e) {
            digests.put(script, redis.scriptLoad(script));
            return redis.evalsha(digests.get(script), type, keys, args);
        }
    }

    /** Deletes every key that starts with {@code prefix} (for tests and simulations that start afresh). */
    public void deleteAll(String prefix) {
        List<String> keys = redis.keys(prefix + "*");
        if (!keys.isEmpty()) {
            redis.del(keys.toArray(new String[0]));
        }
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
