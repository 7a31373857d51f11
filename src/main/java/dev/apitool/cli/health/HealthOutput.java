package dev.apitool.cli.health;

import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.Style;
import dev.apitool.core.health.HealthReport;
import dev.apitool.core.health.HealthStatus;
import dev.apitool.core.health.JsonReporter;
import dev.apitool.core.health.JunitReporter;
import dev.apitool.core.health.TextReporter;
import dev.apitool.core.json.Json;
import dev.apitool.core.time.Durations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

/**
 * Where a health report goes: stdout in the chosen format (text as {@code Overall:} and one line
 * per endpoint, JSON, JUnit XML), and every {@code --report FORMAT=FILE}, rewritten after each run. Under {@code --watch}
 * text is redrawn in place on a terminal and appended as plain blocks otherwise; JSON is one line
 * per run.
 */
final class HealthOutput {

    private final PrintWriter out;
    private final OutputFormat format;
    private final Style style;
    private final boolean terminal;
    private final JunitReporter junit;
    private final List<ReportOptions.Report> reports;

    HealthOutput(PrintWriter out, OutputFormat format, Style style, boolean terminal, boolean failOnDegraded,
            List<ReportOptions.Report> reports) {
        this.out = out;
        this.format = format;
        this.style = style;
        this.terminal = terminal;
        this.junit = new JunitReporter(failOnDegraded);
        this.reports = reports;
    }

    /** Shows a single run. */
    void show(HealthReport report) {
        switch (format) {
            case json -> new JsonReporter(out).print(report);
            case junit -> {
                StringWriter xml = new StringWriter();
                junit.write(report, xml);
                out.print(xml);
                out.flush();
            }
            default -> text().print(report);
        }
        writeReports(report, 0);
    }

    /** Shows run {@code n} of a watch. */
    void showRun(int n, HealthReport report, Duration interval) {
        if (format == OutputFormat.json) {
            new JsonReporter(out).printRun(n, report);
        } else if (terminal) {
            out.print("\u001b[H\u001b[2J");
            out.println(style.dim("Every " + Durations.format(interval) + ": apitool health, run " + n + " ("
                    + report.startedAt().toString().replace('T', ' ').replaceAll("\\.\\d+", "") + "), Ctrl-C to stop"));
            out.println();
            text().print(report);
        } else {
            if (n > 1) {
                out.println();
            }
            text().print(report);
        }
        writeReports(report, n);
    }

    private TextReporter text() {
        return new TextReporter(out, (status, word) -> paint(status, word));
    }

    private String paint(HealthStatus status, String word) {
        return switch (status) {
            case HEALTHY -> style.green(word);
            case DEGRADED -> style.yellow(word);
            case UNHEALTHY -> style.red(word);
        };
    }

    private void writeReports(HealthReport report, int run) {
        for (ReportOptions.Report r : reports) {
            String content;
            if (r.format() == OutputFormat.junit) {
                StringWriter xml = new StringWriter();
                junit.write(report, xml);
                content = xml.toString();
            } else {
                content = Json.pretty(JsonReporter.document(report, run)) + "\n";
            }
            r.file().write(content);
        }
    }
}
