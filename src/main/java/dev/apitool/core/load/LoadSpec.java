package dev.apitool.core.load;

import dev.apitool.core.http.ConnectOptions;
import dev.apitool.core.http.Headers;
import dev.apitool.core.load.plan.Schedule;
import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Rates;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * What one load run does: the request, the model, and when to stop.
 *
 * @param url the target, {@code http(s)://host[:port]/path[?query]} (HTTP/1.1; HTTP/2 is not yet supported)
 * @param method the request method, e.g. {@code GET}
 * @param headers extra request headers; {@code Host}, {@code User-Agent}, {@code Accept} given here replace the defaults
 * @param body the request body, empty for none (sent with {@code Content-Length})
 * @param connections closed model: the connections, each with one request in flight; open model: the
 *     connections opened before the first request; 1 or more
 * @param rate the open model's global rate (never per connection), or null for the closed model
 * @param maxInFlight open model: at most this many requests in flight (and connections) over all loops; 1 or more
 * @param requests stop after this many requests in total (warm-up included), 0 for no count limit
 * @param duration stop after this long (warm-up included), or null for no time limit; one of the two limits is required
 * @param threads event loops, 1 or more (more than there are connections is pointless and is reduced)
 * @param timeout a request without a complete response after this long fails as a timeout; positive
 * @param warmup null for the default (the first min(1s, 10%) of the duration, or the first 5% of the
 *     requests when only a count is given), zero for none, else this long from the start
 * @param okStatus the statuses counted as successes
 * @param connect how to reach the target: TLS verification and {@code --resolve} overrides (null for the defaults)
 * @param stages the open model's ramps instead of a constant {@code rate} (not both), or null; the
 *     duration defaults to theirs and may only shorten it
 * @param maxDuration the longest a run without a {@code duration} (a {@code -n} run) may last, as k6's
 *     {@code maxDuration}: a server that never answers cannot stretch it to {@code -n × timeout};
 *     null for {@link #DEFAULT_MAX_DURATION}
 */
public record LoadSpec(URI url, String method, Headers headers, byte[] body, int connections, Rates.Rate rate,
        int maxInFlight, long requests, Duration duration, int threads, Duration timeout, Duration warmup,
        StatusSet okStatus, ConnectOptions connect, Stages stages, Duration maxDuration) {

    /** The longest a {@code -n} run lasts unless told otherwise: 10 minutes, as k6's {@code maxDuration}. */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

    public LoadSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? new byte[0] : body;
        okStatus = okStatus == null ? StatusSet.BELOW_400 : okStatus;
        connect = connect == null ? ConnectOptions.DEFAULT : connect;
        if (stages != null) {
            if (rate != null) {
                throw new IllegalArgumentException("a constant rate and stages exclude each other: give one");
            }
            if (duration == null) {
                duration = stages.total();
            } else if (duration.compareTo(stages.total()) > 0) {
                throw new IllegalArgumentException("the duration (" + Durations.format(duration)
                        + ") may only shorten the stages, which last " + Durations.format(stages.total()));
            }
            if (stages.requestsBefore(duration.toNanos()) == 0) {
                throw new IllegalArgumentException("the stages plan no requests: give a stage a rate above 0/s");
            }
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be 1 or more: " + connections);
        }
        if (rate != null && rate.amount() <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + rate);
        }
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("max in flight must be 1 or more: " + maxInFlight);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative: " + requests);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be positive: " + duration);
        }
        if (duration == null && requests == 0) {
            throw new IllegalArgumentException("a run needs a duration or a request count");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be 1 or more: " + threads);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (warmup != null && warmup.isNegative()) {
            throw new IllegalArgumentException("warm-up must not be negative: " + warmup);
        }
        maxDuration = maxDuration == null ? DEFAULT_MAX_DURATION : maxDuration;
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("max duration must be positive: " + maxDuration);
        }
    }

    /** Returns a builder for a run against {@code url}: GET, 10 connections, 1 thread, a 10 s timeout, no limit yet. */
    public static Builder builder(URI url) {
        return new Builder(url);
    }

    /** Returns how long the run may last at most: its duration, or {@link #maxDuration} for a {@code -n} run. */
    public Duration stopAfter() {
        return duration != null ? duration : maxDuration;
    }

    /** Returns whether the URL is https (HTTP/1.1 over TLS). */
    public boolean https() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    /** Returns the URL's port, or the scheme's default: 443 for https, 80 for http. */
    public int port() {
        return url.getPort() > 0 ? url.getPort() : https() ? 443 : 80;
    }

    /** Returns whether this is the open model (a rate), rather than the closed one. */
    public boolean open() {
        return rate != null || stages != null;
    }

    /** Returns the model: open (a rate or stages) or closed. */
    public LoadModel model() {
        return open() ? LoadModel.OPEN : LoadModel.CLOSED;
    }

    /** Returns the requests per second the open model aims at (with stages: planned requests / duration), 0 in the closed model. */
    public double targetRps() {
        if (stages != null) {
            return stages.requestsBefore(duration.toNanos()) / (duration.toNanos() / 1e9);
        }
        return rate == null ? 0 : rate.amount() * 1_000_000.0 / rate.periodMicros();
    }

    /**
     * Returns the rate the open model plans over the span its measured requests cover: past a
     * warm-up of {@code warmupNanos} (or of the first {@code warmupCount} requests) to the last
     * planned request. The achieved rate is measured over that span, so this is the figure to set
     * beside it. At a constant rate it is {@link #targetRps()}; with stages it is not their average
     * over the whole plan (a ramp or an idle stage inside the warm-up would otherwise make a run
     * that kept its schedule look faster than planned).
     */
    public double measuredTargetRps(long warmupNanos, long warmupCount) {
        if (stages == null) {
            return targetRps();
        }
        long end = stages.requestsBefore(duration.toNanos());
        if (requests > 0) {
            end = Math.min(end, requests);
        }
        long first = Math.max(warmupCount, stages.requestsBefore(warmupNanos));
        long last = end - 1;
        double span = last > first ? (stages.offsetNanos(last) - stages.offsetNanos(first)) / 1e9 : 0;
        return span > 0 ? (last - first) / span : targetRps();
    }

    /** Returns the open model's schedule: the stages, or the constant rate; null in the closed model. */
    public Schedule schedule() {
        return stages != null ? stages : rate != null ? Schedule.constant(targetRps()) : null;
    }

    /** Returns the event loops the run uses: no more than the connections (or in-flight requests) can keep busy. */
    public int effectiveThreads() {
        return Math.max(1, Math.min(threads, open() ? maxInFlight : connections));
    }

    /** Returns the time given to requests still in flight when the run stops: {@code min(timeout, 3s)}. */
    public Duration grace() {
        Duration cap = Duration.ofSeconds(3);
        return timeout.compareTo(cap) < 0 ? timeout : cap;
    }

    /** Returns the file descriptors the run may hold at once: its connections, or its in-flight bound in the open model. */
    public int socketsNeeded() {
        return open() ? Math.max(connections, maxInFlight) : connections;
    }

    /** Builds a {@link LoadSpec}, named field by named field; unset fields take the record's defaults. */
    public static final class Builder {
        private final URI url;
        private String method = "GET";
        private Headers headers;
        private byte[] body;
        private int connections = 10;
        private Rates.Rate rate;
        private int maxInFlight = 256;
        private long requests;
        private Duration duration;
        private int threads = 1;
        private Duration timeout = Duration.ofSeconds(10);
        private Duration warmup;
        private StatusSet okStatus;
        private ConnectOptions connect;
        private Stages stages;
        private Duration maxDuration;

        private Builder(URI url) {
            this.url = url;
        }

        public Builder method(String m) {
            method = m;
            return this;
        }

        public Builder headers(Headers h) {
            headers = h;
            return this;
        }

        public Builder body(byte[] b) {
            body = b;
            return this;
        }

        public Builder connections(int n) {
            connections = n;
            return this;
        }

        public Builder rate(Rates.Rate r) {
            rate = r;
            return this;
        }

        public Builder maxInFlight(int n) {
            maxInFlight = n;
            return this;
        }

        public Builder requests(long n) {
            requests = n;
            return this;
        }

        public Builder duration(Duration d) {
            duration = d;
            return this;
        }

        public Builder threads(int n) {
            threads = n;
            return this;
        }

        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        public Builder warmup(Duration d) {
            warmup = d;
            return this;
        }

        public Builder okStatus(StatusSet s) {
            okStatus = s;
            return this;
        }

        public Builder connect(ConnectOptions c) {
            connect = c;
            return this;
        }

        public Builder stages(Stages s) {
            stages = s;
            return this;
        }

        public Builder maxDuration(Duration d) {
            maxDuration = d;
            return this;
        }

        public LoadSpec build() {
            return new LoadSpec(url, method, headers, body, connections, rate, maxInFlight, requests, duration, threads,
                    timeout, warmup, okStatus, connect, stages, maxDuration);
        }
    }
}
