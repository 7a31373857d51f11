package dev.apitool.core.load.engine;

import java.util.concurrent.TimeUnit;

/**
 * The closed model: each connection takes its next request when the last one ends, until the
 * loop's share of {@code -n} is used or the deadline passes. Latency runs from the send. A request
 * whose connection could not be made is retried on it shortly after, as long as the share allows.
 */
final class ClosedModel implements LoopModel {

    private static final long CONNECT_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final LoadLoop loop;
    private final LoopStats stats;
    /** This loop's share of {@code -n}, {@link Long#MAX_VALUE} for none. */
    private final long quota;
    /** Count-based warm-up: this loop's first requests. */
    private final long warmupCount;

    ClosedModel(LoadLoop loop, LoopShare share) {
        this.loop = loop;
        this.stats = loop.stats();
        this.quota = share.quota();
        this.warmupCount = share.warmupCount();
    }

    @Override
    public void start(long now) {
        loop.begin(now);
        LoadConnection[] conns = loop.conns();
        for (int i = 0; i < loop.initialConnections() && canStart(); i++) {
            start(conns[i], now);
        }
        loop.finishIfDone();
    }

    private boolean canStart() {
        return !loop.stopping() && stats.started < quota;
    }

    private void start(LoadConnection c, long now) {
        boolean measured = loop.timeWarmup() ? now - loop.t0() >= loop.warmupNanos() : stats.started >= warmupCount;
        stats.started++;
        loop.busy(1);
        c.assign(now, now, measured);
        if (c.channel == null) {
            loop.openConnection(c);
        }
    }

    @Override
    public void connected(LoadConnection c, long now) {
        // a closed-model connection is opened for a request, which it has written by now
    }

    @Override
    public void connectFailed() {
        // connections are opened only for a request, whose failure retryConnect handles
    }

    @Override
    public boolean retryConnect(LoadConnection c) {
        if (!canStart()) {
            return false;
        }
        loop.clock().schedule(loop.eventLoop(), () -> retry(c), CONNECT_RETRY_NANOS);
        return true;
    }

    private void retry(LoadConnection c) {
        if (!c.busy && c.channel == null && canStart() && !loop.finished()) {
            start(c, loop.clock().nanoTime());
        }
        loop.finishIfDone();
    }

    @Override
    public void next(LoadConnection c, long now) {
        if (canStart()) {
            start(c, now);
        }
    }

    @Override
    public void closed(LoadConnection c) {
        // no connection idles in the closed model
    }

    @Override
    public void tick(long now) {
        // nothing is scheduled: requests follow responses
    }

    @Override
    public boolean noMore() {
        return loop.stopping() || stats.started >= quota;
    }

    @Override
    public void finish() {
        // no request waits to start in the closed model
    }
}
