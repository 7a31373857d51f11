package dev.apitool.core.load.report;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.report.Html;
import dev.apitool.core.report.SvgChart;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Renders a {@link LoadReport} as one self-contained HTML page (no script, stylesheet, font or
 * image from anywhere; charts are inline SVG): the summary table, latency over time (p50, p90,
 * p99 and max of each second, from that second's merged histogram), throughput over time, and the
 * percentile distribution on HdrHistogram's log scale (0% to 99.999%). Everything that comes from
 * a user or a server (the URL, the method, error messages, file names) is HTML-escaped.
 */
public final class HtmlReporter {

    private static final String STYLE = "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
            + "max-width:900px;color:#222;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em}"
            + "table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}"
            + "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}.fail{color:#b00;font-weight:600}.pass{color:#070}"
            + "svg{max-width:100%;height:auto}svg .grid line{stroke:#e4e4e4}svg text{font-size:11px;fill:#444}"
            + "svg .yt{text-anchor:end}svg .xt,svg .axis{text-anchor:middle}svg .axis{font-size:12px}.note{color:#555}";
    private static final double[] PERCENTILE_TICKS = {0, 90, 99, 99.9, 99.99, 99.999};
    /** log10(1 / (1 - 99.999%)): the distribution's x axis ends there. */
    private static final double LAST_DECADE = 5;

    private HtmlReporter() {}

    /**
     * Returns the page.
     *
     * @param timeline the run's seconds and its distribution
     * @param sources the logs a merge came from, empty for a run
     * @param notes what to note about them
     */
    public static String render(LoadReport r, LoadTimeline timeline, List<Threshold> thresholds, List<LogMerge.Source> sources,
            List<String> notes) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>apitool load: ").append(Html.escape(r.method() + " " + Redact.text(r.url()))).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>apitool load: ").append(Html.escape(r.method())).append(' ').append(Html.escape(Redact.text(r.url()))).append("</h1>\n");
        h.append("<p>").append(Html.escape(r.model().text())).append(" model, ").append(r.connections()).append(" connection")
                .append(r.connections() == 1 ? "" : "s").append(r.open() ? ", up to " + r.maxInFlight() + " in flight" : "")
                .append(", ").append(r.threads()).append(" event loop").append(r.threads() == 1 ? "" : "s").append(" (")
                .append(Html.escape(r.transport())).append("), HTTP/1.1. Latency ")
                .append(r.open() ? "from each request's intended start (no coordinated omission)." : "from each request's send.")
                .append(" Warm-up: ").append(Html.escape(r.warmup())).append(r.warmup().equals("none") ? "" : ", left out of every figure")
                .append(".</p>\n");
        sources(h, sources, notes);
        summary(h, r);
        latencyTable(h, r);
        thresholds(h, r, thresholds);
        charts(h, timeline);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void sources(StringBuilder h, List<LogMerge.Source> sources, List<String> notes) {
        if (sources.isEmpty()) {
            return;
        }
        h.append("<h2>Merged logs</h2>\n<p class=\"note\">Histograms added; the duration is the union of the runs' measured spans.</p>\n")
                .append("<table>\n<tr><th>file</th><th>start</th><th>target</th><th>model</th><th class=\"n\">requests</th>")
                .append("<th class=\"n\">duration</th><th class=\"n\">rps</th></tr>\n");
        for (LogMerge.Source s : sources) {
            h.append("<tr><td>").append(Html.escape(s.file())).append("</td><td>").append(s.start()).append("</td><td>")
                    .append(Html.escape(s.method() + " " + Redact.text(s.url()))).append("</td><td>").append(Html.escape(s.model().text()))
                    .append("</td><td class=\"n\">").append(count(s.requests())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.US, "%.2fs", s.durationSec())).append("</td><td class=\"n\">")
                    .append(String.format(Locale.US, "%,.1f", s.rps())).append("</td></tr>\n");
        }
        h.append("</table>\n");
        for (String n : notes) {
            h.append("<p class=\"note\">Note: ").append(Html.escape(n)).append("</p>\n");
        }
    }

    private static void summary(StringBuilder h, LoadReport r) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Requests", count(r.requests()) + " measured (" + count(r.sent()) + " sent, warm-up included)"});
        rows.add(new String[] {"Duration", String.format(Locale.US, "%.2fs", r.durationSec())});
        rows.add(new String[] {"Throughput", String.format(Locale.US, "%,.1f/s", r.rps())
                + (r.open() ? String.format(Locale.US, " (target %,.1f/s)", r.targetRps()) : "")});
        if (r.open()) {
            rows.add(new String[] {"Late / dropped", count(r.late()) + " / " + count(r.dropped())});
        }
        rows.add(new String[] {"Failed", count(r.failed()) + String.format(Locale.US, " (%.2f%%)", r.errorRate() * 100)});
        StringBuilder status = new StringBuilder();
        for (Map.Entry<Integer, Long> e : r.status().entrySet()) {
            status.append(status.length() == 0 ? "" : ", ").append(e.getKey()).append(": ").append(count(e.getValue()));
        }
        rows.add(new String[] {"Status", status.length() == 0 ? "no responses" : status.toString()});
        StringBuilder errors = new StringBuilder();
        for (Map.Entry<ErrorKind, Long> e : r.errors().entrySet()) {
            errors.append(errors.length() == 0 ? "" : ", ").append(e.getKey().key()).append(' ').append(count(e.getValue()));
        }
        rows.add(new String[] {"Errors", errors.toString()});
        for (Map.Entry<ErrorKind, String> e : r.examples().entrySet()) {
            rows.add(new String[] {"  " + e.getKey().key(), Redact.text(e.getValue())});
        }
        rows.add(new String[] {"Transfer", count(r.bytesIn()) + " bytes in, " + count(r.bytesOut()) + " bytes out"});
        rows.add(new String[] {"Warm-up", r.warmup() + " (" + count(r.warmupRequests()) + " requests, not counted)"});
        if (r.unfinished() > 0) {
            rows.add(new String[] {"Unfinished", count(r.unfinished()) + " still in flight when the grace period ended"});
        }
        rows.add(new String[] {"Stopped by", r.stoppedBy().text() + (r.stoppedBy() == StoppedBy.INTERRUPT ? " (interrupted: partial results)" : "")});
        h.append("<h2>Summary</h2>\n<table>\n");
        for (String[] row : rows) {
            h.append("<tr><th>").append(Html.escape(row[0])).append("</th><td>").append(Html.escape(row[1])).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void latencyTable(StringBuilder h, LoadReport r) {
        h.append("<h2>Latency</h2>\n<table>\n<tr><th></th>");
        for (String c : new String[] {"count", "min", "mean", "p50", "p90", "p99", "p99.9", "max"}) {
            h.append("<th class=\"n\">").append(c).append("</th>");
        }
        h.append("</tr>\n");
        latencyRow(h, "all", r.latency());
        latencyRow(h, "success", r.success());
        latencyRow(h, "errors", r.error());
        latencyRow(h, "service time", r.service());
        h.append("</table>\n");
    }

    private static void latencyRow(StringBuilder h, String name, LoadReport.Latency l) {
        h.append("<tr><th>").append(name).append("</th><td class=\"n\">").append(count(l.count())).append("</td>");
        for (double v : new double[] {l.min(), l.mean(), l.p50(), l.p90(), l.p99(), l.p999(), l.max()}) {
            h.append("<td class=\"n\">").append(l.count() == 0 ? "-" : TextReporter.micros(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void thresholds(StringBuilder h, LoadReport r, List<Threshold> thresholds) {
        if (thresholds.isEmpty()) {
            return;
        }
        h.append("<h2>Thresholds</h2>\n<table>\n");
        for (Threshold t : thresholds) {
            boolean pass = t.passes(r);
            h.append("<tr><td class=\"").append(pass ? "pass\">pass" : "fail\">FAIL").append("</td><td>").append(Html.escape(t.text()))
                    .append("</td><td>").append(Html.escape(t.formatActual(r))).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void charts(StringBuilder h, LoadTimeline timeline) {
        List<LoadTimeline.Point> points = timeline.points();
        h.append("<h2>Latency over time</h2>\n");
        if (points.isEmpty()) {
            h.append("<p class=\"note\">No interval was recorded.</p>\n");
        } else {
            double[] xs = new double[points.size()];
            double[][] ys = new double[5][points.size()];
            double end = 0;
            double maxMs = 0;
            double maxRps = 0;
            for (int i = 0; i < points.size(); i++) {
                LoadTimeline.Point p = points.get(i);
                xs[i] = p.startSec() + p.lengthSec();
                end = Math.max(end, xs[i]);
                ys[0][i] = p.p50() / 1000.0;
                ys[1][i] = p.p90() / 1000.0;
                ys[2][i] = p.p99() / 1000.0;
                ys[3][i] = p.max() / 1000.0;
                ys[4][i] = p.rps();
                maxMs = Math.max(maxMs, ys[3][i]);
                maxRps = Math.max(maxRps, ys[4][i]);
            }
            List<SvgChart.Tick> seconds = SvgChart.niceTicks(end, 8, v -> SvgChart.number(v) + "s");
            double xEnd = seconds.get(seconds.size() - 1).at();
            List<SvgChart.Tick> ms = SvgChart.niceTicks(maxMs, 5, HtmlReporter::ms);
            h.append(new SvgChart("Latency of each second: p50, p90, p99 and max", "elapsed", "latency (ms)")
                    .x(0, xEnd, seconds).y(ms.get(ms.size() - 1).at(), ms)
                    .add(new SvgChart.Series("p50", "#1f77b4", xs, ys[0])).add(new SvgChart.Series("p90", "#2ca02c", xs, ys[1]))
                    .add(new SvgChart.Series("p99", "#ff7f0e", xs, ys[2])).add(new SvgChart.Series("max", "#d62728", xs, ys[3]))
                    .render());
            h.append("<h2>Throughput over time</h2>\n");
            List<SvgChart.Tick> rps = SvgChart.niceTicks(maxRps, 5, SvgChart::number);
            h.append(new SvgChart("Measured requests per second", "elapsed", "requests/s")
                    .x(0, xEnd, seconds).y(rps.get(rps.size() - 1).at(), rps)
                    .add(new SvgChart.Series("rps", "#9467bd", xs, ys[4])).render());
        }
        distribution(h, timeline.distribution());
    }

    private static void distribution(StringBuilder h, Histogram all) {
        h.append("<h2>Latency by percentile</h2>\n");
        if (all.getTotalCount() == 0) {
            h.append("<p class=\"note\">No measured request.</p>\n");
            return;
        }
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (HistogramIterationValue v : all.percentiles(5)) {
            xs.add(decades(v.getPercentileLevelIteratedTo()));
            ys.add(all.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0);
            if (xs.get(xs.size() - 1) >= LAST_DECADE) {
                break;
            }
        }
        List<SvgChart.Tick> ticks = new ArrayList<>();
        for (double p : PERCENTILE_TICKS) {
            ticks.add(new SvgChart.Tick(decades(p), SvgChart.number(p) + "%"));
        }
        List<SvgChart.Tick> ms = SvgChart.niceTicks(all.getMaxValue() / 1000.0, 5, HtmlReporter::ms);
        h.append(new SvgChart("Latency by percentile, HdrHistogram style: log scale from 0% to 99.999%", "percentile", "latency (ms)")
                .x(0, LAST_DECADE, ticks).y(ms.get(ms.size() - 1).at(), ms)
                .add(new SvgChart.Series("latency", "#1f77b4", xs.stream().mapToDouble(Double::doubleValue).toArray(),
                        ys.stream().mapToDouble(Double::doubleValue).toArray())).render());
    }

    /** Returns percentile {@code p} (0 to 100) on the log axis: log10(1 / (1 - p)), at most {@link #LAST_DECADE}. */
    static double decades(double p) {
        return p >= 100 ? LAST_DECADE : Math.min(LAST_DECADE, Math.log10(100 / (100 - p)));
    }

    private static String ms(double v) {
        return SvgChart.number(v) + "ms";
    }

    private static String count(long n) {
        return String.format(Locale.US, "%,d", n);
    }
}
