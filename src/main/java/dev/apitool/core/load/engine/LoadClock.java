package dev.apitool.core.load.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where a run reads the time and sets its timers: every {@code now} of the engine (the schedule,
 * latency, timeouts, the grace period, the interval boundaries) comes from {@link #nanoTime()}, and
 * every timer (the open model's next fire, the deadline's stop, the tick, the interval roll, the
 * closed model's connect retry) goes through it. A run uses {@link #SYSTEM}: {@link System#nanoTime()}
 * and the event loop's own timers. A test can pass a clock whose time it moves itself, so the
 * order of the schedule's timers and the deadline (a timer that fires late on a busy machine) is
 * the test's to set. One-shot timers return nothing, so setting one allocates no more than the
 * event loop does.
 */
interface LoadClock {

    /** The system clock and {@code loop}'s timers. */
    LoadClock SYSTEM = new LoadClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void schedule(EventLoop loop, Runnable task, long delayNanos) {
            loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public Timer scheduleAtFixedRate(EventLoop loop, Runnable task, long initialDelayNanos, long periodNanos) {
            ScheduledFuture<?> f = loop.scheduleAtFixedRate(task, initialDelayNanos, periodNanos, TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        }
    };

    /** A repeating timer. */
    interface Timer {
        /** Stops it: it runs no more. */
        void cancel();
    }

    /** Returns the time in nanoseconds, from an arbitrary origin, as {@link System#nanoTime()}. */
    long nanoTime();

    /** Runs {@code task} on {@code loop}'s thread once, {@code delayNanos} from now. */
    void schedule(EventLoop loop, Runnable task, long delayNanos);

    /** Runs {@code task} on {@code loop}'s thread every {@code periodNanos}, the first time {@code initialDelayNanos} from now. */
    Timer scheduleAtFixedRate(EventLoop loop, Runnable task, long initialDelayNanos, long periodNanos);
}
