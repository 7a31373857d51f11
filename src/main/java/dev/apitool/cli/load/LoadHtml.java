package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import dev.apitool.core.io.ReportFiles;
import dev.apitool.core.load.HtmlReporter;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadTimeline;
import dev.apitool.core.load.LogMerge;
import dev.apitool.core.load.Threshold;
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
        Path dir = context.workDir().resolve(file).toAbsolutePath().getParent();
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
