package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import dev.apitool.core.io.ReportFiles;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.load.report.HtmlReporter;
import dev.apitool.core.load.report.LoadTimeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code --html FILE} (for a run and for a merge) atomically, resolved against the working directory. */
final class LoadHtml {

    private LoadHtml() {}

    /**
     * Fails unless {@code file}'s directory exists (or can be made) and is writable.
     *
     * @throws ApitoolException (usage) naming the flag
     */
    static void checkWritable(Context context, String file) {
        if (file.isBlank()) {
            throw new ApitoolException(ExitCode.USAGE, "--html: expected a file name, such as report.html");
        }
        Path path = context.workDir().resolve(file);
        if (Files.isDirectory(path)) {
            throw new ApitoolException(ExitCode.USAGE, "--html " + file + ": is a directory; give a file name, such as "
                    + path.resolve("report.html").normalize());
        }
        Path dir = path.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ApitoolException(ExitCode.USAGE, "--html " + file + ": cannot write there: " + e.getMessage());
        }
        if (!Files.isWritable(dir)) {
            throw new ApitoolException(ExitCode.USAGE, "--html " + file + ": cannot write there: " + dir + " is not writable");
        }
    }

    static void write(Context context, String file, LoadReport report, LoadTimeline timeline, List<Threshold> thresholds,
            List<LogMerge.Source> sources, List<String> notes) {
        ReportFiles.replace(context.workDir().resolve(file), HtmlReporter.render(report, timeline, thresholds, sources, notes),
                "--html " + file);
    }
}
