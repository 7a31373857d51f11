package dev.apitool.core.health;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Prints a report as plain lines that scripts may match: {@code Overall: STATUS}, then one line per
 * endpoint, {@code NAME: STATUS (Nms)} or {@code NAME: STATUS - REASON}, not column-aligned. The
 * front end may paint the status words (colour on a terminal); the words themselves never change.
 */
public final class TextReporter {

    /** Paints a status word: given the status and its word, returns what to print. */
    public static final BiFunction<HealthStatus, String, String> PLAIN = (s, w) -> w;

    private final PrintWriter out;
    private final BiFunction<HealthStatus, String, String> paint;

    public TextReporter(PrintWriter out, BiFunction<HealthStatus, String, String> paint) {
        this.out = out;
        this.paint = paint;
    }

    public void print(HealthReport report) {
        lines(report).forEach(out::println);
        out.flush();
    }

    /** Returns the report's lines, without line ends. */
    public List<String> lines(HealthReport report) {
        List<String> lines = new ArrayList<>(report.endpoints().size() + 1);
        lines.add("Overall: " + paint.apply(report.status(), report.status().word()));
        for (EndpointResult r : report.endpoints()) {
            lines.add(line(r));
        }
        return lines;
    }

    private String line(EndpointResult r) {
        String status = paint.apply(r.status(), r.status().word());
        if (r.status() == HealthStatus.HEALTHY) {
            return r.name() + ": " + status + " (" + millis(r) + "ms)";
        }
        return r.name() + ": " + status + " - " + (r.reason() == null ? "no reason given" : r.reason());
    }

    /** Returns the latency in whole milliseconds, rounded to the nearest (halves up). */
    static long millis(EndpointResult r) {
        return r.latency() == null ? 0 : Math.round(r.latency().toNanos() / 1e6);
    }
}
