package dev.apitool.core.pipeline;

import dev.apitool.core.jwt.JwsKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A {@code keys} service: the verification keys {@code jwt-auth} uses, read as {@code jwt verify}
 * reads them (an HMAC secret, key files, or a JWK Set URL). A JWK Set is fetched once at build
 * and refetched when a token names a kid the set lacks (the provider rotated its keys), as
 * gateways do, at most once per {@link #REFETCH_INTERVAL} on the pipeline's monotonic clock so that
 * tokens with made-up kids cannot flood the provider. Requests that arrive while a refetch runs
 * wait for that one fetch.
 */
public final class KeySet implements AutoCloseable {

    /** The shortest time between two fetches of a JWK Set (the build's fetch counts). */
    public static final Duration REFETCH_INTERVAL = Duration.ofSeconds(30);

    private final Supplier<CompletableFuture<List<JwsKey>>> fetch;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final AutoCloseable resource;
    private volatile List<JwsKey> keys;
    private volatile long generation;
    private long lastFetchNanos;
    private CompletableFuture<Boolean> running;

    private KeySet(List<JwsKey> keys, Supplier<CompletableFuture<List<JwsKey>>> fetch, LongSupplier nanoTime,
            Duration interval, AutoCloseable resource) {
        this.keys = List.copyOf(keys);
        this.fetch = fetch;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.resource = resource;
        this.lastFetchNanos = nanoTime == null ? 0 : nanoTime.getAsLong();
    }

    /** Returns a key set that never changes (a secret, key files). */
    public static KeySet fixed(List<JwsKey> keys) {
        return new KeySet(keys, null, null, Duration.ZERO, null);
    }

    /**
     * Returns a key set that starts with {@code initial} (just fetched) and refetches with
     * {@code fetch}, at most once per {@code interval} on {@code nanoTime}; {@code resource} (the
     * HTTP client) is closed with the set.
     */
    public static KeySet refetching(List<JwsKey> initial, Supplier<CompletableFuture<List<JwsKey>>> fetch,
            LongSupplier nanoTime, Duration interval, AutoCloseable resource) {
        return new KeySet(initial, fetch, nanoTime, interval, resource);
    }

    /** Returns the keys now, at least one. */
    public List<JwsKey> keys() {
        return keys;
    }

    /** Returns a number that changes whenever {@link #keys} does. */
    public long generation() {
        return generation;
    }

    /** Returns whether {@link #refetch} can ever bring new keys. */
    public boolean refetches() {
        return fetch != null;
    }

    /**
     * Fetches the set again unless a fetch started less than the interval ago; completes with
     * whether the keys changed (false too when the fetch failed: the old keys stay).
     */
    public synchronized CompletionStage<Boolean> refetch() {
        if (fetch == null) {
            return CompletableFuture.completedFuture(false);
        }
        if (running != null) {
            return running;
        }
        long now = nanoTime.getAsLong();
        if (now - lastFetchNanos < intervalNanos) {
            return CompletableFuture.completedFuture(false);
        }
        lastFetchNanos = now;
        CompletableFuture<List<JwsKey>> f;
        try {
            f = fetch.get();
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Boolean> done = f.handle((fetched, e) -> {
            synchronized (this) {
                running = null;
                if (e != null || fetched == null || fetched.isEmpty() || fetched.equals(keys)) {
                    return false;
                }
                keys = List.copyOf(fetched);
                generation++;
                return true;
            }
        });
        if (!done.isDone()) {
            running = done;
        }
        return done;
    }

    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
