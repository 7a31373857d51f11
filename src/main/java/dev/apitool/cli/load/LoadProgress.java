package dev.apitool.cli.load;

import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.report.ProgressLine;
import java.io.PrintWriter;

/**
 * Draws the live progress line on stderr once a second, rewriting it in place with a carriage
 * return (padded with spaces over a longer previous line, so no terminal escapes are needed), and
 * erases it when the run ends, before the report is printed.
 */
final class LoadProgress implements LoadListener {

    private final PrintWriter err;
    private int width;

    LoadProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void interval(LoadInterval interval) {
        String line = ProgressLine.of(interval);
        err.print('\r' + line + " ".repeat(Math.max(0, width - line.length())));
        width = Math.max(width, line.length());
        err.flush();
    }

    @Override
    public void finished(LoadReport report, long fromNanos, long toNanos) {
        if (width > 0) {
            err.print('\r' + " ".repeat(width) + '\r');
            err.flush();
        }
    }
}
