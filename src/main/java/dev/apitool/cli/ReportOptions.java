package dev.apitool.cli;

import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --report FORMAT=FILE} (repeatable): also write the result in FORMAT to FILE while the normal
 * output goes to standard output. FORMAT is one of the command's {@code --output} formats other than
 * text; the files follow {@link FileOptions}' rule and are checked before the command's work (so a
 * report is never one of the command's inputs or another of its output files).
 */
public final class ReportOptions {

    /** One checked report file. */
    public record Report(OutputFormat format, OutputFile file) {}

    @Option(names = "--report", paramLabel = "FORMAT=FILE", converter = ReportTarget.Converter.class,
            description = "Also write the result to FILE as FORMAT (one of the --output formats but text; repeatable),"
                + " e.g. json=run.json, while the output goes to stdout.")
    List<ReportTarget> targets = new ArrayList<>();

    /**
     * Returns the reports asked for, each format one of {@code formats} other than text and each file
     * checked now (before the work) with {@code files}' rule.
     *
     * @throws InputException for another format or a file that cannot be written
     */
    public List<Report> check(Context context, FileOptions files, Set<OutputFormat> formats) {
        List<String> allowed = formats.stream().filter(f -> f != OutputFormat.text).map(Enum::name).collect(Collectors.toList());
        List<Report> reports = new ArrayList<>();
        for (ReportTarget t : targets) {
            String flag = "--report " + t.format() + "=" + t.file();
            if (!allowed.contains(t.format())) {
                throw new InputException(flag + ": unknown format '" + t.format() + "', expected "
                        + (allowed.isEmpty() ? "none (this command prints text only)"
                            : allowed.stream().map(f -> f + "=FILE").collect(Collectors.joining(" or "))));
            }
            for (Report earlier : reports) {
                if (FileOptions.same(context, earlier.file().path().toString(), t.file())) {
                    throw new InputException(flag + ": " + t.file() + " is named by another --report too; give each report its own file");
                }
            }
            OutputFile file = files.report(context, t.file(), flag); // also refuses an input or another output file
            reports.add(new Report(OutputFormat.valueOf(t.format().toLowerCase(Locale.ROOT)), file));
        }
        return reports;
    }

    /** Writes each of {@code reports} with the document {@code render} returns for its format. */
    public static void write(List<Report> reports, Function<OutputFormat, String> render) {
        for (Report r : reports) {
            r.file().write(render.apply(r.format()));
        }
    }

    /** Returns whether any report was asked for. */
    public boolean any() {
        return !targets.isEmpty();
    }
}
