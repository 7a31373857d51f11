package dev.apitool.core.http;

/**
 * A snapshot of a {@link ConnectionPool}'s counters.
 *
 * @param open connections counted against the bound: idle, in use and still connecting
 * @param idle open connections waiting in the pool
 * @param inUse connections handed out and not yet released
 * @param connecting connections being opened
 * @param waiting acquirers queued for a connection
 * @param created connections opened successfully since the pool started
 * @param closed connections the pool has closed or seen closed
 */
public record PoolStats(int open, int idle, int inUse, int connecting, int waiting, long created, long closed) {}
