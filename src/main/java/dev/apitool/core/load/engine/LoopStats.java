package dev.apitool.core.load.engine;

import dev.apitool.core.http.ErrorKind;
import org.HdrHistogram.Histogram;

/**
 * One event loop's statistics, written only by that loop's thread and read only after the loop
 * has finished (the runner's latch orders the two). Latency in µs, 1 µs to 60 s at three
 * significant digits; longer values are recorded as 60 s. Nothing here allocates per request.
 *
 * <p>Latency is recorded into the {@link #current} interval's histograms; {@link #roll} (once a
 * second, and when the loop finishes) adds them to the run's totals below and hands the interval
 * on, so the totals are exactly the sum of the intervals.
 */
public final class LoopStats {

    /** The largest latency recorded, in µs (longer ones are clamped to it). */
    public static final long MAX_US = 60_000_000L;

    /** The interval being recorded; the histograms below hold the intervals already rolled. */
    public LoopInterval current = new LoopInterval();

    /** Latency from the intended start (the open model's schedule, or the send in the closed model). */
    public final Histogram all = histogram();
    public final Histogram success = histogram();
    public final Histogram error = histogram();
    /** Latency from the actual send: the uncorrected service time. */
    public final Histogram service = histogram();
    /** Responses by status code, 0 to 599. */
    public final long[] status = new long[600];
    /** Failures by {@link ErrorKind#ordinal()}, whether or not a request was in flight. */
    public final long[] errors = new long[ErrorKind.values().length];
    /** The first message of each kind. */
    public final String[] examples = new String[ErrorKind.values().length];

    /** Requests started, warm-up included: what counts toward {@code -n}. */
    public long started;
    /** Warm-up requests that ended (left out of everything else). */
    public long warmupRequests;
    /** Measured requests that ended with a response whose status is a success. */
    public long ok;
    /** Measured requests that failed: a transport error or a status not counted as success. */
    public long failed;
    public long bytesIn;
    public long bytesOut;
    /** Open model: measured requests that could not start at their intended time (no free connection); warm-up ones are left out. */
    public long late;
    /** Open model: measured requests never sent: waited longer than the timeout, or still waiting when the run stopped. */
    public long dropped;
    /** Requests still in flight when the grace period ran out. */
    public long unfinished;
    /** Earliest intended start of a measured request, {@link Long#MAX_VALUE} when none. */
    public long firstMeasuredNanos = Long.MAX_VALUE;
    /** Latest end of a measured request, {@link Long#MIN_VALUE} when none. */
    public long lastMeasuredNanos = Long.MIN_VALUE;

    public static Histogram histogram() {
        return new Histogram(MAX_US, 3);
    }

    /** Records one finished measured request: {@code latencyNanos} from its intended start, {@code serviceNanos} from its send. */
    public void record(long intendedNanos, long endNanos, long serviceNanos, boolean success) {
        long us = clamp((endNanos - intendedNanos) / 1000);
        (success ? current.success : current.error).recordValue(us);
        current.service.recordValue(clamp(serviceNanos / 1000));
        if (success) {
            ok++;
        } else {
            failed++;
        }
        if (intendedNanos < firstMeasuredNanos) {
            firstMeasuredNanos = intendedNanos;
        }
        if (endNanos > lastMeasuredNanos) {
            lastMeasuredNanos = endNanos;
        }
    }

    /** Counts a failure of {@code kind}, keeping its message when it is the first of its kind. */
    public void error(ErrorKind kind, String message) {
        errors[kind.ordinal()]++;
        if (examples[kind.ordinal()] == null) {
            examples[kind.ordinal()] = message;
        }
    }

    /**
     * Closes the current interval: adds its histograms to the totals, stamps it with the running
     * counts, and returns it; {@code fresh} (empty) becomes the current one.
     */
    public LoopInterval roll(LoopInterval fresh, int loop, long index, long endNanos, boolean last) {
        LoopInterval done = current;
        all.add(done.success);
        all.add(done.error);
        success.add(done.success);
        error.add(done.error);
        service.add(done.service);
        done.loop = loop;
        done.index = index;
        done.endNanos = endNanos;
        done.last = last;
        done.sent = started;
        done.ended = ok + failed + warmupRequests;
        done.failed = failed;
        long sum = 0;
        for (long e : errors) {
            sum += e;
        }
        done.errors = sum;
        done.late = late;
        done.dropped = dropped;
        current = fresh;
        return done;
    }

    private static long clamp(long us) {
        return us < 0 ? 0 : Math.min(us, MAX_US);
    }
}
