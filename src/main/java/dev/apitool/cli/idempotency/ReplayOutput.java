package dev.apitool.cli.idempotency;

import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ReportTarget;
import dev.apitool.cli.Style;
import dev.apitool.core.idempotency.replay.JsonReporter;
import dev.apitool.core.idempotency.replay.JunitReporter;
import dev.apitool.core.idempotency.replay.ReplayReport;
import dev.apitool.core.idempotency.replay.TextReporter;
import dev.apitool.core.idempotency.replay.Verdict;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.ReportFiles;
import dev.apitool.core.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/** Where a replay report goes: stdout in the chosen format, and every {@code --report FORMAT=FILE}. */
final class ReplayOutput {

    private final PrintWriter out;
    private final OutputFormat format;
    private final Style style;
    private final List<ReportTarget> reports;
    private final Function<String, Path> files;

    ReplayOutput(PrintWriter out, OutputFormat format, Style style, List<ReportTarget> reports, Function<String, Path> files) {
        this.out = out;
        this.format = format;
        this.style = style;
        this.reports = reports;
        this.files = files;
    }

    /** Fails with a usage error for a {@code --report} format other than json or junit. */
    static void checkReports(List<ReportTarget> reports) {
        for (ReportTarget r : reports) {
            if (!r.format().equals("json") && !r.format().equals("junit")) {
                throw new InputException("--report " + r.format() + "=" + r.file() + ": unknown format '" + r.format()
                        + "', expected json=FILE or junit=FILE");
            }
        }
    }

    void show(ReplayReport report) {
        switch (format) {
            case json -> out.println(Json.pretty(JsonReporter.document(report)));
            case junit -> out.print(junit(report));
            default -> new TextReporter(out, this::paint).print(report);
        }
        out.flush();
        for (ReportTarget r : reports) {
            String content = r.format().equals("junit") ? junit(report) : Json.pretty(JsonReporter.document(report)) + "\n";
            ReportFiles.replace(files.apply(r.file()), content, "--report " + r.format() + "=" + r.file());
        }
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
