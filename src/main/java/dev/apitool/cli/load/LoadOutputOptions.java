package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.HdrLogWriter;
import dev.apitool.core.load.report.LoadTimeline;
import java.io.IOException;
import java.io.PrintWriter;
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
     * Returns what these options need during one run, after refusing (usage errors) {@code -} for
     * either file, both flags naming one file, either naming {@code targetsFile} (the run's
     * {@code --targets}, or null), and a path that cannot be written: all before any request. The
     * {@code --hdr-log} is written to a temporary file beside it, which replaces it only when the run
     * has ended, so a failed run leaves an older log as it was.
     */
    Session start(Context context, PrintWriter err, String targetsFile, FileOptions files) {
        LoadFiles.refuseStdout("--hdr-log", hdrLog);
        LoadFiles.refuseStdout("--html", html);
        LoadFiles.refuseSame(context, "--html", html, "--hdr-log", hdrLog);
        LoadFiles.refuseSame(context, "--hdr-log", hdrLog, "--targets", targetsFile);
        LoadFiles.refuseSame(context, "--html", html, "--targets", targetsFile);
        OutputFile logFile = hdrLog == null ? null : files.report(context, hdrLog, "--hdr-log");
        OutputFile htmlFile = html == null ? null : files.report(context, html, "--html");
        List<LoadListener> listeners = new ArrayList<>();
        if (progress == Progress.always || progress == Progress.auto && context.stderrTerminal()) {
            listeners.add(new LoadProgress(err));
        }
        HdrLogWriter log = null;
        OutputFile.Sink logSink = null;
        if (logFile != null) {
            logSink = logFile.open();
            log = HdrLogWriter.to(logSink.stream(), hdrLog);
            listeners.add(log);
        }
        LoadTimeline timeline = null;
        if (htmlFile != null) {
            timeline = new LoadTimeline();
            listeners.add(timeline);
        }
        return new Session(LoadListener.all(listeners), log, logSink, htmlFile, timeline);
    }

    /** One run's listeners and the files they write. */
    final class Session implements AutoCloseable {
        private final LoadListener listener;
        private HdrLogWriter log;
        private final OutputFile.Sink logSink;
        private final OutputFile htmlFile;
        private final LoadTimeline timeline;

        private Session(LoadListener listener, HdrLogWriter log, OutputFile.Sink logSink, OutputFile htmlFile, LoadTimeline timeline) {
            this.listener = listener;
            this.log = log;
            this.logSink = logSink;
            this.htmlFile = htmlFile;
            this.timeline = timeline;
        }

        LoadListener listener() {
            return listener;
        }

        /** Completes the files once the run has ended with {@code report}. */
        void finish(LoadReport report, List<Threshold> thresholds) {
            closeLog(true);
            if (timeline != null) {
                LoadHtml.write(htmlFile, report, timeline, thresholds, List.of(), List.of());
            }
        }

        /** Ends the log: it replaces the old one when {@code complete}, otherwise the old one stays. */
        private void closeLog(boolean complete) {
            if (log == null) {
                return;
            }
            HdrLogWriter l = log;
            log = null;
            try {
                l.close();
            } catch (IOException e) {
                logSink.close();
                throw new ApitoolException(ExitCode.USAGE, "--hdr-log " + hdrLog + ": " + e.getMessage());
            }
            if (complete) {
                logSink.commit();
            } else {
                logSink.close();
            }
        }

        @Override
        public void close() {
            closeLog(false);
        }
    }
}
