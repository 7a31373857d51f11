package dev.apitool.core.load;

import dev.apitool.core.http.ErrorKind;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one part of a load run measured, as an immutable value: one event loop's share when it
 * finished, or one run read back from its {@code --hdr-log}. The engine keeps its own mutable
 * accumulator per loop and hands out a {@code Measurement} only when the loop has ended; reports and
 * log merges read these and {@link #sum} them into new ones, never changing one. Latency in µs, 1 µs
 * to 60 s at three significant digits ({@link #histogram()}); histograms are copied in and out.
 * Warm-up requests are left out of every figure but {@link #started()} and {@link #warmupRequests()}.
 */
public final class Measurement {

    /** The largest latency recorded, in µs (longer ones are clamped to it). */
    public static final long MAX_US = 60_000_000L;

    // package-private and never written after construction: LoadReport reads them without copying
    final Histogram all;
    final Histogram success;
    final Histogram error;
    final Histogram service;
    private final long[] status;
    private final long[] errors;
    private final String[] examples;
    private final long started;
    private final long warmupRequests;
    private final long failed;
    private final long bytesIn;
    private final long bytesOut;
    private final long late;
    private final long dropped;
    private final long unfinished;
    private final long firstMeasuredNanos;
    private final long lastMeasuredNanos;

    private Measurement(Builder b) {
        all = b.all.copy();
        success = b.success.copy();
        error = b.error.copy();
        service = b.service.copy();
        status = b.status.clone();
        errors = b.errors.clone();
        examples = b.examples.clone();
        started = b.started;
        warmupRequests = b.warmupRequests;
        failed = b.failed;
        bytesIn = b.bytesIn;
        bytesOut = b.bytesOut;
        late = b.late;
        dropped = b.dropped;
        unfinished = b.unfinished;
        firstMeasuredNanos = b.firstMeasuredNanos;
        lastMeasuredNanos = b.lastMeasuredNanos;
    }

    /** Returns an empty latency histogram of the range and precision every measurement uses. */
    public static Histogram histogram() {
        return new Histogram(MAX_US, 3);
    }

    /** Returns a builder of an empty measurement (no span: {@link #firstMeasuredNanos()} is {@link Long#MAX_VALUE}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns measured requests that ended (response or error). */
    public long requests() {
        return all.getTotalCount();
    }

    /** Returns a copy of the latency of every measured request from its intended start, µs. */
    public Histogram all() {
        return all.copy();
    }

    /** Returns a copy of the latency of the successes. */
    public Histogram success() {
        return success.copy();
    }

    /** Returns a copy of the latency of the failures. */
    public Histogram error() {
        return error.copy();
    }

    /** Returns a copy of the uncorrected service times (from the actual send), µs. */
    public Histogram service() {
        return service.copy();
    }

    /** Returns the responses with status {@code code} (0 to 599; 0 for a status past 599), 0 for any other code. */
    public long status(int code) {
        return code >= 0 && code < status.length ? status[code] : 0;
    }

    /** Returns the failures of {@code kind}, whether or not a request was in flight. */
    public long errors(ErrorKind kind) {
        return errors[kind.ordinal()];
    }

    /** Returns the first message of {@code kind}, or null when none occurred. */
    public String example(ErrorKind kind) {
        return examples[kind.ordinal()];
    }

    /** Returns requests started, warm-up included: what counts toward {@code -n}. */
    public long started() {
        return started;
    }

    /** Returns warm-up requests that ended. */
    public long warmupRequests() {
        return warmupRequests;
    }

    /** Returns measured requests that failed: a transport error or a status not counted as success. */
    public long failed() {
        return failed;
    }

    public long bytesIn() {
        return bytesIn;
    }

    public long bytesOut() {
        return bytesOut;
    }

    /** Returns open-model measured requests that could not start at their intended time. */
    public long late() {
        return late;
    }

    /** Returns open-model measured requests never sent. */
    public long dropped() {
        return dropped;
    }

    /** Returns requests still in flight when the grace period ran out. */
    public long unfinished() {
        return unfinished;
    }

    /** Returns the earliest intended start of a measured request (ns), {@link Long#MAX_VALUE} when none. */
    public long firstMeasuredNanos() {
        return firstMeasuredNanos;
    }

    /** Returns the latest end of a measured request (ns), {@link Long#MIN_VALUE} when none. */
    public long lastMeasuredNanos() {
        return lastMeasuredNanos;
    }

    /** Returns the measured span in seconds: first intended start to last end, 0 when it is empty. */
    public double spanSec() {
        return lastMeasuredNanos <= firstMeasuredNanos ? 0 : (lastMeasuredNanos - firstMeasuredNanos) / 1e9;
    }

    /**
     * Returns this measurement with its span moved by {@code nanos} (onto another run's time line);
     * one without measured requests gets no span.
     */
    public Measurement shifted(long nanos) {
        Builder b = toBuilder();
        if (requests() > 0) {
            b.span(firstMeasuredNanos + nanos, lastMeasuredNanos + nanos);
        } else {
            b.span(Long.MAX_VALUE, Long.MIN_VALUE);
        }
        return b.build();
    }

    /**
     * Returns the sum of {@code parts}: histograms added (never percentiles averaged), counts summed,
     * the first message of each kind kept, the span from the earliest start to the latest end.
     */
    public static Measurement sum(List<Measurement> parts) {
        Builder b = builder();
        for (Measurement m : parts) {
            b.add(m);
        }
        return b.build();
    }

    private Builder toBuilder() {
        return builder().add(this);
    }

    /** Builds a {@link Measurement}; what it is given is copied, so it may be reused or changed afterwards. */
    public static final class Builder {
        private final Histogram all = histogram();
        private final Histogram success = histogram();
        private final Histogram error = histogram();
        private final Histogram service = histogram();
        private final long[] status = new long[600];
        private final long[] errors = new long[ErrorKind.values().length];
        private final String[] examples = new String[ErrorKind.values().length];
        private long started;
        private long warmupRequests;
        private long failed;
        private long bytesIn;
        private long bytesOut;
        private long late;
        private long dropped;
        private long unfinished;
        private long firstMeasuredNanos = Long.MAX_VALUE;
        private long lastMeasuredNanos = Long.MIN_VALUE;

        private Builder() {}

        /** Adds latency histograms (µs): of all measured requests, the successes, the failures, the service times. */
        public Builder latency(Histogram all, Histogram success, Histogram error, Histogram service) {
            this.all.add(all);
            this.success.add(success);
            this.error.add(error);
            this.service.add(service);
            return this;
        }

        /** Adds {@code count} responses with status {@code code}, 0 to 599. */
        public Builder status(int code, long count) {
            status[code] += count;
            return this;
        }

        /** Adds {@code count} failures of {@code kind}; {@code example} (may be null) is kept when it is the first of its kind. */
        public Builder errors(ErrorKind kind, long count, String example) {
            errors[kind.ordinal()] += count;
            if (examples[kind.ordinal()] == null) {
                examples[kind.ordinal()] = example;
            }
            return this;
        }

        public Builder started(long started) {
            this.started = started;
            return this;
        }

        public Builder warmupRequests(long warmupRequests) {
            this.warmupRequests = warmupRequests;
            return this;
        }

        public Builder failed(long failed) {
            this.failed = failed;
            return this;
        }

        public Builder bytes(long in, long out) {
            this.bytesIn = in;
            this.bytesOut = out;
            return this;
        }

        public Builder late(long late) {
            this.late = late;
            return this;
        }

        public Builder dropped(long dropped) {
            this.dropped = dropped;
            return this;
        }

        public Builder unfinished(long unfinished) {
            this.unfinished = unfinished;
            return this;
        }

        /** Sets the measured span: the earliest intended start and the latest end, ns. */
        public Builder span(long firstMeasuredNanos, long lastMeasuredNanos) {
            this.firstMeasuredNanos = firstMeasuredNanos;
            this.lastMeasuredNanos = lastMeasuredNanos;
            return this;
        }

        /** Adds every figure of {@code m}, widening the span to cover its. */
        Builder add(Measurement m) {
            latency(m.all, m.success, m.error, m.service);
            for (int i = 0; i < status.length; i++) {
                status[i] += m.status[i];
            }
            for (ErrorKind k : ErrorKind.values()) {
                errors(k, m.errors[k.ordinal()], m.examples[k.ordinal()]);
            }
            started += m.started;
            warmupRequests += m.warmupRequests;
            failed += m.failed;
            bytesIn += m.bytesIn;
            bytesOut += m.bytesOut;
            late += m.late;
            dropped += m.dropped;
            unfinished += m.unfinished;
            firstMeasuredNanos = Math.min(firstMeasuredNanos, m.firstMeasuredNanos);
            lastMeasuredNanos = Math.max(lastMeasuredNanos, m.lastMeasuredNanos);
            return this;
        }

        public Measurement build() {
            return new Measurement(this);
        }
    }
}
