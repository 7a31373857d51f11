package dev.apitool.core.load.engine;

import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadListener;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The hand-over of interval statistics from the event loops to the runner, and their merge.
 *
 * <p>Every loop closes its interval {@code k} at the same boundary, the run's start {@code t0}
 * plus {@code k + 1} seconds (a fixed-rate task on the loop's own thread), and when it finishes; it
 * {@link #deliver}s the closed {@link LoopInterval} to a concurrent queue: one hand-over per loop
 * and second, nothing per request. The runner's thread {@link #await}s the queue and merges interval
 * {@code k} as soon as every loop still running has delivered it (a loop that finished earlier has
 * nothing more to add), in order, then passes it to the {@link LoadListener}; histograms are added,
 * never percentiles averaged. Delivered intervals come back through a free list, so a run allocates
 * only a handful.
 *
 * <p>Why loop-owned plain histograms rather than HdrHistogram's {@code SingleWriterRecorder}: the
 * recorder lets another thread take the interval at any moment, which costs a pair of volatile
 * writes (its writer-reader phaser) per recorded value; here the loop itself takes the snapshot on
 * its own thread, so recording stays a plain array increment.
 */
final class Intervals {

    static final long PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BlockingQueue<LoopInterval> queue = new LinkedBlockingQueue<>();
    private final Queue<LoopInterval> free = new ConcurrentLinkedQueue<>();
    private final long t0;
    private final LoadListener listener;

    // the runner's thread only
    private final TreeMap<Long, LoopInterval[]> pending = new TreeMap<>();
    /** Each loop's last interval index, or {@link Long#MAX_VALUE} while it runs. */
    private final long[] lastIndex;
    /**
     * Each loop's highest interval index delivered so far, -1 before any: a loop delivers in order,
     * so it has nothing for an index below it that is missing (it started past that boundary).
     */
    private final long[] seenIndex;
    /** Each loop's running totals as of its last merged interval. */
    private final LoadInterval.Counts[] totals;
    private int finished;
    private LoadInterval.Counts soFar = LoadInterval.Counts.ZERO;
    private final Histogram all = LoopStats.histogram();
    private final Histogram success = LoopStats.histogram();
    private final Histogram error = LoopStats.histogram();
    private final Histogram service = LoopStats.histogram();
    private final Histogram latencySoFar = LoopStats.histogram();

    /** Intervals of {@code loops} event loops, timed from {@code t0} ({@link System#nanoTime()}), merged for {@code listener}. */
    Intervals(int loops, long t0, LoadListener listener) {
        this.t0 = t0;
        this.listener = listener;
        this.lastIndex = new long[loops];
        this.seenIndex = new long[loops];
        this.totals = new LoadInterval.Counts[loops];
        for (int i = 0; i < loops; i++) {
            lastIndex[i] = Long.MAX_VALUE;
            seenIndex[i] = -1;
            totals[i] = LoadInterval.Counts.ZERO;
        }
    }

    // ---- the loops' side (any thread)

    /** Returns the nanoseconds from {@code now} to the next interval boundary. */
    long untilNextBoundary(long now) {
        long into = Math.floorMod(now - t0, PERIOD_NANOS);
        return PERIOD_NANOS - into;
    }

    /** Returns the index of the interval {@code now} falls in. */
    long indexAt(long now) {
        return Math.max(0, Math.floorDiv(now - t0, PERIOD_NANOS));
    }

    /** Returns an empty interval to record into. */
    LoopInterval fresh() {
        LoopInterval i = free.poll();
        return i != null ? i : new LoopInterval();
    }

    /** Hands a closed interval to the runner. */
    void deliver(LoopInterval interval) {
        queue.add(interval);
    }

    // ---- the runner's side

    /**
     * Merges deliveries as they come until every loop has delivered its last interval; returns
     * false when {@code timeoutNanos} passed first ({@code Long.MAX_VALUE}: no bound).
     */
    boolean await(long timeoutNanos) throws InterruptedException {
        long end = timeoutNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + timeoutNanos;
        while (finished < lastIndex.length) {
            LoopInterval i;
            if (end == Long.MAX_VALUE) {
                i = queue.take();
            } else {
                long left = end - System.nanoTime();
                i = left <= 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
                if (i == null) {
                    return false;
                }
            }
            accept(i);
        }
        return true;
    }

    /** Merges whatever was delivered and passes on the intervals still open (a loop that never finished is missing from them). */
    void drain() {
        for (LoopInterval i; (i = queue.poll()) != null;) {
            accept(i);
        }
        while (!pending.isEmpty()) {
            emit(pending.firstKey());
        }
    }

    private void accept(LoopInterval i) {
        pending.computeIfAbsent(i.index, k -> new LoopInterval[lastIndex.length])[i.loop] = i;
        seenIndex[i.loop] = Math.max(seenIndex[i.loop], i.index);
        if (i.last) {
            lastIndex[i.loop] = i.index;
            finished++;
        }
        while (!pending.isEmpty() && complete(pending.firstKey())) {
            emit(pending.firstKey());
        }
    }

    private boolean complete(long k) {
        LoopInterval[] parts = pending.get(k);
        for (int loop = 0; loop < parts.length; loop++) {
            if (parts[loop] == null && lastIndex[loop] >= k && seenIndex[loop] <= k) {
                return false;
            }
        }
        return true;
    }

    private void emit(long k) {
        LoopInterval[] parts = pending.remove(k);
        long start = t0 + k * PERIOD_NANOS;
        long end = start;
        all.reset();
        success.reset();
        error.reset();
        service.reset();
        for (LoopInterval p : parts) {
            if (p == null) {
                continue;
            }
            success.add(p.success);
            error.add(p.error);
            service.add(p.service);
            end = Math.max(end, p.last ? p.endNanos : start + PERIOD_NANOS);
            totals[p.loop] = new LoadInterval.Counts(p.sent, p.ended, p.failed, p.errors, p.late, p.dropped);
            p.reset();
            free.add(p);
        }
        all.add(success);
        all.add(error);
        latencySoFar.add(all);
        long sent = 0, ended = 0, failed = 0, errors = 0, late = 0, dropped = 0;
        for (LoadInterval.Counts c : totals) {
            sent += c.sent();
            ended += c.ended();
            failed += c.failed();
            errors += c.errors();
            late += c.late();
            dropped += c.dropped();
        }
        LoadInterval.Counts now = new LoadInterval.Counts(sent, ended, failed, errors, late, dropped);
        LoadInterval.Counts delta = now.minus(soFar);
        soFar = now;
        listener.interval(new LoadInterval(k, k, (end - start) / 1e9, all, success, error, service, latencySoFar, delta, now));
    }
}
