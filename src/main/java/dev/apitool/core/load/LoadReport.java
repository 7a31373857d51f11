package dev.apitool.core.load;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.engine.LoopStats;
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
 * What a load run measured, merged from every loop's {@link LoopStats} (histograms added, never
 * percentiles averaged). Warm-up requests are left out of every figure but {@link #sent} and
 * {@link #warmupRequests}. The text and JSON reporters both render this record.
 *
 * @param url the target
 * @param method the request method
 * @param model {@code closed} or {@code open}
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
 * @param stoppedBy {@code duration}, {@code requests} or {@code interrupt}
 * @param sends what was sent: the targets file, its order, the per-request parts; null when not known
 * @param stages the open model's ramps, or null (a constant rate, or the closed model); {@code targetRps}
 *     is then the planned requests over the planned duration
 */
public record LoadReport(String url, String method, String model, String transport, int connections, int threads,
        double targetRps, int maxInFlight, long sent, long requests, long failed, double durationSec, double rps,
        Latency latency, Latency success, Latency error, Latency service, SortedMap<Integer, Long> status,
        Map<ErrorKind, Long> errors, Map<ErrorKind, String> examples, long bytesIn, long bytesOut, long late,
        long dropped, long unfinished, String warmup, long warmupRequests, String stoppedBy, RequestPlan.Summary sends,
        Stages stages) {

    /**
     * A latency summary in µs; every figure is 0 when {@link #count} is.
     *
     * @param count recorded values
     */
    public record Latency(long count, long min, double mean, long p50, long p90, long p99, long p999, long max) {

        public static Latency of(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new Latency(0, 0, 0, 0, 0, 0, 0, 0);
            }
            return new Latency(h.getTotalCount(), h.getMinValue(), h.getMean(), h.getValueAtPercentile(50),
                    h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue());
        }
    }

    /** Returns whether this run used the open model. */
    public boolean open() {
        return model.equals("open");
    }

    /** Returns the failed share of measured requests, 0 to 1 (0 when none ended). */
    public double errorRate() {
        return requests == 0 ? 0 : (double) failed / requests;
    }

    /**
     * What a report says about how a run was set up, beside what it measured: the fields of
     * {@link LoadReport} of the same names.
     */
    public record Setup(String url, String method, String model, String transport, int connections, int threads, double targetRps,
            int maxInFlight, String warmup, String stoppedBy, RequestPlan.Summary sends, Stages stages) {}

    /**
     * Merges the loops' statistics into one report that also says what was sent.
     *
     * @param targetRps the open model's planned rate over the measured span ({@link LoadSpec#measuredTargetRps})
     */
    public static LoadReport merge(LoadSpec spec, String transport, int threads, List<LoopStats> loops, String warmup,
            String stoppedBy, RequestPlan.Summary sends, double targetRps) {
        return merge(new Setup(Redact.url(spec.url()), spec.method(), spec.model(), transport, spec.connections(), threads,
                targetRps, spec.open() ? spec.maxInFlight() : 0, warmup, stoppedBy, sends, spec.stages()), loops, -1);
    }

    /**
     * Merges statistics (of a run's loops, or of several runs' logs) into one report.
     *
     * @param durationSec the span the measured requests cover, in seconds; negative for the first
     *     one's intended start to the last one's end over all of {@code loops}
     */
    public static LoadReport merge(Setup setup, List<LoopStats> loops, double durationSec) {
        Histogram all = new Histogram(LoopStats.MAX_US, 3);
        Histogram ok = new Histogram(LoopStats.MAX_US, 3);
        Histogram bad = new Histogram(LoopStats.MAX_US, 3);
        Histogram service = new Histogram(LoopStats.MAX_US, 3);
        long[] status = new long[600];
        long[] errors = new long[ErrorKind.values().length];
        String[] examples = new String[errors.length];
        long sent = 0, failed = 0, bytesIn = 0, bytesOut = 0, late = 0, dropped = 0, unfinished = 0, warm = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (LoopStats s : loops) {
            all.add(s.all);
            ok.add(s.success);
            bad.add(s.error);
            service.add(s.service);
            for (int i = 0; i < status.length; i++) {
                status[i] += s.status[i];
            }
            for (int i = 0; i < errors.length; i++) {
                errors[i] += s.errors[i];
                if (examples[i] == null) {
                    examples[i] = s.examples[i];
                }
            }
            sent += s.started;
            failed += s.failed;
            bytesIn += s.bytesIn;
            bytesOut += s.bytesOut;
            late += s.late;
            dropped += s.dropped;
            unfinished += s.unfinished;
            warm += s.warmupRequests;
            first = Math.min(first, s.firstMeasuredNanos);
            last = Math.max(last, s.lastMeasuredNanos);
        }
        long requests = all.getTotalCount();
        double seconds = requests == 0 ? 0 : durationSec >= 0 ? durationSec : last <= first ? 0 : (last - first) / 1e9;
        SortedMap<Integer, Long> byStatus = new TreeMap<>();
        for (int i = 0; i < status.length; i++) {
            if (status[i] > 0) {
                byStatus.put(i, status[i]);
            }
        }
        Map<ErrorKind, Long> byKind = new EnumMap<>(ErrorKind.class);
        Map<ErrorKind, String> firstMessages = new EnumMap<>(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            byKind.put(k, errors[k.ordinal()]);
            if (examples[k.ordinal()] != null) {
                firstMessages.put(k, examples[k.ordinal()]);
            }
        }
        return new LoadReport(setup.url(), setup.method(), setup.model(), setup.transport(), setup.connections(), setup.threads(),
                setup.targetRps(), setup.maxInFlight(), sent, requests, failed, seconds,
                seconds == 0 ? 0 : requests / seconds, Latency.of(all), Latency.of(ok), Latency.of(bad), Latency.of(service),
                Collections.unmodifiableSortedMap(byStatus), Collections.unmodifiableMap(byKind),
                Collections.unmodifiableMap(firstMessages), bytesIn, bytesOut, late, dropped, unfinished, setup.warmup(), warm,
                setup.stoppedBy(), setup.sends(), setup.stages());
    }
}
