package dev.apitool.core.load;

import dev.apitool.core.expr.Comparison;
import dev.apitool.core.expr.Cursor;
import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Op;
import dev.apitool.core.expr.Quantity;
import dev.apitool.core.load.report.TextReporter;
import dev.apitool.core.time.Durations;
import java.util.Locale;

/**
 * A pass/fail condition on a run, as CI gives it ({@code k6}'s thresholds): {@code p99<250ms},
 * {@code errors<1%}, {@code rps>500}. Latency metrics ({@code min mean p50 p90 p99 p99.9 max}) take
 * a duration in {@link Durations}' units and read the latency of all measured requests from their
 * intended start; {@code errors} takes a percentage or a fraction of the measured requests;
 * {@code rps} a number per second; {@code late} and {@code dropped} a count. The grammar
 * ({@code METRIC OP VALUE}) is {@code core.expr}'s, as health's conditions are.
 *
 * @param text the condition as given
 * @param metric what is compared
 * @param op the comparison that must hold: {@code < <= > >=}
 * @param limit the bound: µs for latency, a fraction for errors, a number otherwise
 */
public record Threshold(String text, Metric metric, Op op, double limit) {

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

    /** The metric names, for messages and help. */
    public static final String NAMES = "min, mean, p50, p90, p99, p99.9, max, errors, rps, late, dropped";

    private static final Op[] OPS = {Op.LE, Op.GE, Op.LT, Op.GT};

    /**
     * Returns the threshold {@code text} names.
     *
     * @throws ExprSyntaxException for an unknown metric or a malformed condition, naming it, what was expected and where
     */
    public static Threshold parse(String text) {
        Comparison<String, Quantity> cmp = Comparison.read(new Cursor(text, 0), GRAMMAR);
        Metric metric = Metric.named(cmp.subject());
        Quantity q = cmp.value();
        boolean fits = metric.latency() ? q.kind() == Quantity.Kind.DURATION
                : metric == Metric.ERRORS ? q.kind() == Quantity.Kind.PERCENT || q.kind() == Quantity.Kind.NUMBER
                : q.kind() == Quantity.Kind.NUMBER;
        if (!fits || Double.isNaN(q.value()) || q.value() < 0) {
            throw new ExprSyntaxException("invalid threshold '" + text + "': " + expected(metric), cmp.valueAt());
        }
        return new Threshold(text.strip(), metric, cmp.op(), q.value());
    }

    /** A threshold's words: a metric name, {@code < <= > >=}, a quantity; any other shape gets one message. */
    private static final Comparison.Grammar<String, Quantity> GRAMMAR = new Comparison.Grammar<>() {
        @Override
        public String subject(Cursor c) {
            int metricAt = c.pos;
            if (c.atEnd() || !Character.isLetter(c.peek())) {
                throw shape(c);
            }
            while (!c.atEnd() && (Character.isLetterOrDigit(c.peek()) || c.peek() == '.')) {
                c.pos++;
            }
            return c.text.substring(metricAt, c.pos);
        }

        @Override
        public Op[] operators() {
            return OPS.clone();
        }

        @Override
        public ExprSyntaxException noOperator(Cursor c) {
            return shape(c);
        }

        /** Names an unknown metric only once the operator was read, so "p98 ~ 1" is a shape error. */
        @Override
        public Quantity value(Cursor c, String name, int metricAt, Op op) {
            Metric metric = Metric.named(name);
            if (metric == null) {
                throw new ExprSyntaxException("invalid threshold '" + c.text + "': unknown metric '" + name + "', expected one of " + NAMES, metricAt);
            }
            int valueAt = c.pos;
            try {
                return Quantity.read(c);
            } catch (ExprSyntaxException e) {
                throw new ExprSyntaxException("invalid threshold '" + c.text + "': " + expected(metric), valueAt);
            }
        }

        @Override
        public ExprSyntaxException trailing(Cursor c) {
            return shape(c);
        }

        private ExprSyntaxException shape(Cursor c) {
            return new ExprSyntaxException("invalid threshold '" + c.text
                    + "': expected METRIC<VALUE or METRIC>VALUE (also <=, >=), e.g. p99<250ms, errors<1%, rps>500", c.pos);
        }
    };

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
        return op.holds(Double.compare(actual(r), limit));
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
