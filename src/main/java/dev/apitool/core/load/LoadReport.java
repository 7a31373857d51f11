package dev.apitool.core.load;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.redact.Redact;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured, merged from every loop's {@link Measurement} (histograms added, never
 * percentiles averaged). Warm-up requests are left out of every figure but {@link #sent} and
 * {@link #warmupRequests}. The text and JSON reporters both render this record.
 *
 * @param url the target
 * @param method the request method
 * @param model closed or open
 * @param transport {@code epoll} or {@code nio}
 * @param connections {@code -c}
 * @param threads event loops used
 * @param targetRps the open model's rate, 0 in the closed model
 * @param maxInFlight the open model's bound on requests in flight, 0 in the closed model
 * @param sent requests started, warm-up included (what {@code -n} counts)
 * @param requests measured requests that ended (response or error)
 * @param failed measured requests that failed: a transport error, or a status not counted as success
 * @param durationSec from the first measured request's intended start to the last one's end
 * @param rps measured requests per second over {@code durationSec}
 * @param latency latency of all measured requests from their intended start, µs
 * @param success the same, successes only
 * @param error the same, failures only
 * @param service uncorrected service time (from the actual send), µs
 * @param status responses by status code
 * @param errors failures by kind, every kind present (0 when none)
 * @param examples one message per kind that occurred
 * @param late open model: measured requests that waited for a free connection
 * @param dropped open model: requests due after the warm-up but never sent (waited longer than the timeout, or the run ended)
 * @param unfinished requests still in flight when the grace period ran out
 * @param warmup how the warm-up was chosen: {@code 1s}, {@code first 50 requests}, or {@code none}
 * @param warmupRequests requests that ended during the warm-up
 * @param stoppedBy what ended the run
 * @param sends what was sent: the targets file, its order, the per-request parts; null when not known
 * @param stages the open model's ramps, or null (a constant rate, or the closed model); {@code targetRps}
 *     is then the planned requests over the planned duration
 */
public record LoadReport(String url, String method, LoadModel model, String transport, int connections, int threads,
        double targetRps, int maxInFlight, long sent, long requests, long failed, double durationSec, double rps,
        Latency latency, Latency success, Latency error, Latency service, SortedMap<Integer, Long> status,
        Map<ErrorKind, Long> errors, Map<ErrorKind, String> examples, long bytesIn, long bytesOut, long late,
        long dropped, long unfinished, String warmup, long warmupRequests, StoppedBy stoppedBy,
        RequestPlan.Summary sends, Stages stages) {

    /**
     * A latency summary in µs; every figure is 0 when {@link #count} is.
     *
     * @param count recorded values
     */
    public record Latency(long count, long min, double mean, long p50, long p90, long p99, long p999, long max) {

        public static Latency of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return NO_LATENCY;
            }
            return new Latency(h.getTotalCount(), h.getMinValue(), h.getMean(), h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
        }
    }

    private static final Latency NO_LATENCY = new Latency(0, 0, 0, 0, 0, 0, 0, 0);

    /** Returns a builder with every count 0, every map empty and every text null. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns whether this run used the open model. */
    public boolean open() {
        return model == LoadModel.OPEN;
    }

    /** Returns the failed share of measured requests, 0 to 1 (0 when none ended). */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failed / requests;
    }

    /**
     * What a report says about how a run was set up, beside what it measured: the fields of
     * {@link LoadReport} of the same names. Build one with {@link LoadReport#builder()}'s setters and
     * {@link Builder#toSetup()}.
     */
    public record Setup(String url, String method, LoadModel model, String transport, int connections, int threads, double targetRps,
            int maxInFlight, String warmup, StoppedBy stoppedBy, RequestPlan.Summary sends, Stages stages) {}

    /**
     * Merges the loops' measurements into one report that also says what was sent.
     *
     * @param targetRps the open model's planned rate over the measured span ({@link LoadSpec#measuredTargetRps})
     */
    public static LoadReport merge(LoadSpec spec, String transport, int threads, List<Measurement> loops, String warmup,
            StoppedBy stoppedBy, RequestPlan.Summary sends, double targetRps) {
        return builder().url(Redact.url(spec.url())).method(spec.method()).model(spec.model()).transport(transport)
                .connections(spec.connections()).threads(threads).targetRps(targetRps).maxInFlight(spec.open() ? spec.maxInFlight() : 0)
                .warmup(warmup).stoppedBy(stoppedBy).sends(sends).stages(spec.stages()).measured(Measurement.sum(loops), -1).build();
    }

    /** Builds a {@link LoadReport} field by field, or from a {@link Setup} and a {@link Measurement}. */
    public static final class Builder {
        private String url;
        private String method;
        private LoadModel model;
        private String transport;
        private int connections;
        private int threads;
        private double targetRps;
        private int maxInFlight;
        private long sent;
        private long requests;
        private long failed;
        private double durationSec;
        private double rps;
        private Latency latency = NO_LATENCY;
        private Latency success = NO_LATENCY;
        private Latency error = NO_LATENCY;
        private Latency service = NO_LATENCY;
        private SortedMap<Integer, Long> status = Collections.emptySortedMap();
        private Map<ErrorKind, Long> errors = Map.of();
        private Map<ErrorKind, String> examples = Map.of();
        private long bytesIn;
        private long bytesOut;
        private long late;
        private long dropped;
        private long unfinished;
        private String warmup;
        private long warmupRequests;
        private StoppedBy stoppedBy;
        private RequestPlan.Summary sends;
        private Stages stages;

        private Builder() {}

        /** Sets the fields {@code setup} holds. */
        public Builder setup(Setup setup) {
            return url(setup.url()).method(setup.method()).model(setup.model()).transport(setup.transport())
                    .connections(setup.connections()).threads(setup.threads()).targetRps(setup.targetRps())
                    .maxInFlight(setup.maxInFlight()).warmup(setup.warmup()).stoppedBy(setup.stoppedBy()).sends(setup.sends())
                    .stages(setup.stages());
        }

        /** Returns the set-up fields given so far (url to stages), as a {@link Setup}. */
        public Setup toSetup() {
            return new Setup(url, method, model, transport, connections, threads, targetRps, maxInFlight, warmup, stoppedBy, sends,
                    stages);
        }

        /**
         * Sets every measured figure from {@code m}.
         *
         * @param durationSec the span the measured requests cover, in seconds; negative for {@code m}'s own span
         */
        public Builder measured(Measurement m, double durationSec) {
            long count = m.requests();
            double seconds = count == 0 ? 0 : durationSec >= 0 ? durationSec : m.spanSec();
            SortedMap<Integer, Long> byStatus = new TreeMap<>();
            for (int code = 0; code < 600; code++) {
                if (m.status(code) > 0) {
                    byStatus.put(code, m.status(code));
                }
            }
            Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
            Map<ErrorKind, String> firstMessages = new EnumMap<>(ErrorKind.class);
            for (ErrorKind k : ErrorKind.values()) {
                byKind.put(k, m.errors(k));
                if (m.example(k) != null) {
                    firstMessages.put(k, m.example(k));
                }
            }
            return sent(m.started()).requests(count).failed(m.failed()).durationSec(seconds).rps(seconds == 0 ? 0 : count / seconds)
                    .latency(Latency.of(m.all)).success(Latency.of(m.success)).error(Latency.of(m.error))
                    .service(Latency.of(m.service)).status(Collections.unmodifiableSortedMap(byStatus))
                    .errors(Collections.unmodifiableMap(byKind)).examples(Collections.unmodifiableMap(firstMessages))
                    .bytesIn(m.bytesIn()).bytesOut(m.bytesOut()).late(m.late()).dropped(m.dropped()).unfinished(m.unfinished())
                    .warmupRequests(m.warmupRequests());
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder method(String method) {
            this.method = method;
            return this;
        }

        public Builder model(LoadModel model) {
            this.model = model;
            return this;
        }

        public Builder transport(String transport) {
            this.transport = transport;
            return this;
        }

        public Builder connections(int connections) {
            this.connections = connections;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder targetRps(double targetRps) {
            this.targetRps = targetRps;
            return this;
        }

        public Builder maxInFlight(int maxInFlight) {
            this.maxInFlight = maxInFlight;
            return this;
        }

        public Builder sent(long sent) {
            this.sent = sent;
            return this;
        }

        public Builder requests(long requests) {
            this.requests = requests;
            return this;
        }

        public Builder failed(long failed) {
            this.failed = failed;
            return this;
        }

        public Builder durationSec(double durationSec) {
            this.durationSec = durationSec;
            return this;
        }

        public Builder rps(double rps) {
            this.rps = rps;
            return this;
        }

        public Builder latency(Latency latency) {
            this.latency = latency;
            return this;
        }

        public Builder success(Latency success) {
            this.success = success;
            return this;
        }

        public Builder error(Latency error) {
            this.error = error;
            return this;
        }

        public Builder service(Latency service) {
            this.service = service;
            return this;
        }

        public Builder status(SortedMap<Integer, Long> status) {
            this.status = status;
            return this;
        }

        public Builder errors(Map<ErrorKind, Long> errors) {
            this.errors = errors;
            return this;
        }

        public Builder examples(Map<ErrorKind, String> examples) {
            this.examples = examples;
            return this;
        }

        public Builder bytesIn(long bytesIn) {
            this.bytesIn = bytesIn;
            return this;
        }

        public Builder bytesOut(long bytesOut) {
            this.bytesOut = bytesOut;
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

        public Builder warmup(String warmup) {
            this.warmup = warmup;
            return this;
        }

        public Builder warmupRequests(long warmupRequests) {
            this.warmupRequests = warmupRequests;
            return this;
        }

        public Builder stoppedBy(StoppedBy stoppedBy) {
            this.stoppedBy = stoppedBy;
            return this;
        }

        public Builder sends(RequestPlan.Summary sends) {
            this.sends = sends;
            return this;
        }

        public Builder stages(Stages stages) {
            this.stages = stages;
            return this;
        }

        public LoadReport build() {
            return new LoadReport(url, method, model, transport, connections, threads, targetRps, maxInFlight, sent,
                    requests, failed, durationSec, rps, latency, success, error, service, status, errors, examples,
                    bytesIn, bytesOut, late, dropped, unfinished, warmup, warmupRequests, stoppedBy, sends, stages);
        }
    }
}
