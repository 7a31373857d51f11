package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.HdrLogWriter;
import dev.apitool.core.load.report.LoadTimeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code load} shows and writes while it runs, beside the report: live progress, the HdrHistogram log, the HTML page. */
final class LoadOutputOptions {

    /** When to draw the live progress line. */
    enum Progress { auto, always, never }

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Live progress on stderr once a second (elapsed, rps, p99 so far, errors): ${COMPLETION-CANDIDATES};"
                + " auto draws it only when stderr is a terminal (default: ${DEFAULT-VALUE}).")
    Progress progress;

    @Option(names = "--hdr-log", paramLabel = "FILE",
            description = "Also write the per-second latency histograms to FILE in HdrHistogram's log format (µs; untagged = all,"
                + " Tag=success, Tag=error, Tag=service) with a summary comment: 'apitool load merge' combines such logs.")
    String hdrLog;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML page: latency over time, the percentile distribution, the summary.")
    String html;

    /**
     * Returns what these options need during one run; the {@code --hdr-log} file is created now,
     * and the {@code --html} file's directory checked, so that a bad path fails before any request.
     *
     * @throws ApitoolException (usage) when the log file cannot be created
     */
    Session start(Context context, PrintWriter err) {
        return start(context, err, null);
    }

    /**
     * As {@link #start(Context, PrintWriter)}, refusing first (usage errors) {@code -} for either
     * file, both flags naming one file, and either naming {@code targetsFile} (the run's
     * {@code --targets}, or null).
     */
    Session start(Context context, PrintWriter err, String targetsFile) {
        LoadFiles.refuseStdout("--hdr-log", hdrLog);
        LoadFiles.refuseStdout("--html", html);
        LoadFiles.refuseSame(context, "--html", html, "--hdr-log", hdrLog);
        LoadFiles.refuseSame(context, "--hdr-log", hdrLog, "--targets", targetsFile);
        LoadFiles.refuseSame(context, "--html", html, "--targets", targetsFile);
        List<LoadListener> listeners = new ArrayList<>();
        if (progress == Progress.always || progress == Progress.auto && context.stderrTerminal()) {
            listeners.add(new LoadProgress(err));
        }
        HdrLogWriter log = null;
        if (hdrLog != null) {
            try {
                log = HdrLogWriter.create(context.workDir().resolve(hdrLog), hdrLog);
            } catch (IOException e) {
                throw new ApitoolException(ExitCode.USAGE, "--hdr-log " + hdrLog + ": cannot create the file: " + e.getMessage());
            }
            listeners.add(log);
        }
        LoadTimeline timeline = null;
        if (html != null) {
            LoadHtml.checkWritable(context, html);
            timeline = new LoadTimeline();
            listeners.add(timeline);
        }
        return new Session(context, LoadListener.all(listeners), log, timeline);
    }

    /** One run's listeners and the files they write. */
    final class Session implements AutoCloseable {
        private final Context context;
        private final LoadListener listener;
        private HdrLogWriter log;
        private final LoadTimeline timeline;

        private Session(Context context, LoadListener listener, HdrLogWriter log, LoadTimeline timeline) {
            this.context = context;
            this.listener = listener;
            this.log = log;
            this.timeline = timeline;
        }

        LoadListener listener() {
            return listener;
        }

        /** Completes the files once the run has ended with {@code report}. */
        void finish(LoadReport report, List<Threshold> thresholds) {
            closeLog();
            if (timeline != null) {
                LoadHtml.write(context, html, report, timeline, thresholds, List.of(), List.of());
            }
        }

        private void closeLog() {
            if (log == null) {
                return;
            }
            HdrLogWriter l = log;
            log = null;
            try {
                l.close();
            } catch (IOException e) {
                throw new ApitoolException(ExitCode.USAGE, "--hdr-log " + hdrLog + ": " + e.getMessage());
            }
        }

        @Override
        public void close() {
            closeLog();
        }
    }
}
