package dev.apitool.core.load.plan;

/**
 * The open model's plan: when each request of the global sequence is due, as an offset from the
 * run's start. Request {@code g}'s time is computed from {@code g} alone, never accumulated from
 * the previous one, so rounding cannot drift and every event loop can evaluate its own share of
 * the sequence without talking to the others. Offsets never decrease with {@code g}.
 * Implementations are immutable and safe to share between loops.
 */
public interface Schedule {

    /** Returned by {@link #offsetNanos} for a request the schedule does not plan. */
    long NEVER = Long.MAX_VALUE;

    /** Returns request {@code g}'s intended start in ns after the run's start ({@code g >= 0}), or {@link #NEVER}. */
    long offsetNanos(long g);

    /** Returns how many requests are due before {@code nanos} after the start ({@code nanos >= 0}). */
    long requestsBefore(long nanos);

    /** Returns the constant-rate schedule: request {@code g} at {@code g / rps} seconds. */
    static Schedule constant(double rps) {
        return new Constant(1e9 / rps);
    }

    /** {@code t0 + g / rate}: the schedule of {@code --rate}. */
    record Constant(double nanosPerRequest) implements Schedule {

        @Override
        public long offsetNanos(long g) {
            return (long) ((double) g * nanosPerRequest);
        }

        @Override
        public long requestsBefore(long nanos) {
            // the g with (long) (g * nanosPerRequest) < nanos
            long n = (long) Math.ceil(nanos / nanosPerRequest);
            while (n > 0 && offsetNanos(n - 1) >= nanos) {
                n--;
            }
            while (offsetNanos(n) < nanos) {
                n++;
            }
            return n;
        }
    }
}
