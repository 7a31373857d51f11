package dev.apitool.core.load.engine;

import dev.apitool.core.load.plan.Schedule;
import dev.apitool.core.load.plan.Stages;

/**
 * The open model: the loop owns every {@code loops}-th request of the global {@link Schedule},
 * request {@code g} due at {@code t0 + g / rate} or on the {@link Stages}' ramps (computed from
 * {@code g}, never accumulated). A due request starts on an idle connection, or waits for one
 * (counted late; a new connection is opened while under the in-flight bound), or is dropped once it
 * has waited longer than the timeout. Latency runs from the intended time, so waiting shows in the
 * percentiles. The schedule starts once the first connections have come up (or failed).
 */
final class OpenModel implements LoopModel {

    private final LoadLoop loop;
    private final LoopStats stats;
    private final LoadConnection[] conns;
    private final LoadConnection[] idle;
    private final Schedule schedule;
    private final int index;
    private final int loops;
    /** Local requests allowed by {@code -n}, {@link Long#MAX_VALUE} for none. */
    private final long quota;
    /** Count-based warm-up: global request numbers below it. */
    private final long warmupCount;
    private final long timeoutNanos;
    private final Runnable fire = this::fire;
    private final LoadClock clock;

    private int idleCount;
    /** Local requests due so far, and the first one not yet started; between them is the backlog. */
    private long due;
    private long nextToStart;

    OpenModel(LoadLoop loop, LoopShare share, Schedule schedule, int index, int loops, long timeoutNanos) {
        this.loop = loop;
        this.stats = loop.stats();
        this.clock = loop.clock();
        this.conns = loop.conns();
        this.idle = new LoadConnection[conns.length];
        this.schedule = schedule;
        this.index = index;
        this.loops = loops;
        this.quota = share.quota();
        this.warmupCount = share.warmupCount();
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public void start(long now) {
        for (int i = 0; i < loop.initialConnections(); i++) {
            loop.openConnection(conns[i]);
        }
        if (loop.connecting() == 0) {
            beginSchedule(now);
        }
    }

    private void beginSchedule(long now) {
        loop.begin(now);
        fire();
    }

    private long intended(long k) {
        long offset = schedule.offsetNanos(index + k * loops);
        return offset == Schedule.NEVER ? Long.MAX_VALUE : loop.t0() + offset;
    }

    /** Marks the requests now due, drops stale ones, starts what can start, and schedules the next. */
    private void fire() {
        if (loop.finished() || loop.stopping()) {
            return;
        }
        long now = clock.nanoTime();
        long firstNew = markDue(now);
        pump(now, firstNew);
        if (due >= quota || intended(due) >= loop.deadline()) {
            loop.stop();
        } else {
            clock.schedule(loop.eventLoop(), fire, Math.max(0, intended(due) - now));
        }
    }

    /** Marks the requests due by {@code now} (and before the deadline); returns the first newly due one. */
    private long markDue(long now) {
        long firstNew = due;
        while (due < quota && intended(due) <= now && intended(due) < loop.deadline()) {
            due++;
        }
        return firstNew;
    }

    @Override
    public void stopping(long now) {
        if (loop.scheduling()) {
            pump(now, markDue(now));
        }
    }

    /** Starts waiting requests on idle connections; opens connections for the rest while under the bound. */
    private void pump(long now, long firstNew) {
        while (nextToStart < due && now - intended(nextToStart) > timeoutNanos) {
            if (measured(nextToStart++)) {
                stats.dropped++;
            }
        }
        while (nextToStart < due && idleCount > 0) {
            start(idle[--idleCount], now, nextToStart < firstNew);
        }
        for (int i = 0; i < conns.length && due - nextToStart > loop.connecting(); i++) {
            if (conns[i].channel == null && !conns[i].busy) {
                loop.openConnection(conns[i]);
            }
        }
    }

    private void start(LoadConnection c, long now, boolean late) {
        long k = nextToStart++;
        long at = intended(k);
        boolean measured = measured(k, at);
        stats.started++;
        if (late && measured) {
            stats.late++; // like every statistic, late and dropped leave the warm-up out
        }
        loop.busy(1);
        c.assign(at, now, measured);
    }

    /** Returns whether local request {@code k} is measured (past the warm-up). */
    private boolean measured(long k) {
        return measured(k, intended(k));
    }

    /** {@link #measured(long)} for {@code k}, whose intended start {@code at} is already known. */
    private boolean measured(long k, long at) {
        return loop.timeWarmup() ? at - loop.t0() >= loop.warmupNanos() : index + k * loops >= warmupCount;
    }

    /** A connection is free: it takes the oldest waiting request or goes idle. */
    private void offer(LoadConnection c, long now) {
        if (nextToStart < due && !loop.finished()) {
            start(c, now, true);
        } else {
            idle[idleCount++] = c;
        }
    }

    @Override
    public void connected(LoadConnection c, long now) {
        offer(c, now);
        if (!loop.scheduling() && loop.connecting() == 0) {
            beginSchedule(now);
        }
    }

    @Override
    public void connectFailed() {
        long now = clock.nanoTime();
        if (!loop.scheduling()) {
            if (loop.connecting() == 0) {
                beginSchedule(now);
            }
            return;
        }
        if (nextToStart < due) {
            failWaiting(now); // the connection was opened for the oldest waiting request: it fails with it
        }
        pump(now, due);
        loop.finishIfDone();
    }

    /** The oldest waiting request ends as failed without being sent (its connection could not be made). */
    private void failWaiting(long now) {
        long k = nextToStart++;
        long at = intended(k);
        stats.started++;
        if (measured(k, at)) {
            stats.record(at, now, 0, false);
        } else {
            stats.warmupRequests++;
        }
    }

    @Override
    public boolean retryConnect(LoadConnection c) {
        return false; // the waiting requests decide which connections to open
    }

    @Override
    public void next(LoadConnection c, long now) {
        if (c.connected) {
            offer(c, now);
        }
        pump(now, due);
    }

    @Override
    public void closed(LoadConnection c) {
        for (int i = 0; i < idleCount; i++) {
            if (idle[i] == c) {
                idle[i] = idle[--idleCount];
                break;
            }
        }
    }

    @Override
    public void tick(long now) {
        pump(now, due);
    }

    @Override
    public boolean noMore() {
        return loop.stopping() && nextToStart >= due;
    }

    @Override
    public void finish() {
        for (; nextToStart < due; nextToStart++) {
            if (measured(nextToStart)) {
                stats.dropped++;
            }
        }
    }
}
