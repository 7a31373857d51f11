package dev.apitool.cli.load;

import dev.apitool.cli.Context;
import dev.apitool.core.load.LoadListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code load} shows and writes while it runs, beside the report: the live progress line. */
final class LoadOutputOptions {

    /** When to draw the live progress line. */
    enum Progress { auto, always, never }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Live progress on stderr once a second (elapsed, rps, p99 so far, errors): ${COMPLETION-CANDIDATES};"
                + " auto draws it only when stderr is a terminal (default: ${DEFAULT-VALUE}).")
    Progress progress;

    /** Returns the listeners these options ask for, writing progress to {@code err}. */
    List<LoadListener> listeners(Context context, PrintWriter err) {
        List<LoadListener> all = new ArrayList<>();
        if (progress == Progress.always || progress == Progress.auto && context.stderrTerminal()) {
            all.add(new LoadProgress(err));
        }
        return all;
    }
}
