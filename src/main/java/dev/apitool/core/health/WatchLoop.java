package dev.apitool.core.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs health checks again and again at a fixed rate ({@code --watch --interval 10s}), passing
 * every run through {@link Thresholds} to a listener, until {@code count} runs are done or the
 * thread is interrupted (Ctrl-C). Time comes from a nanosecond clock and a sleeper, so tests drive
 * any number of runs with a fake clock and never sleep. A run that takes longer than the interval
 * delays the next one to the next slot; runs never overlap.
 */
public final class WatchLoop {

    /** Waits until the clock reaches a deadline. */
    @FunctionalInterface
    public interface Sleeper {
        /** Returns once the clock reads {@code deadlineNanos} or later. */
        void sleepUntil(long deadlineNanos) throws InterruptedException;

        /** Returns a sleeper on {@link System#nanoTime}. */
        static Sleeper system() {
            return deadline -> {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
            };
        }
    }

    /** One run of every check. */
    @FunctionalInterface
    public interface Run {
        HealthReport run() throws InterruptedException;
    }

    /** Hears about each run, as shown (thresholds applied). */
    @FunctionalInterface
    public interface Listener {
        /** Called after run {@code n} (1-based). */
        void onRun(int n, HealthReport shown);
    }

    private final long intervalNanos;
    private final long count;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    /**
     * @param interval the time from the start of one run to the start of the next; positive
     * @param count runs to do before returning, or 0 for no limit
     */
    public WatchLoop(Duration interval, long count, LongSupplier nanoClock, Sleeper sleeper) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        this.intervalNanos = interval.toNanos();
        this.count = count;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Runs until done or interrupted and returns the last report shown, or null when interrupted
     * before the first run completed. The thread's interrupt flag is set again when interrupted.
     */
    public HealthReport watch(Run run, Thresholds thresholds, Listener listener) {
        HealthReport last = null;
        long start = nanoClock.getAsLong();
        try {
            for (int n = 1; count == 0 || n <= count; n++) {
                last = thresholds.apply(run.run());
                listener.onRun(n, last);
                if (count != 0 && n == count) {
                    break;
                }
                long now = nanoClock.getAsLong();
                long slots = Math.max(n, (now - start) / intervalNanos + 1);
                sleeper.sleepUntil(start + slots * intervalNanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return last;
    }
}
