package dev.apitool.core.load.engine;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * A {@link LoadClock} whose time moves only when the test moves it: {@link #advanceTo} runs the
 * timers due by then in time order, each on its own event loop, with the time set to the timer's.
 * {@link #lag} makes the one-shot timers set from then on fire that much late (a busy machine).
 * Sockets stay real: what the loops do between two moves (answers arriving, connections coming up)
 * happens at the time the clock stands at.
 */
final class VirtualClock implements LoadClock {

    /** Where virtual time starts: far from 0, like {@link System#nanoTime()}, so no computation relies on 0. */
    static final long START = 1_000_000_000_000L;

    private static final class Entry implements Timer {
        /** When it runs next (a repeating timer's moves on by its period each time; it is out of the queue then). */
        long at;
        long seq;
        final EventLoop loop;
        final Runnable task;
        final long period;
        volatile boolean cancelled;

        Entry(long at, long seq, EventLoop loop, Runnable task, long period) {
            this.at = at;
            this.seq = seq;
            this.loop = loop;
            this.task = task;
            this.period = period;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private volatile long now = START;
    private long seq;
    private long lagNanos;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public synchronized void schedule(EventLoop loop, Runnable task, long delayNanos) {
        queue.add(new Entry(now + delayNanos + lagNanos, seq++, loop, task, 0));
    }

    @Override
    public synchronized Timer scheduleAtFixedRate(EventLoop loop, Runnable task, long initialDelayNanos, long periodNanos) {
        Entry e = new Entry(now + initialDelayNanos, seq++, loop, task, periodNanos);
        queue.add(e);
        return e;
    }

    /** One-shot timers set from now on fire {@code lag} after their time (timers already set keep theirs). */
    synchronized void lag(Duration lag) {
        lagNanos = lag.toNanos();
    }

    /** Returns {@code sinceStart} past {@link #START}. */
    static long at(Duration sinceStart) {
        return START + sinceStart.toNanos();
    }

    /**
     * Moves the time to {@code to}, running every timer due by then in time order: on the calling
     * thread when it is the timer's loop, else on its loop, waited for.
     */
    void advanceTo(long to) throws Exception {
        while (true) {
            Entry e;
            synchronized (this) {
                e = queue.peek();
                if (e == null || e.at > to) {
                    break;
                }
                queue.poll();
                now = Math.max(now, e.at);
            }
            if (e.cancelled || e.loop.isShuttingDown()) {
                continue; // cancelled, or its run has ended and its event loop is going away
            }
            if (e.loop.inEventLoop()) {
                e.task.run();
            } else {
                e.loop.submit(e.task).get(30, TimeUnit.SECONDS);
            }
            if (e.period > 0 && !e.cancelled) {
                synchronized (this) {
                    e.at += e.period; // the same entry, so that cancelling the handle the loop holds stops it
                    e.seq = seq++;
                    queue.add(e);
                }
            }
        }
        now = Math.max(now, to);
    }

    /**
     * Moves the time to {@code to} in one task on {@code loop}: nothing else runs on that loop
     * meanwhile (no answer is read), as on a loop busy with its timers.
     */
    void advanceOn(EventLoop loop, long to) throws Exception {
        on(loop, () -> {
            advanceTo(to);
            return null;
        });
    }

    /** Returns what {@code call} returns, run on {@code loop}'s thread (where the loop's state may be read). */
    static <T> T on(EventLoop loop, Callable<T> call) throws InterruptedException, ExecutionException, TimeoutException {
        return loop.submit(call).get(30, TimeUnit.SECONDS);
    }

    /**
     * Waits until {@code condition} holds (an event on real sockets, such as every answer read; not a
     * span of time): checked every millisecond, failing after 30 s.
     */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("still waiting after 30 s for: " + what);
            }
            Thread.sleep(1);
        }
    }
}
