package dev.apitool.core.ratelimit.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of a simulation summary, declared once so every reporter shows the same metrics under
 * the same names (Caffeine's simulator: metrics come from the statistics, not the renderer).
 */
public final class Metrics {

    /** One summary row: its label and how to read it from a policy's statistics. */
    public record Row(String label, Function<PolicyStats, String> value) {}

    /** Offenders listed per policy. */
    public static final int TOP = 5;

    public static final List<Row> ROWS = List.of(
            new Row("total", s -> Long.toString(s.total())),
            new Row("allowed", s -> Long.toString(s.allowed())),
            new Row("delayed", s -> s.delayed() == 0 ? "0" : s.delayed() + " (mean " + seconds(s.meanDelayMicros()) + "s)"),
            new Row("limited", s -> Long.toString(s.limited())),
            new Row("admitted", s -> String.format(Locale.ROOT, "%.1f%%", 100 * s.admittedRatio())),
            new Row("longest limited run", s -> Long.toString(s.longestLimitedRun())),
            new Row("first limited at", s -> s.firstLimitedMicros() < 0 ? "-" : seconds(s.firstLimitedMicros()) + "s"),
            new Row("admitted rate", s -> String.format(Locale.ROOT, "%.2f/s", s.admittedPerSecond())),
            new Row("top limited keys", s -> s.topOffenders(TOP).isEmpty() ? "-"
                    : s.topOffenders(TOP).stream().map(e -> e.key() + " (" + (e.error() > 0 ? "~" : "") + e.count() + ")").collect(Collectors.joining(", "))));

    private Metrics() {}

    /** Returns microseconds as seconds with three decimals, the form scripts and reports use for {@code t}. */
    public static String seconds(long micros) {
        return String.format(Locale.ROOT, "%d.%03d", micros / 1_000_000, micros % 1_000_000 / 1000);
    }
}
