package dev.apitool.core.load.engine;

import dev.apitool.core.http.Dialer;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.Origin;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.plan.Schedule;
import dev.apitool.core.load.plan.Stages;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.SocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of a run (wrk's {@code thread}): its connections, its slice of the
 * schedule and its {@link LoopStats}, all touched only from its own thread, so nothing crosses
 * threads per request.
 *
 * <p>Closed model: each connection takes its next request when the last one ends, until the
 * loop's share of {@code -n} is used or the deadline passes. Open model: the loop owns every
 * {@code loops}-th request of the global {@link Schedule}, request {@code g} due at
 * {@code t0 + g / rate} or on the {@link Stages}' ramps (computed from {@code g}, never accumulated); a due request starts on an
 * idle connection, or waits for one (counted late; a new connection is opened while under the
 * in-flight bound), or is dropped once it has waited longer than the timeout. Latency runs from
 * the intended time, so waiting shows in the percentiles.
 */
final class LoadLoop {

    private static final long CONNECT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int RECV_BUFFER_BYTES = 16 * 1024;

    private final int index;
    private final int loops;
    private final EventLoop eventLoop;
    private final LoadSpec spec;
    private final LoopRequests requests;
    private final SocketAddress address;
    private final Bootstrap bootstrap;
    private final LoopStats stats = new LoopStats();
    private final CountDownLatch done;
    private final LoadConnection[] conns;
    private final LoadConnection[] idle;
    private final int initialConnections;
    private final long timeoutNanos;
    private final String timeoutMessage;
    /** Opens this loop's channels to {@link #origin} at {@link #address}. */
    private final Dialer dialer;
    private final Origin origin;

    /** Closed model: this loop's share of {@code -n} (Long.MAX_VALUE for none); open model: local requests allowed by {@code -n}. */
    private final long quota;
    /** Count-based warm-up: closed, this loop's first requests; open, global indices below it. */
    private final long warmupCount;
    private final long warmupNanos;
    private final boolean timeWarmup;
    /** Open model: when each request of the global sequence is due; null in the closed model. */
    private final Schedule schedule;

    private int idleCount;
    private int busy;
    private int connecting;
    /** Whether any connection of this loop has come up (over TLS: completed its handshake). */
    private boolean everConnected;
    /** Why the loop stopped before its deadline or count, or null: see {@link #abort}. */
    private String abortReason;
    private long t0;
    private long deadline = Long.MAX_VALUE;
    private long graceEnd = Long.MAX_VALUE;
    private boolean scheduling;
    private boolean stopping;
    private boolean finished;
    /** Open model: local requests due so far, and the first one not yet started; between them is the backlog. */
    private long due;
    private long nextToStart;
    private ScheduledFuture<?> ticker;
    private final Runnable fire = this::fire;
    /** Once a second, at the run's common boundaries, the loop hands its interval statistics to the runner. */
    private final Intervals intervals;
    private ScheduledFuture<?> roller;
    private long intervalIndex;

    LoadLoop(int index, int loops, EventLoop eventLoop, LoadSpec spec, LoopRequests requests, Dialer dialer,
            Origin origin, SocketAddress address, CountDownLatch done, long warmupNanos, long warmupCount,
            Intervals intervals) {
        this.index = index;
        this.dialer = dialer;
        this.origin = origin;
        this.intervals = intervals;
        this.loops = loops;
        this.eventLoop = eventLoop;
        this.spec = spec;
        this.requests = requests;
        this.address = address;
        this.done = done;
        this.initialConnections = share(spec.connections(), index, loops);
        int maxConns = spec.open() ? Math.max(initialConnections, share(spec.maxInFlight(), index, loops)) : initialConnections;
        this.conns = new LoadConnection[maxConns];
        this.idle = new LoadConnection[maxConns];
        for (int i = 0; i < maxConns; i++) {
            conns[i] = new LoadConnection(this);
        }
        this.timeoutNanos = spec.timeout().toNanos();
        this.timeoutMessage = "no response within " + dev.apitool.core.time.Durations.format(spec.timeout());
        this.bootstrap = dialer.bootstrap(eventLoop);
        // a fixed 16 KiB read buffer (pooled, released after each read) instead of Netty's adaptive guess:
        // less CPU per request on small responses (scripts/bench A/B, see the commit message)
        bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECV_BUFFER_BYTES));
        long n = spec.requests();
        if (spec.open()) {
            this.quota = n == 0 ? Long.MAX_VALUE : n > index ? (n - 1 - index) / loops + 1 : 0;
            this.schedule = spec.schedule();
            this.warmupCount = warmupCount;
        } else {
            long before = prefix(spec.connections(), index, loops);
            long quotaBefore = n * before / spec.connections();
            long quotaUpTo = n * (before + initialConnections) / spec.connections();
            this.quota = n == 0 ? Long.MAX_VALUE : quotaUpTo - quotaBefore;
            this.schedule = null;
            // the warm-up split as the requests are (by prefix sums), so the loops' shares add up to it exactly
            this.warmupCount = n == 0 ? 0 : warmupCount * quotaUpTo / n - warmupCount * quotaBefore / n;
        }
        this.warmupNanos = warmupNanos;
        this.timeWarmup = warmupCount == 0;
    }

    /** Returns {@code total}'s share for loop {@code i} of {@code loops}: as even as can be, the first ones one more. */
    static int share(int total, int i, int loops) {
        return total / loops + (i < total % loops ? 1 : 0);
    }

    private static long prefix(int total, int i, int loops) {
        long sum = 0;
        for (int j = 0; j < i; j++) {
            sum += share(total, j, loops);
        }
        return sum;
    }

    EventLoop eventLoop() {
        return eventLoop;
    }

    LoopStats stats() {
        return stats;
    }

    LoopRequests requests() {
        return requests;
    }

    /** Returns the dialer that opens this loop's channels. */
    Dialer dialer() {
        return dialer;
    }

    /** Returns the run's target. */
    Origin origin() {
        return origin;
    }

    /** Starts the loop's work; runs on its thread. */
    void start() {
        long now = System.nanoTime();
        long tick = Math.max(1_000_000L, Math.min(10_000_000L, timeoutNanos / 10));
        ticker = eventLoop.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.NANOSECONDS);
        intervalIndex = intervals.indexAt(now);
        roller = eventLoop.scheduleAtFixedRate(this::roll, intervals.untilNextBoundary(now), Intervals.PERIOD_NANOS,
                TimeUnit.NANOSECONDS);
        if (spec.open()) {
            for (int i = 0; i < initialConnections; i++) {
                openConnection(conns[i]);
            }
            if (connecting == 0) {
                beginSchedule(now);
            }
        } else {
            begin(now);
            for (int i = 0; i < initialConnections && canStartClosed(); i++) {
                startClosed(conns[i], now);
            }
            finishIfDone();
        }
    }

    private void begin(long now) {
        scheduling = true;
        t0 = now;
        deadline = now + spec.stopAfter().toNanos();
        eventLoop.schedule(this::stop, deadline - now, TimeUnit.NANOSECONDS);
    }

    private void beginSchedule(long now) {
        begin(now);
        fire();
    }

    // ---- closed model

    private boolean canStartClosed() {
        return !stopping && stats.started < quota;
    }

    private void startClosed(LoadConnection c, long now) {
        boolean measured = timeWarmup ? now - t0 >= warmupNanos : stats.started >= warmupCount;
        stats.started++;
        busy++;
        c.assign(now, now, measured);
        if (c.channel == null) {
            openConnection(c);
        }
    }

    // ---- open model

    private long intended(long k) {
        long offset = schedule.offsetNanos(index + k * loops);
        return offset == Schedule.NEVER ? Long.MAX_VALUE : t0 + offset;
    }

    /** Marks the requests now due, drops stale ones, starts what can start, and schedules the next. */
    private void fire() {
        if (finished || stopping) {
            return;
        }
        long now = System.nanoTime();
        long firstNew = due;
        while (due < quota && intended(due) <= now && intended(due) < deadline) {
            due++;
        }
        pump(now, firstNew);
        if (due >= quota || intended(due) >= deadline) {
            stop();
        } else {
            eventLoop.schedule(fire, Math.max(0, intended(due) - now), TimeUnit.NANOSECONDS);
        }
    }

    /** Starts waiting requests on idle connections; opens connections for the rest while under the bound. */
    private void pump(long now, long firstNew) {
        while (nextToStart < due && now - intended(nextToStart) > timeoutNanos) {
            if (measuredOpen(nextToStart++)) {
                stats.dropped++;
            }
        }
        while (nextToStart < due && idleCount > 0) {
            startOpen(idle[--idleCount], now, nextToStart < firstNew);
        }
        for (int i = 0; i < conns.length && due - nextToStart > connecting; i++) {
            if (conns[i].channel == null && !conns[i].busy) {
                openConnection(conns[i]);
            }
        }
    }

    private void startOpen(LoadConnection c, long now, boolean late) {
        long k = nextToStart++;
        long at = intended(k);
        boolean measured = measuredOpen(k, at);
        stats.started++;
        if (late && measured) {
            stats.late++; // like every statistic, late and dropped leave the warm-up out
        }
        busy++;
        c.assign(at, now, measured);
    }

    /** Open model: whether local request {@code k} is measured (past the warm-up). */
    private boolean measuredOpen(long k) {
        return measuredOpen(k, intended(k));
    }

    /** {@link #measuredOpen(long)} for {@code k}, whose intended start {@code at} is already known. */
    private boolean measuredOpen(long k, long at) {
        return timeWarmup ? at - t0 >= warmupNanos : index + k * loops >= warmupCount;
    }

    /** Open model: a connection is free; it takes the oldest waiting request or goes idle. */
    private void offer(LoadConnection c, long now) {
        if (nextToStart < due && !finished) {
            startOpen(c, now, true);
        } else {
            idle[idleCount++] = c;
        }
    }

    // ---- events from connections

    private void openConnection(LoadConnection c) {
        connecting++;
        c.connecting = true;
        c.connect(bootstrap, address);
    }

    /** {@code c}'s connect attempt is over: it came up, failed, or was closed first (a timeout, the run's end). */
    void connectEnded(LoadConnection c) {
        if (c.connecting) {
            c.connecting = false;
            connecting--;
        }
    }

    void connected(LoadConnection c) {
        connectEnded(c);
        everConnected = true;
        long now = System.nanoTime();
        if (c.busy && !c.written) {
            c.write(now);
        } else if (spec.open() && !finished) {
            offer(c, now);
            if (!scheduling && connecting == 0) {
                beginSchedule(now);
            }
        }
    }

    void connectFailed(LoadConnection c, HttpException failure) {
        connectEnded(c);
        c.connected = false;
        String message = ErrorKind.describe(failure);
        if (!everConnected && failure.phase() == HttpException.Phase.TLS && failure.kind() != HttpException.Kind.TIMEOUT) {
            abort(c, message);
            return;
        }
        ErrorKind kind = ErrorKind.of(failure, true);
        if (c.busy) {
            failed(c, kind, message);
            return;
        }
        stats.error(kind, message);
        if (!spec.open() || finished) {
            return;
        }
        long now = System.nanoTime();
        if (!scheduling) {
            if (connecting == 0) {
                beginSchedule(now);
            }
            return;
        }
        if (nextToStart < due) {
            failWaiting(now); // the connection was opened for the oldest waiting request: it fails with it
        }
        pump(now, due);
        finishIfDone();
    }

    /**
     * A TLS handshake failed before any connection of this loop came up (an untrusted certificate,
     * a host name mismatch, https to a plain-http port): every other attempt would fail the same
     * way, so the loop ends now rather than retrying handshakes against the server for the rest of
     * the run. The failure is counted even during the warm-up, and the report says the run stopped
     * on it.
     */
    private void abort(LoadConnection c, String message) {
        stats.error(ErrorKind.CONNECT, message);
        abortReason = message;
        if (c.busy) {
            end(c, System.nanoTime(), false);
        }
        finish();
    }

    /** Returns why the loop stopped early (its first TLS handshake failed), or null when it did not. */
    String abortReason() {
        return abortReason;
    }

    /** Open model: the oldest waiting request ends as failed without being sent (its connection could not be made). */
    private void failWaiting(long now) {
        long k = nextToStart++;
        long at = intended(k);
        stats.started++;
        if (measuredOpen(k, at)) {
            stats.record(at, now, 0, false);
        } else {
            stats.warmupRequests++;
        }
    }

    void responded(LoadConnection c) {
        long now = System.nanoTime();
        int status = c.status();
        if (c.measured) {
            stats.status[status < 600 ? status : 0]++;
        }
        end(c, now, spec.okStatus().contains(status));
        if (!c.keepAlive()) {
            c.close();
        }
        next(c, now);
    }

    void failed(LoadConnection c, ErrorKind kind, String message) {
        if (!c.busy || c.measured) {
            stats.error(kind, message); // a warm-up request's failure is left out, like the rest of the warm-up
        }
        long now = System.nanoTime();
        boolean wasConnecting = c.busy && !c.written;
        if (c.busy) {
            end(c, now, false);
        }
        c.close();
        if (!spec.open() && wasConnecting && canStartClosed() && !finished) {
            eventLoop.schedule(() -> retry(c), CONNECT_RETRY_NANOS, TimeUnit.NANOSECONDS);
            return;
        }
        next(c, now);
    }

    private void retry(LoadConnection c) {
        if (!c.busy && c.channel == null && canStartClosed() && !finished) {
            startClosed(c, System.nanoTime());
        }
        finishIfDone();
    }

    /** An idle connection closed (the server's keep-alive timeout, say): it is opened again when needed. */
    void closed(LoadConnection c) {
        for (int i = 0; i < idleCount; i++) {
            if (idle[i] == c) {
                idle[i] = idle[--idleCount];
                break;
            }
        }
        finishIfDone();
    }

    private void end(LoadConnection c, long now, boolean success) {
        c.busy = false;
        busy--;
        if (c.measured) {
            stats.record(c.intendedNanos, now, c.written ? now - c.sentNanos : now - c.startNanos, success);
        } else {
            stats.warmupRequests++;
        }
    }

    /** A request on {@code c} ended: the connection takes the next one, idles, or is left closed. */
    private void next(LoadConnection c, long now) {
        if (finished) {
            return;
        }
        if (spec.open()) {
            if (c.connected) {
                offer(c, now);
            }
            pump(now, due);
        } else if (canStartClosed()) {
            startClosed(c, now);
        }
        finishIfDone();
    }

    // ---- time

    /** Closes this second's interval statistics and hands them to the runner (on this loop's thread, like every record). */
    private void roll() {
        if (finished) {
            return;
        }
        intervals.deliver(stats.roll(intervals.fresh(), index, intervalIndex++, System.nanoTime(), false));
    }

    private void tick() {
        long now = System.nanoTime();
        requests.tick(now);
        for (LoadConnection c : conns) {
            if (c.busy && now - c.startNanos >= timeoutNanos) {
                failed(c, ErrorKind.TIMEOUT, timeoutMessage);
            }
        }
        if (spec.open() && scheduling && !finished) {
            pump(now, due);
        }
        if (now >= graceEnd) {
            finish();
        }
    }

    /** No more requests are started (the deadline passed or the schedule is used up); in-flight ones get the grace period. */
    private void stop() {
        if (stopping || finished) {
            return;
        }
        stopping = true;
        graceEnd = System.nanoTime() + spec.grace().toNanos();
        finishIfDone();
    }

    /** Stops early (Ctrl-C): as at the deadline, in-flight requests get the grace period. */
    void interrupt() {
        stop();
    }

    private void finishIfDone() {
        boolean noMore = spec.open() ? stopping && nextToStart >= due : stopping || stats.started >= quota;
        if (!finished && busy == 0 && noMore) {
            finish();
        }
    }

    /** Ends the loop now: waiting requests are dropped, in-flight ones counted unfinished, connections closed. */
    void finish() {
        if (finished) {
            return;
        }
        finished = true;
        stopping = true;
        if (ticker != null) {
            ticker.cancel(false);
        }
        for (; nextToStart < due; nextToStart++) {
            if (measuredOpen(nextToStart)) {
                stats.dropped++;
            }
        }
        stats.unfinished += busy;
        for (LoadConnection c : conns) {
            c.busy = false;
            c.close();
            c.slot.release();
        }
        requests.close();
        busy = 0;
        if (roller != null) {
            roller.cancel(false);
        }
        intervals.deliver(stats.roll(intervals.fresh(), index, intervalIndex, System.nanoTime(), true));
        done.countDown();
    }
}
