package dev.apitool.core.http;

import dev.apitool.core.time.Durations;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A bounded pool of keep-alive connections to one {@link Origin}: an asyncio-style pool grown
 * up. {@link #acquire} hands out an idle connection (most recently used first), opens a new one
 * while fewer than {@code maxConnections} exist, or queues the caller (FIFO, no busy waiting) until
 * a connection is released or its timeout passes. {@link #release} takes a connection back, or
 * closes it when the server closed it, its response ended keep-alive, or it outlived
 * {@code maxLifetime}. Idle connections the server closes leave the pool as soon as their channel
 * goes inactive; idle ones older than {@code idleTimeout} are closed by a periodic sweep.
 * Thread-safe; futures are completed outside the pool's lock.
 */
public final class ConnectionPool implements AutoCloseable {

    private final Origin origin;
    private final int maxConnections;
    private final long idleNanos;
    private final long lifetimeNanos;
    private final Connector connector;
    private final ScheduledExecutorService timer;
    private final LongSupplier clock;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Set<Connection> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ScheduledFuture<?> sweeper;
    private int open;
    private int connecting;
    private int inUse;
    private long nextId;
    private long created;
    private long closedCount;
    private boolean closed;

    private static final class Waiter {
        final CompletableFuture<Connection> future = new CompletableFuture<>();
        final Duration timeout;
        ScheduledFuture<?> timer;

        Waiter(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /**
     * @param maxConnections the bound, 1 or more
     * @param idleTimeout idle connections older than this are closed; zero keeps them
     * @param maxLifetime connections older than this are not reused; zero for no limit
     * @param timer runs acquire timeouts and the idle sweep
     * @param nanoClock monotonic nanoseconds, {@code System::nanoTime} outside tests
     */
    ConnectionPool(Origin origin, int maxConnections, Duration idleTimeout, Duration maxLifetime, Connector connector,
            ScheduledExecutorService timer, LongSupplier nanoClock) {
        this.origin = origin;
        this.maxConnections = maxConnections;
        this.idleNanos = idleTimeout.toNanos();
        this.lifetimeNanos = maxLifetime.toNanos();
        this.connector = connector;
        this.timer = timer;
        this.clock = nanoClock;
        long sweepNanos = Math.max(idleNanos / 2, TimeUnit.MILLISECONDS.toNanos(10));
        this.sweeper = idleNanos > 0 ? timer.scheduleWithFixedDelay(this::evictExpired, sweepNanos, sweepNanos,
                TimeUnit.NANOSECONDS) : null;
    }

    /** Returns the origin this pool connects to. */
    public Origin origin() {
        return origin;
    }

    /** Opens connections, one after another, until {@code min} exist (capped by the bound); completes when they are idle. */
    public CompletableFuture<Void> start(int min) {
        synchronized (this) {
            if (closed || open >= Math.min(min, maxConnections)) {
                return CompletableFuture.completedFuture(null);
            }
            open++;
            connecting++;
        }
        return open(true).thenCompose(ignored -> start(min));
    }

    /**
     * Returns a future of a connection for the caller's exclusive use until {@link #release}. It
     * fails with POOL_EXHAUSTED when every connection stays in use for {@code timeout}, TIMEOUT when
     * a new connection is still being opened then, the connector's error when opening fails, or
     * CLOSED. Cancelling the future withdraws the request.
     *
     * @param timeout how long to wait, positive
     */
    public CompletableFuture<Connection> acquire(Duration timeout) {
        Waiter w = new Waiter(timeout);
        List<Connection> expired = new ArrayList<>(0);
        Connection got = null;
        boolean connect = false;
        HttpException refused = null;
        synchronized (this) {
            if (closed) {
                refused = closedError();
            } else {
                got = pollIdleLocked(expired);
                if (got == null) {
                    waiters.addLast(w);
                    connect = reserveConnectLocked();
                }
            }
        }
        closeAll(expired);
        if (refused != null) {
            w.future.completeExceptionally(refused);
        } else if (got != null) {
            handOut(w.future, got);
        } else {
            w.timer = timer.schedule(() -> expire(w), timeout.toNanos(), TimeUnit.NANOSECONDS);
            w.future.whenComplete((c, e) -> {
                w.timer.cancel(false);
                if (e != null) {
                    withdraw(w);
                }
            });
            if (connect) {
                open(false);
            }
        }
        return w.future;
    }

    /**
     * Takes back a connection from {@link #acquire}: it goes to the next waiter or the idle list
     * when reusable, and is closed (freeing its slot) otherwise. Releasing twice, or releasing
     * another pool's connection, does nothing.
     */
    public void release(Connection c) {
        Waiter next = null;
        boolean discard = false;
        boolean connect = false;
        synchronized (this) {
            if (c.state != Connection.State.IN_USE || !live.contains(c)) {
                return; // released twice, or not ours
            }
            inUse--;
            long now = clock.getAsLong();
            if (closed || !c.isReusable() || tooOld(c, now)) {
                discardLocked(c);
                discard = true;
                connect = reserveConnectLocked();
            } else {
                c.lastUsedNanos = now;
                next = dispatchLocked(c, false);
            }
        }
        if (discard) {
            c.close();
        }
        if (next != null) {
            handOut(next.future, c);
        }
        if (connect) {
            open(false);
        }
    }

    /** Closes idle connections past the idle timeout or max lifetime; returns how many. Also run periodically. */
    public int evictExpired() {
        List<Connection> expired = new ArrayList<>(0);
        synchronized (this) {
            long now = clock.getAsLong();
            for (Iterator<Connection> it = idle.descendingIterator(); it.hasNext(); ) {
                Connection c = it.next();
                if (!c.isOpen() || tooOld(c, now) || (idleNanos > 0 && now - c.lastUsedNanos >= idleNanos)) {
                    it.remove();
                    discardLocked(c);
                    expired.add(c);
                }
            }
        }
        closeAll(expired);
        return expired.size();
    }

    /** Returns a snapshot of the counters. */
    public synchronized PoolStats stats() {
        return new PoolStats(open, idle.size(), inUse, connecting, waiters.size(), created, closedCount);
    }

    /** Fails all waiters with CLOSED and closes every connection, idle or in use; later acquires fail. */
    @Override
    public void close() {
        List<Waiter> failed;
        List<Connection> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            failed = new ArrayList<>(waiters);
            waiters.clear();
            all = new ArrayList<>(live); // idle and in use; in-use ones leave the count at release
            for (Connection c : idle) {
                discardLocked(c);
            }
            idle.clear();
        }
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        for (Waiter w : failed) {
            w.future.completeExceptionally(closedError());
        }
        closeAll(all);
    }

    /**
     * Opens one connection whose slot the caller reserved; on success it goes to a waiter or the
     * idle list. The future fails with the connect error (already passed to the oldest waiter).
     */
    private CompletableFuture<Void> open(boolean warm) {
        String id;
        synchronized (this) {
            id = "conn-" + nextId++;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture<Connection> connecting;
        try {
            connecting = connector.connect(origin, id);
        } catch (RuntimeException e) {
            connecting = CompletableFuture.failedFuture(e);
        }
        connecting.whenComplete((c, error) -> {
            if (error != null) {
                HttpException e = HttpException.from(error, HttpException.Phase.CONNECT, origin.authority(), null);
                onConnectFailed(e);
                done.completeExceptionally(e);
            } else {
                onConnected(c, warm);
                done.complete(null);
            }
        });
        return done;
    }

    private void onConnected(Connection c, boolean warm) {
        Waiter next = null;
        boolean reject;
        synchronized (this) {
            connecting--;
            reject = closed;
            if (reject) {
                open--;
            } else {
                created++;
                c.createdNanos = clock.getAsLong();
                c.lastUsedNanos = c.createdNanos;
                live.add(c);
                next = dispatchLocked(c, warm);
            }
        }
        if (reject) {
            c.close();
            return;
        }
        c.channel().closeFuture().addListener(f -> onChannelClosed(c));
        if (next != null) {
            handOut(next.future, c);
        }
    }

    private void onConnectFailed(HttpException error) {
        Waiter w;
        synchronized (this) {
            connecting--;
            open--;
            w = pollWaiterLocked();
        }
        if (w != null) {
            w.future.completeExceptionally(error);
        }
    }

    /** An idle connection whose socket closed (the server timed it out) leaves the pool; one in use is handled at release. */
    private void onChannelClosed(Connection c) {
        boolean connect = false;
        synchronized (this) {
            if (c.state == Connection.State.IDLE && idle.remove(c)) {
                discardLocked(c);
                connect = reserveConnectLocked();
            }
        }
        if (connect) {
            open(false);
        }
    }

    /** Completes an acquirer with {@code c}; if it gave up meanwhile, the connection goes back. */
    private void handOut(CompletableFuture<Connection> future, Connection c) {
        if (!future.complete(c)) {
            release(c);
        }
    }

    private Connection pollIdleLocked(List<Connection> expired) {
        long now = clock.getAsLong();
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            if (c.isReusable() && !tooOld(c, now) && (idleNanos == 0 || now - c.lastUsedNanos < idleNanos)) {
                c.state = Connection.State.IN_USE;
                inUse++;
                return c;
            }
            discardLocked(c);
            expired.add(c);
        }
        return null;
    }

    /** Gives {@code c} to the oldest live waiter (returned, to complete outside the lock) or makes it idle. */
    private Waiter dispatchLocked(Connection c, boolean warm) {
        Waiter w = pollWaiterLocked();
        if (w != null) {
            c.state = Connection.State.IN_USE;
            inUse++;
            return w;
        }
        c.state = Connection.State.IDLE;
        if (warm) {
            idle.addLast(c); // warm-up keeps creation order: conn-0 is handed out first
        } else {
            idle.addFirst(c); // most recently used first, so surplus connections age out
        }
        return null;
    }

    private Waiter pollWaiterLocked() {
        Waiter w;
        while ((w = waiters.pollFirst()) != null) {
            if (!w.future.isDone()) {
                return w;
            }
        }
        return null;
    }

    /** Reserves a slot for a new connection when waiters outnumber connections being opened; returns whether to open one. */
    private boolean reserveConnectLocked() {
        if (!closed && waiters.size() > connecting && open < maxConnections) {
            open++;
            connecting++;
            return true;
        }
        return false;
    }

    private void discardLocked(Connection c) {
        if (c.state == Connection.State.CLOSED) {
            return;
        }
        c.state = Connection.State.CLOSED;
        live.remove(c);
        open--;
        closedCount++;
    }

    private boolean tooOld(Connection c, long now) {
        return lifetimeNanos > 0 && now - c.createdNanos >= lifetimeNanos;
    }

    private void expire(Waiter w) {
        HttpException e;
        synchronized (this) {
            if (!waiters.remove(w)) {
                return;
            }
            if (inUse >= maxConnections) {
                e = new HttpException(HttpException.Kind.POOL_EXHAUSTED, HttpException.Phase.POOL,
                        "pool exhausted: no connection to " + origin + " free within " + Durations.format(w.timeout)
                                + " (" + inUse + " of " + maxConnections + " in use)");
            } else {
                e = HttpException.timeout(HttpException.Phase.CONNECT, w.timeout, "connecting to " + origin.authority());
            }
        }
        w.future.completeExceptionally(e);
    }

    private void withdraw(Waiter w) {
        synchronized (this) {
            waiters.remove(w);
        }
    }

    private HttpException closedError() {
        return new HttpException(HttpException.Kind.CLOSED, HttpException.Phase.POOL, "connection pool for " + origin + " is closed");
    }

    private static void closeAll(List<Connection> connections) {
        for (Connection c : connections) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return "pool " + origin + " " + stats();
    }
}
