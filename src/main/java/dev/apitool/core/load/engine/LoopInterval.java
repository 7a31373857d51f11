package dev.apitool.core.load.engine;

import org.HdrHistogram.Histogram;

/**
 * One event loop's share of one interval of a run: its latency histograms (µs, as in
 * {@link LoopStats}) and the loop's running totals when the interval closed. The loop records into
 * it on its own thread with plain (non-atomic) histograms, then hands it to the runner through
 * {@link Intervals}' queue once a second and goes on with a fresh one: one hand-over a second, none
 * per request. The runner resets it and gives it back for reuse, so a run allocates a few of them.
 */
final class LoopInterval {

    final Histogram success = LoopStats.histogram();
    final Histogram error = LoopStats.histogram();
    final Histogram service = LoopStats.histogram();

    /** The loop that recorded it, and which interval of the run it is (0 from the run's start). */
    int loop;
    long index;
    /** When the loop closed it ({@link System#nanoTime()}); only the last one's matters. */
    long endNanos;
    /** Whether it is the loop's last: the loop has finished. */
    boolean last;

    /** The loop's running totals when it closed (see {@link LoopStats}): the runner takes differences. */
    long sent;
    long ended;
    long failed;
    long errors;
    long late;
    long dropped;

    void reset() {
        success.reset();
        error.reset();
        service.reset();
    }
}
