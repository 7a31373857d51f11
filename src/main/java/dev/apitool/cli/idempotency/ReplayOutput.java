package dev.apitool.cli.idempotency;

import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.Style;
import dev.apitool.core.idempotency.replay.JsonReporter;
import dev.apitool.core.idempotency.replay.JunitReporter;
import dev.apitool.core.idempotency.replay.ReplayReport;
import dev.apitool.core.idempotency.replay.TextReporter;
import dev.apitool.core.idempotency.replay.Verdict;
import dev.apitool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Where a replay report goes: stdout in the chosen format, and every {@code --report FORMAT=FILE}. */
final class ReplayOutput {

    private final PrintWriter out;
    private final OutputFormat format;
    private final Style style;
    private final List<ReportOptions.Report> reports;

    ReplayOutput(PrintWriter out, OutputFormat format, Style style, List<ReportOptions.Report> reports) {
        this.out = out;
        this.format = format;
        this.style = style;
        this.reports = reports;
    }

    void show(ReplayReport report) {
        switch (format) {
            case json -> out.println(Json.pretty(JsonReporter.document(report)));
            case junit -> out.print(junit(report));
            default -> new TextReporter(out, this::paint).print(report);
        }
        out.flush();
        ReportOptions.write(reports, f -> f == OutputFormat.junit ? junit(report) : Json.pretty(JsonReporter.document(report)) + "\n");
    }

    private static String junit(ReplayReport report) {
        StringWriter xml = new StringWriter();
        JunitReporter.write(report, xml);
        return xml.toString();
    }

    private String paint(Verdict verdict, String word) {
        return switch (verdict) {
            case PASS -> style.green(word);
            case FAIL -> style.red(word);
            default -> style.yellow(word);
        };
    }
}
