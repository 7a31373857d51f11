package dev.apitool.core.load.report;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Sizes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints a {@link LoadReport} for people: aligned, units in every figure, the model named. */
public final class TextReporter {

    private final PrintWriter out;
    private final boolean serviceTime;

    /** Prints to {@code out}; the uncorrected service time too when {@code serviceTime}. */
    public TextReporter(PrintWriter out, boolean serviceTime) {
        this.out = out;
        this.serviceTime = serviceTime;
    }

    public void print(LoadReport r, List<Threshold> thresholds) {
        out.printf(Locale.US, "%s %s: %s model, %d connection%s%s, %d event loop%s (%s), HTTP/1.1%n", Redact.shown(r.method()), Redact.shown(r.url()),
                r.model(), r.connections(), r.connections() == 1 ? "" : "s",
                r.open() ? " (up to " + r.maxInFlight() + " in flight)" : "", r.threads(), r.threads() == 1 ? "" : "s",
                r.transport());
        if (r.sends() != null) {
            sends(r.sends());
        }
        out.printf(Locale.US, "Warm-up: %s%s%n", r.warmup(),
                r.warmup().equals("none") ? "" : " (" + count(r.warmupRequests()) + " requests, not counted below)");
        out.println();
        out.printf(Locale.US, "  Requests   %s in %.2fs = %s/s%s%n", count(r.requests()), r.durationSec(),
                String.format(Locale.US, "%,.1f", r.rps()),
                r.open() ? String.format(Locale.US, " (target %,.1f/s, late %s, dropped %s)", r.targetRps(),
                        count(r.late()), count(r.dropped())) : "");
        if (r.stages() != null) {
            out.printf(Locale.US, "  Stages     %s (from 0/s; target above = planned requests / duration)%n",
                    r.stages().toString().replace(",", ", "));
        }
        out.printf(Locale.US, "  Latency    %s%n", r.open()
                ? "from each request's intended start (open model: no coordinated omission)"
                : "from each request's send (closed model)");
        out.printf(Locale.US, "    %-9s %9s %9s %9s %9s %9s %9s %9s%n", "", "min", "mean", "p50", "p90", "p99", "p99.9", "max");
        row("all", r.latency());
        row("success", r.success());
        row("errors", r.error());
        if (serviceTime) {
            row("service", r.service());
        }
        StringBuilder status = new StringBuilder();
        for (Map.Entry<Integer, Long> e : r.status().entrySet()) {
            status.append(status.length() == 0 ? "" : "  ").append(e.getKey()).append(": ").append(count(e.getValue()));
        }
        out.printf(Locale.US, "  Status     %s%n", status.length() == 0 ? "no responses" : status);
        out.printf(Locale.US, "  Failed     %s (%.2f%%)%n", count(r.failed()), r.errorRate() * 100);
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<ErrorKind, Long> e : r.errors().entrySet()) {
            errors.append(errors.length() == 0 ? "" : "  ").append(e.getKey().key()).append(' ').append(count(e.getValue()));
        }
        out.printf(Locale.US, "  Errors     %s%n", errors);
        for (Map.Entry<ErrorKind, String> e : r.examples().entrySet()) {
            out.printf(Locale.US, "    %s: %s%n", e.getKey().key(), Redact.shown(e.getValue()));
        }
        out.printf(Locale.US, "  Transfer   %s in, %s out%n", Sizes.format(r.bytesIn()), Sizes.format(r.bytesOut()));
        if (r.unfinished() > 0) {
            out.printf(Locale.US, "  Unfinished %s requests still in flight when the grace period ended%n", count(r.unfinished()));
        }
        out.printf(Locale.US, "  Stopped by %s%s%n", r.stoppedBy(), r.stoppedBy() == StoppedBy.INTERRUPT ? " (interrupted: partial results)"
                : r.stoppedBy() == StoppedBy.ERROR ? " (the first TLS handshake failed: see the connect error below)" : "");
        if (!thresholds.isEmpty()) {
            out.println();
            for (Threshold t : thresholds) {
                out.printf(Locale.US, "  %s %s (%s)%n", t.passes(r) ? "pass" : "FAIL", t.text(), t.formatActual(r));
            }
        }
    }

    /** Prints the targets file and the per-request parts, when there are any. */
    private void sends(RequestPlan.Summary s) {
        if (s.source() != null) {
            out.printf(Locale.US, "Targets: %s, %s target%s, %s%s%n", Redact.shown(s.source()), count(s.targets()), s.targets() == 1 ? "" : "s",
                    s.order(), s.seed() != null ? " (--seed " + s.seed() + ")" : "");
        }
        if (s.idempotencyKey()) {
            out.println("Idempotency-Key: a new one per request");
        }
        if (s.jwt() != null) {
            out.printf(Locale.US, "Authorization: Bearer JWT (%s), valid %s, re-signed every %s; %d signed%n", s.jwt().alg(),
                    Durations.format(Duration.ofMillis(Math.round(s.jwt().ttlSec() * 1000))),
                    Durations.format(Duration.ofMillis(Math.round(s.jwt().refreshSec() * 1000))), s.jwt().tokensSigned());
        }
    }

    /** Prints the report of a merge: the logs it came from, what to note about them, then the report as for a run. */
    public void print(LogMerge.Result merged, List<Threshold> thresholds) {
        out.printf(Locale.US, "Merged %d log%s (histograms added; duration = the union of their measured spans):%n", merged.sources().size(),
                merged.sources().size() == 1 ? "" : "s");
        for (LogMerge.Source s : merged.sources()) {
            out.printf(Locale.US, "  %s  %s  %s %s, %s model: %s requests in %.2fs = %s/s%n", Redact.shown(s.file()), s.start(), Redact.shown(s.method()),
                    Redact.shown(s.url()), s.model().text(), count(s.requests()), s.durationSec(), String.format(Locale.US, "%,.1f", s.rps()));
        }
        for (String note : merged.notes()) {
            out.printf(Locale.US, "  Note: %s%n", Redact.shown(note));
        }
        out.println();
        print(merged.report(), thresholds);
    }

    private void row(String name, LoadReport.Latency l) {
        if (l.count() == 0) {
            out.printf(Locale.US, "    %-9s %9s%n", name, "-");
            return;
        }
        out.printf(Locale.US, "    %-9s %9s %9s %9s %9s %9s %9s %9s%n", name, micros(l.min()), micros(l.mean()), micros(l.p50()),
                micros(l.p90()), micros(l.p99()), micros(l.p999()), micros(l.max()));
    }

    /** Returns µs as a person reads them: {@code 850us}, {@code 12.34ms}, {@code 1.50s} ({@link Durations#formatMicros}). */
    public static String micros(double us) {
        return Durations.formatMicros(us);
    }

    private static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
