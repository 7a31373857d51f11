package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.json.Json;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.load.report.JsonReporter;
import dev.apitool.core.load.report.TextReporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the --hdr-log logs of several load runs into one report, in the shape of a run's (text or --output json).",
            "Run 'apitool load --hdr-log' on several machines at once (the way past one machine's limits), or several times,"
                + " then merge: latency histograms are added (never percentiles averaged), counts summed, and the duration is the"
                + " union of the runs' measured spans from their start times, so the rates of machines running at once add up.",
            "Logs of different targets are merged and the report says so; logs of the open and the closed model are not."},
        footer = {"", "Examples:",
            "  apitool load http://api:8080/ --rate 1000/s -d 1m --hdr-log host1.hlog",
            "  (on each machine, host1.hlog, host2.hlog, ...; then, anywhere:)",
            "  apitool load merge host1.hlog host2.hlog --threshold 'p99<250ms' --html report.html",
            "", "Exit 1 when a threshold is breached or no request succeeded; 2 for an unreadable or malformed log (file:line)."})
@Formats({OutputFormat.text, OutputFormat.json})
final class LoadMergeCommand extends BaseCommand {

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Logs written by 'apitool load --hdr-log'.")
    List<String> logs = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "COND",
            description = "Fail (exit 1) unless COND holds for the merged report, e.g. 'p99<250ms', 'errors<1%%', 'rps>500' (repeatable).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML page: latency over time, the percentile distribution, the summary.")
    String html;

    @Option(names = "--service-time", description = "Also show the uncorrected service time (from the actual send) in the text report.")
    boolean serviceTime;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Override
    protected ExitCode run() {
        List<Threshold> checks = LoadVerdict.thresholds(thresholds);
        for (int i = 0; i < logs.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (FileOptions.same(context(), logs.get(i), logs.get(j))) {
                    throw new ApitoolException(ExitCode.USAGE, "log " + logs.get(i) + " is given twice (as "
                            + logs.get(j) + "): merged with itself, its requests would count twice");
                }
            }
            files.reads(context(), "log " + logs.get(i), logs.get(i));
        }
        LoadFiles.refuseStdout("--html", html);
        OutputFile htmlFile = html == null ? null : files.report(context(), html, "--html");
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        List<Path> files = new ArrayList<>();
        for (String log : logs) {
            files.add(context().workDir().resolve(log));
        }
        LogMerge.Result merged = LogMerge.merge(files, logs);
        LoadVerdict.checkModel(checks, merged.report().open());
        if (htmlFile != null) {
            LoadHtml.write(htmlFile, merged.report(), merged.timeline(), checks, merged.sources(), merged.notes());
        }
        ReportOptions.write(written, f -> Json.pretty(JsonReporter.document(merged, checks)) + "\n");
        if (output() == OutputFormat.json) {
            new JsonReporter(out()).print(merged, checks);
        } else {
            new TextReporter(out(), serviceTime).print(merged, checks);
        }
        return LoadVerdict.of(merged.report(), checks);
    }
}
