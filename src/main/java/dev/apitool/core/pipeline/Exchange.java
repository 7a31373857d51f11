package dev.apitool.core.pipeline;

import dev.apitool.core.http.ServerRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * One request on its way through a pipeline: the request (a middleware may replace it, say with
 * a request id added), the route's path parameters and name, per-request attributes that
 * middlewares hand each other (the request id, JWT claims, a page of a list), and the trace when
 * one is kept. Confined to one request; not shared between threads at once.
 */
public final class Exchange {

    /** A typed attribute name. */
    public record Key<T>(String name) {}

    private ServerRequest request;
    private final Map<String, String> params;
    private final String routeName;
    private final Trace trace;
    private final long startNanos;
    private Map<Key<?>, Object> attributes;

    public Exchange(ServerRequest request, Map<String, String> params, String routeName, Trace trace, long startNanos) {
        this.request = request;
        this.params = params;
        this.routeName = routeName;
        this.trace = trace;
        this.startNanos = startNanos;
    }

    /** Returns the request as it is now. */
    public ServerRequest request() {
        return request;
    }

    /** Replaces the request inner layers see. */
    public void request(ServerRequest newRequest) {
        this.request = newRequest;
    }

    /** Returns the path parameters by name (the final {@code *} as "*"). */
    public Map<String, String> params() {
        return params;
    }

    /** Returns the route's name, or null when no route matched. */
    public String routeName() {
        return routeName;
    }

    /** Returns the trace, or null when none is kept (check {@link #tracing()} before building a note). */
    public Trace trace() {
        return trace;
    }

    /** Returns whether a trace is kept. */
    public boolean tracing() {
        return trace != null;
    }

    /** Adds a note to the trace, when one is kept. */
    public void note(String label, String text) {
        if (trace != null) {
            trace.note(label, text);
        }
    }

    /** Returns when the request arrived, on the pipeline's nanosecond clock. */
    public long startNanos() {
        return startNanos;
    }

    /** Returns the attribute {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public <T> T get(Key<T> key) {
        return attributes == null ? null : (T) attributes.get(key);
    }

    /** Sets the attribute {@code key}. */
    public <T> void put(Key<T> key, T value) {
        if (attributes == null) {
            attributes = new HashMap<>(4);
        }
        attributes.put(key, value);
    }
}
