package dev.apitool.core.load.engine;

/**
 * How a {@link LoadLoop} paces its requests: the closed model ({@link ClosedModel}) or the open one
 * ({@link OpenModel}), chosen once per loop. The loop owns the connections, the statistics, the
 * deadline and the grace period; the model decides when a request starts and on which connection.
 * Every method runs on the loop's thread; those called per request ({@link #next}) allocate nothing.
 */
interface LoopModel {

    /** Starts the loop's work at {@code now}: opens its first connections, or starts its first requests. */
    void start(long now);

    /** A connection came up with no request waiting to be written on it. */
    void connected(LoadConnection c, long now);

    /** An idle connection's connect attempt failed (already counted). */
    void connectFailed();

    /**
     * A request failed while its connection was being made; returns whether the model retries on
     * {@code c} (then the loop does nothing more with it now).
     */
    boolean retryConnect(LoadConnection c);

    /** A request on {@code c} ended and the loop goes on: {@code c} takes the next one, idles, or is left closed. */
    void next(LoadConnection c, long now);

    /** An idle connection closed (the server's keep-alive timeout, say). */
    void closed(LoadConnection c);

    /**
     * The loop stops at {@code now} (its deadline, the end of its count, or Ctrl-C): requests that were
     * due by then but not yet marked (a late timer on a busy machine) are marked now, so each is started
     * in the grace period or counted dropped, never lost.
     */
    default void stopping(long now) {
    }

    /** The periodic tick, while the schedule runs. */
    void tick(long now);

    /** Returns whether no more requests will start (the loop then ends once none is in flight). */
    boolean noMore();

    /** The loop ends now: requests still waiting to start are dropped. */
    void finish();
}
