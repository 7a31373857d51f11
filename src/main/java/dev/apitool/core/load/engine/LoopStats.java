package dev.apitool.core.load.engine;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.Measurement;
import org.HdrHistogram.Histogram;

/**
 * One event loop's statistics as it records them: a mutable accumulator written only by that
 * loop's thread, and read (as an immutable {@link #snapshot}) only after the loop has finished (the
 * runner's latch orders the two). Latency in µs, as {@link Measurement#histogram()}; longer values
 * than {@link #MAX_US} are recorded as it. Nothing here allocates per request.
 *
 * <p>Latency is recorded into the {@link #current} interval's histograms; {@link #roll} (once a
 * second, and when the loop finishes) adds them to the run's totals below and hands the interval
 * on, so the totals are exactly the sum of the intervals.
 */
final class LoopStats {

    /** The largest latency recorded, in µs (longer ones are clamped to it). */
    static final long MAX_US = Measurement.MAX_US;

    /** The interval being recorded; the histograms below hold the intervals already rolled. */
    LoopInterval current = new LoopInterval();

    /** Latency from the intended start (the open model's schedule, or the send in the closed model). */
    final Histogram all = histogram();
    final Histogram success = histogram();
    final Histogram error = histogram();
    /** Latency from the actual send: the uncorrected service time. */
    final Histogram service = histogram();
    /** Responses by status code, 0 to 599. */
    final long[] status = new long[600];
    /** Failures by {@link ErrorKind#ordinal()}, whether or not a request was in flight. */
    final long[] errors = new long[ErrorKind.values().length];
    /** The first message of each kind. */
    final String[] examples = new String[ErrorKind.values().length];

    /** Requests started, warm-up included: what counts toward {@code -n}. */
    long started;
    /** Warm-up requests that ended (left out of everything else). */
    long warmupRequests;
    /** Measured requests that ended with a response whose status is a success. */
    long ok;
    /** Measured requests that failed: a transport error or a status not counted as success. */
    long failed;
    long bytesIn;
    long bytesOut;
    /** Open model: measured requests that could not start at their intended time (no free connection); warm-up ones are left out. */
    long late;
    /** Open model: measured requests never sent: waited longer than the timeout, or still waiting when the run stopped. */
    long dropped;
    /** Requests still in flight when the grace period ran out. */
    long unfinished;
    /** Earliest intended start of a measured request, {@link Long#MAX_VALUE} when none. */
    long firstMeasuredNanos = Long.MAX_VALUE;
    /** Latest end of a measured request, {@link Long#MIN_VALUE} when none. */
    long lastMeasuredNanos = Long.MIN_VALUE;

    static Histogram histogram() {
        return Measurement.histogram();
    }

    /** Returns what this loop measured, as an immutable value (call once the loop has finished). */
    Measurement snapshot() {
        Measurement.Builder b = Measurement.builder().latency(all, success, error, service).started(started)
                .warmupRequests(warmupRequests).failed(failed).bytes(bytesIn, bytesOut).late(late).dropped(dropped)
                .unfinished(unfinished).span(firstMeasuredNanos, lastMeasuredNanos);
        for (int code = 0; code < status.length; code++) {
            if (status[code] > 0) {
                b.status(code, status[code]);
            }
        }
        for (ErrorKind k : ErrorKind.values()) {
            b.errors(k, errors[k.ordinal()], examples[k.ordinal()]);
        }
        return b.build();
    }

    /** Records one finished measured request: {@code latencyNanos} from its intended start, {@code serviceNanos} from its send. */
    void record(long intendedNanos, long endNanos, long serviceNanos, boolean success) {
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
    void error(ErrorKind kind, String message) {
        errors[kind.ordinal()]++;
        if (examples[kind.ordinal()] == null) {
            examples[kind.ordinal()] = message;
        }
    }

    /**
     * Closes the current interval: adds its histograms to the totals, stamps it with the running
     * counts, and returns it; {@code fresh} (empty) becomes the current one.
     */
    LoopInterval roll(LoopInterval fresh, int loop, long index, long endNanos, boolean last) {
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
