package dev.apitool.core.load;

import dev.apitool.core.load.report.TextReporter;
import dev.apitool.core.time.Durations;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail condition on a run, as CI gives it ({@code k6}'s thresholds): {@code p99<250ms},
 * {@code errors<1%}, {@code rps>500}. Latency metrics ({@code min mean p50 p90 p99 p99.9 max}) take
 * a duration in {@link Durations}' units and read the latency of all measured requests from their
 * intended start; {@code errors} takes a percentage or a fraction of the measured requests;
 * {@code rps} a number per second; {@code late} and {@code dropped} a count.
 *
 * @param text the condition as given
 * @param metric what is compared
 * @param op the comparison that must hold
 * @param limit the bound: µs for latency, a fraction for errors, a number otherwise
 */
public record Threshold(String text, Metric metric, String op, double limit) {

    /** The metrics a threshold can name, under the names users type. */
    public enum Metric {
        MIN("min"), MEAN("mean"), P50("p50"), P90("p90"), P99("p99"), P999("p99.9"), MAX("max"),
        ERRORS("errors"), RPS("rps"), LATE("late"), DROPPED("dropped");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        boolean latency() {
            return ordinal() <= MAX.ordinal();
        }

        static Metric named(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("p999")) {
                return P999;
            }
            for (Metric m : values()) {
                if (m.label.equals(n)) {
                    return m;
                }
            }
            return null;
        }
    }

    private static final Pattern SHAPE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9.]*)\\s*(<=|>=|<|>)\\s*(\\S+)\\s*");

    /** The metric names, for messages and help. */
    public static final String NAMES = "min, mean, p50, p90, p99, p99.9, max, errors, rps, late, dropped";

    /**
     * Returns the threshold {@code text} names.
     *
     * @throws IllegalArgumentException for an unknown metric or a malformed condition, naming it and what was expected
     */
    public static Threshold parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid threshold '" + text
                    + "': expected METRIC<VALUE or METRIC>VALUE (also <=, >=), e.g. p99<250ms, errors<1%, rps>500");
        }
        Metric metric = Metric.named(m.group(1));
        if (metric == null) {
            throw new IllegalArgumentException("invalid threshold '" + text + "': unknown metric '" + m.group(1)
                    + "', expected one of " + NAMES);
        }
        String value = m.group(3);
        double limit;
        try {
            if (metric.latency()) {
                limit = Durations.parse(value).toNanos() / 1000.0;
            } else if (metric == Metric.ERRORS) {
                limit = value.endsWith("%") ? Double.parseDouble(value.substring(0, value.length() - 1)) / 100
                        : Double.parseDouble(value);
            } else {
                limit = Double.parseDouble(value);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid threshold '" + text + "': " + expected(metric));
        }
        if (Double.isNaN(limit) || limit < 0) {
            throw new IllegalArgumentException("invalid threshold '" + text + "': " + expected(metric));
        }
        return new Threshold(text.strip(), metric, m.group(2), limit);
    }

    private static String expected(Metric metric) {
        if (metric.latency()) {
            return metric.label + " takes a duration such as 250ms, 1s, 800us";
        }
        return metric == Metric.ERRORS ? "errors takes a percentage such as 1% or a fraction such as 0.01"
                : metric.label + " takes a number such as 500";
    }

    /** Returns the run's value of the metric, in the unit of {@link #limit}. */
    public double actual(LoadReport r) {
        LoadReport.Latency l = r.latency();
        return switch (metric) {
            case MIN -> l.min();
            case MEAN -> l.mean();
            case P50 -> l.p50();
            case P90 -> l.p90();
            case P99 -> l.p99();
            case P999 -> l.p999();
            case MAX -> l.max();
            case ERRORS -> r.errorRate();
            case RPS -> r.rps();
            case LATE -> r.late();
            case DROPPED -> r.dropped();
        };
    }

    /** Returns whether the run meets this threshold. */
    public boolean passes(LoadReport r) {
        double a = actual(r);
        return switch (op) {
            case "<" -> a < limit;
            case "<=" -> a <= limit;
            case ">" -> a > limit;
            default -> a >= limit;
        };
    }

    /** Returns the run's value as a person reads it: {@code 312.4ms}, {@code 3.20%}, {@code 480.5}. */
    public String formatActual(LoadReport r) {
        double a = actual(r);
        if (metric.latency()) {
            return TextReporter.micros(a);
        }
        if (metric == Metric.ERRORS) {
            return String.format(Locale.US, "%.2f%%", a * 100);
        }
        return metric == Metric.RPS ? String.format(Locale.US, "%.1f", a) : Long.toString((long) a);
    }
}
