package dev.apitool.core.traffic;

/**
 * A stream of requests in time order, read one at a time so a script of ten million lines never
 * needs ten million objects in memory. Scripts and generators look the same to their consumers.
 */
public interface RequestSource extends AutoCloseable {

    /**
     * Returns the next request, or null at the end.
     *
     * @throws dev.apitool.core.io.InputException naming file, line and column of a malformed entry
     */
    Request next();

    /** Returns what the requests come from, for reports ("requests.ndjson", "poisson:rate=50/s,…"). */
    String name();

    @Override
    default void close() {}
}
