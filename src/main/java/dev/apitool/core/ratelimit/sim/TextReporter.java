package dev.apitool.core.ratelimit.sim;

import java.io.PrintWriter;
import java.util.List;

/** Prints a simulation summary as an aligned table, one column per policy, and a timeline per policy. */
public final class TextReporter {

    private static final char[] BARS = {' ', '\u2581', '\u2582', '\u2583', '\u2584', '\u2585', '\u2586', '\u2587', '\u2588'};

    private final PrintWriter out;

    public TextReporter(PrintWriter out) {
        this.out = out;
    }

    public void print(Simulation.Result result) {
        List<PolicyStats> policies = result.policies();
        out.println("Traffic: " + result.source() + ", " + result.requests() + (result.requests() == 1 ? " request" : " requests") + " over "
                + Metrics.seconds(result.lastMicros()) + "s");
        int labelWidth = 0;
        for (Metrics.Row row : Metrics.ROWS) {
            labelWidth = Math.max(labelWidth, row.label().length());
        }
        int[] widths = new int[policies.size()];
        for (int i = 0; i < policies.size(); i++) {
            widths[i] = policies.get(i).policy().length();
            for (Metrics.Row row : Metrics.ROWS) {
                widths[i] = Math.max(widths[i], row.value().apply(policies.get(i)).length());
            }
        }
        StringBuilder header = new StringBuilder(pad("", labelWidth));
        for (int i = 0; i < policies.size(); i++) {
            header.append("  ").append(pad(policies.get(i).policy(), widths[i]));
        }
        out.println(header.toString().stripTrailing());
        for (Metrics.Row row : Metrics.ROWS) {
            StringBuilder line = new StringBuilder(pad(row.label(), labelWidth));
            for (int i = 0; i < policies.size(); i++) {
                line.append("  ").append(pad(row.value().apply(policies.get(i)), widths[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        for (PolicyStats s : policies) {
            Timeline t = s.timeline();
            out.println();
            out.println("Timeline of " + s.policy() + " (one bar per " + Metrics.seconds(t.widthMicros()) + "s)");
            out.println("  admitted |" + sparkline(t.admitted(), t.admitted(), t.limited()) + "|");
            out.println("  limited  |" + sparkline(t.limited(), t.admitted(), t.limited()) + "|");
        }
    }

    /** Returns one bar per bucket, scaled to the largest bucket of either series so both compare. */
    static String sparkline(long[] values, long[] a, long[] b) {
        long max = 1;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.max(a[i], b[i]));
        }
        StringBuilder s = new StringBuilder(values.length);
        for (long v : values) {
            s.append(v == 0 ? BARS[0] : BARS[(int) Math.max(1, Math.min(8, (v * 8 + max - 1) / max))]);
        }
        return s.toString();
    }

    private static String pad(String s, int width) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width) {
            b.append(' ');
        }
        return b.toString();
    }
}
