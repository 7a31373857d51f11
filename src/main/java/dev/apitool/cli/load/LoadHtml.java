package dev.apitool.cli.load;

import dev.apitool.core.io.OutputFile;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.load.report.HtmlReporter;
import dev.apitool.core.load.report.LoadTimeline;
import java.util.List;

/** Writes {@code --html FILE} for a run and for a merge, through the one output-file writer. */
final class LoadHtml {

    private LoadHtml() {}

    static void write(OutputFile file, LoadReport report, LoadTimeline timeline, List<Threshold> thresholds,
            List<LogMerge.Source> sources, List<String> notes) {
        file.write(HtmlReporter.render(report, timeline, thresholds, sources, notes));
    }
}
