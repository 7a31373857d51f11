package dev.apitool.core.load.engine;

import dev.apitool.core.http.Dialer;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.Origin;
import dev.apitool.core.load.LoadSpec;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import java.net.SocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * One event loop's share of a run (wrk's {@code thread}): its connections, its {@link LoopShare}
 * and its {@link LoopStats}, all touched only from its own thread, so nothing crosses threads per
 * request. The loop owns the connections' events, the deadline, the per-request timeout and the
 * grace period; when a request starts and on which connection is its {@link LoopModel}'s to say
 * ({@link ClosedModel} or {@link OpenModel}), chosen once.
 */
final class LoadLoop {

    private static final int RECV_BUFFER_BYTES = 16 * 1024;

    private final int index;
    private final EventLoop eventLoop;
    private final LoadSpec spec;
    private final LoopRequests requests;
    private final SocketAddress address;
    private final Bootstrap bootstrap;
    private final LoopStats stats = new LoopStats();
    private final CountDownLatch done;
    private final LoadConnection[] conns;
    private final int initialConnections;
    private final long timeoutNanos;
    private final String timeoutMessage;
    /** Opens this loop's channels to {@link #origin} at {@link #address}. */
    private final Dialer dialer;
    private final Origin origin;
    private final long warmupNanos;
    private final boolean timeWarmup;
    private final LoopModel model;
    /** The time and the timers: the system's, or a test's. */
    private final LoadClock clock;

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
    private LoadClock.Timer ticker;
    /** Once a second, at the run's common boundaries, the loop hands its interval statistics to the runner. */
    private final Intervals intervals;
    private LoadClock.Timer roller;
    private long intervalIndex;

    LoadLoop(int index, int loops, EventLoop eventLoop, LoadSpec spec, LoopRequests requests, Dialer dialer,
            Origin origin, SocketAddress address, CountDownLatch done, long warmupNanos, LoopShare share,
            Intervals intervals, LoadClock clock) {
        this.index = index;
        this.clock = clock;
        this.dialer = dialer;
        this.origin = origin;
        this.intervals = intervals;
        this.eventLoop = eventLoop;
        this.spec = spec;
        this.requests = requests;
        this.address = address;
        this.done = done;
        this.initialConnections = share.connections();
        this.conns = new LoadConnection[share.maxConnections()];
        for (int i = 0; i < conns.length; i++) {
            conns[i] = new LoadConnection(this);
        }
        this.timeoutNanos = spec.timeout().toNanos();
        this.timeoutMessage = "no response within " + dev.apitool.core.time.Durations.format(spec.timeout());
        this.bootstrap = dialer.bootstrap(eventLoop);
        // a fixed 16 KiB read buffer (pooled, released after each read) instead of Netty's adaptive guess:
        // less CPU per request on small responses (scripts/bench A/B, see the commit message)
        bootstrap.option(ChannelOption.RCVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(RECV_BUFFER_BYTES));
        this.warmupNanos = warmupNanos;
        // a loop whose count share is 0 measures from its start either way (the time warm-up is then 0 long)
        this.timeWarmup = share.warmupCount() == 0;
        this.model = spec.open() ? new OpenModel(this, share, spec.schedule(), index, loops, timeoutNanos) : new ClosedModel(this, share);
    }

    EventLoop eventLoop() {
        return eventLoop;
    }

    LoadClock clock() {
        return clock;
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

    // ---- what the models read

    LoadConnection[] conns() {
        return conns;
    }

    int initialConnections() {
        return initialConnections;
    }

    int connecting() {
        return connecting;
    }

    long t0() {
        return t0;
    }

    long deadline() {
        return deadline;
    }

    long warmupNanos() {
        return warmupNanos;
    }

    /** Returns whether the warm-up is a time ({@link #warmupNanos}) rather than a count of requests. */
    boolean timeWarmup() {
        return timeWarmup;
    }

    boolean scheduling() {
        return scheduling;
    }

    boolean stopping() {
        return stopping;
    }

    boolean finished() {
        return finished;
    }

    /** Returns the requests in flight on this loop's connections. */
    int inFlight() {
        return busy;
    }

    /** A model started ({@code delta} 1) a request on a connection. */
    void busy(int delta) {
        busy += delta;
    }

    /** Starts the loop's work; runs on its thread. */
    void start() {
        long now = clock.nanoTime();
        long tick = Math.max(1_000_000L, Math.min(10_000_000L, timeoutNanos / 10));
        ticker = clock.scheduleAtFixedRate(eventLoop, this::tick, tick, tick);
        intervalIndex = intervals.indexAt(now);
        roller = clock.scheduleAtFixedRate(eventLoop, this::roll, intervals.untilNextBoundary(now), Intervals.PERIOD_NANOS);
        model.start(now);
    }

    /** The requests start from {@code now}: the deadline is set from it. */
    void begin(long now) {
        scheduling = true;
        t0 = now;
        deadline = now + spec.stopAfter().toNanos();
        clock.schedule(eventLoop, this::stop, deadline - now);
    }

    // ---- events from connections

    void openConnection(LoadConnection c) {
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
        long now = clock.nanoTime();
        if (c.busy && !c.written) {
            c.write(now);
        } else if (!finished) {
            model.connected(c, now);
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
        if (!finished) {
            model.connectFailed();
        }
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
            end(c, clock.nanoTime(), false);
        }
        finish();
    }

    /** Returns why the loop stopped early (its first TLS handshake failed), or null when it did not. */
    String abortReason() {
        return abortReason;
    }

    void responded(LoadConnection c) {
        long now = clock.nanoTime();
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
        long now = clock.nanoTime();
        boolean wasConnecting = c.busy && !c.written;
        if (c.busy) {
            end(c, now, false);
        }
        c.close();
        if (wasConnecting && !finished && model.retryConnect(c)) {
            return;
        }
        next(c, now);
    }

    /** An idle connection closed (the server's keep-alive timeout, say): it is opened again when needed. */
    void closed(LoadConnection c) {
        model.closed(c);
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

    /** A request on {@code c} ended: the model gives the connection its next one, idles it, or leaves it closed. */
    private void next(LoadConnection c, long now) {
        if (finished) {
            return;
        }
        model.next(c, now);
        finishIfDone();
    }

    // ---- time

    /** Closes this second's interval statistics and hands them to the runner (on this loop's thread, like every record). */
    private void roll() {
        if (finished) {
            return;
        }
        intervals.deliver(stats.roll(intervals.fresh(), index, intervalIndex++, clock.nanoTime(), false));
    }

    private void tick() {
        long now = clock.nanoTime();
        requests.tick(now);
        for (LoadConnection c : conns) {
            if (c.busy && now - c.startNanos >= timeoutNanos) {
                failed(c, ErrorKind.TIMEOUT, timeoutMessage);
            }
        }
        if (scheduling && !finished) {
            model.tick(now);
        }
        if (now >= graceEnd) {
            finish();
        }
    }

    /** No more requests are started (the deadline passed or the schedule is used up); in-flight ones get the grace period. */
    void stop() {
        if (stopping || finished) {
            return;
        }
        stopping = true;
        long now = clock.nanoTime();
        graceEnd = now + spec.grace().toNanos();
        model.stopping(now);
        finishIfDone();
    }

    /** Stops early (Ctrl-C): as at the deadline, in-flight requests get the grace period. */
    void interrupt() {
        stop();
    }

    void finishIfDone() {
        if (!finished && busy == 0 && model.noMore()) {
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
            ticker.cancel();
        }
        model.finish();
        stats.unfinished += busy;
        for (LoadConnection c : conns) {
            c.busy = false;
            c.close();
            c.slot.release();
        }
        requests.close();
        busy = 0;
        if (roller != null) {
            roller.cancel();
        }
        intervals.deliver(stats.roll(intervals.fresh(), index, intervalIndex, clock.nanoTime(), true));
        done.countDown();
    }
}
