package dev.apitool.core.load.plan;

import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The open model's ramps, {@code --stages 10s:100/s,30s:1000/s,10s:0/s}, with k6's
 * ramping-arrival-rate meaning: each stage moves the rate linearly from the previous stage's end
 * rate (the first from 0/s) to its target over its duration; a {@code 0s} stage jumps, so
 * {@code 0s:500/s,30s:500/s} is a constant 500/s for 30 s.
 *
 * <p>Request {@code g} is due when the integral of the rate curve reaches {@code g}. Within a stage
 * of length {@code T} from rate {@code r0} to {@code r1} the integral is
 * {@code n(t) = r0 t + (r1 - r0) t² / 2T}, so {@code m = g - n(stage start)} is reached at the
 * root of {@code a t² + r0 t - m = 0} with {@code a = (r1 - r0) / 2T}, taken in the form
 * {@code t = 2m / (r0 + sqrt(r0² + 4am))}: it has no cancellation and no division by the slope,
 * so it stays exact as the slope goes to 0 (where it is {@code m / r0}) and at a start from 0/s
 * (where it is {@code sqrt(m / a)}). Every time is computed from {@code g}; nothing is accumulated.
 */
public final class Stages implements Schedule {

    /** More stages than this is surely a mistake (and a slow report). */
    static final int MAX_STAGES = 1000;

    private static final String EXPECTED = "expected DURATION:RATE, e.g. 30s:1000/s (stages separated by commas)";

    /**
     * One stage: ramp linearly to {@code target} over {@code duration}.
     *
     * @param duration zero (a jump) or more
     * @param target the rate at the stage's end, 0 or more
     */
    public record Stage(Duration duration, Rates.Rate target) {

        /** Returns the target in requests per second. */
        public double targetRps() {
            return target.amount() * 1_000_000.0 / target.periodMicros();
        }

        /** Returns the stage as {@link Stages#parse} reads it, e.g. {@code 30s:1000/s}. */
        @Override
        public String toString() {
            long micros = duration.toNanos() / 1000;
            return (micros == 0 ? "0s" : Durations.formatExact(micros)) + ":" + target;
        }
    }

    private final List<Stage> stages;
    private final long totalNanos;
    /** Per stage: its start in ns after the run's start, its length in ns, its start and end rate per second. */
    private final long[] startNanos;
    private final long[] lengthNanos;
    private final double[] fromRps;
    private final double[] toRps;
    /** {@code cumulative[i]}: the integral of the rate up to stage {@code i}'s start; the last entry is the whole run's. */
    private final double[] cumulative;
    private final long planned;

    /**
     * Returns the stages in {@code list}, in order.
     *
     * @throws IllegalArgumentException when there are none, more than {@link #MAX_STAGES}, or they last longer than a long in ns
     */
    public Stages(List<Stage> list) {
        if (list.isEmpty() || list.size() > MAX_STAGES) {
            throw new IllegalArgumentException("expected 1 to " + MAX_STAGES + " stages, not " + list.size());
        }
        this.stages = List.copyOf(list);
        int n = stages.size();
        startNanos = new long[n];
        lengthNanos = new long[n];
        fromRps = new double[n];
        toRps = new double[n];
        cumulative = new double[n + 1];
        long at = 0;
        double rate = 0;
        for (int i = 0; i < n; i++) {
            Stage s = stages.get(i);
            try {
                lengthNanos[i] = s.duration().toNanos();
                startNanos[i] = at;
                at = Math.addExact(at, lengthNanos[i]);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("stages too long: " + this.stages.stream().map(Stage::toString)
                        .collect(Collectors.joining(",")) + " (at most 292 years in all)");
            }
            fromRps[i] = rate;
            toRps[i] = s.targetRps();
            rate = toRps[i];
            cumulative[i + 1] = cumulative[i] + (fromRps[i] + toRps[i]) / 2 * (lengthNanos[i] / 1e9);
        }
        totalNanos = at;
        planned = ceil(cumulative[n]);
    }

    /**
     * Returns the stages {@code text} names: comma-separated {@code DURATION:RATE} parts, durations
     * as {@link Durations#parse} reads them (0s for a jump), rates as {@link Rates#parse} does.
     *
     * @throws IllegalArgumentException naming the bad part and what was expected
     */
    public static Stages parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("no stages given: " + EXPECTED);
        }
        String[] parts = s.split(",", -1);
        if (parts.length > MAX_STAGES) {
            throw new IllegalArgumentException(parts.length + " stages: at most " + MAX_STAGES);
        }
        List<Stage> list = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            String where = "stage " + (i + 1) + " '" + part + "'";
            int colon = part.indexOf(':');
            if (colon < 0 || part.indexOf(':', colon + 1) >= 0) {
                throw new IllegalArgumentException(where + ": " + EXPECTED);
            }
            Duration d;
            Rates.Rate r;
            try {
                d = Durations.parse(part.substring(0, colon));
                r = Rates.parse(part.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
            list.add(new Stage(d, r));
        }
        return new Stages(list);
    }

    /** Returns the stages in order. */
    public List<Stage> list() {
        return stages;
    }

    /** Returns how long the stages last in all. */
    public Duration total() {
        return Duration.ofNanos(totalNanos);
    }

    /** Returns the requests the whole schedule plans (the integral of its rate curve, rounded up). */
    public long planned() {
        return planned;
    }

    @Override
    public long offsetNanos(long g) {
        if (g >= planned) {
            return NEVER;
        }
        // the first stage whose end the integral passes g in; it has a positive length and integral
        int lo = 0;
        int hi = stages.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid + 1] > g) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        int i = lo;
        double m = Math.max(0, g - cumulative[i]);
        double seconds = lengthNanos[i] / 1e9;
        double a = (toRps[i] - fromRps[i]) / (2 * seconds);
        double b = fromRps[i];
        double denominator = b + Math.sqrt(Math.max(0, b * b + 4 * a * m));
        double t = denominator > 0 ? 2 * m / denominator : 0;
        return startNanos[i] + Math.min(lengthNanos[i], (long) (t * 1e9));
    }

    @Override
    public long requestsBefore(long nanos) {
        if (nanos >= totalNanos) {
            return planned;
        }
        int i = 0;
        while (i + 1 < stages.size() && startNanos[i + 1] <= nanos) {
            i++;
        }
        double seconds = lengthNanos[i] / 1e9;
        double t = (nanos - startNanos[i]) / 1e9;
        double slope = seconds == 0 ? 0 : (toRps[i] - fromRps[i]) / seconds;
        return Math.min(planned, ceil(cumulative[i] + fromRps[i] * t + slope * t * t / 2));
    }

    /** Returns {@code x} rounded up, a value a hair above a whole number (floating-point noise) rounded down to it. */
    private static long ceil(double x) {
        return x <= 0 ? 0 : (long) Math.ceil(x - 1e-9 - 1e-13 * x);
    }

    /** Returns the stages as {@link #parse} reads them: {@code 10s:100/s,30s:1000/s}. */
    @Override
    public String toString() {
        return stages.stream().map(Stage::toString).collect(Collectors.joining(","));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Stages other && stages.equals(other.stages);
    }

    @Override
    public int hashCode() {
        return stages.hashCode();
    }
}
