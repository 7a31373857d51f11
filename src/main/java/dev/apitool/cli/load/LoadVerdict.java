package dev.apitool.cli.load;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.ExitCode;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.io.InputException;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** How a load report ends a command, the same for a run and a merge: thresholds parsed up front, then checked. */
final class LoadVerdict {

    private LoadVerdict() {}

    /**
     * Returns the thresholds {@code texts} name.
     *
     * @throws dev.apitool.core.expr.ExprSyntaxException for an unknown metric or a malformed condition
     */
    static List<Threshold> thresholds(List<String> texts) {
        List<Threshold> checks = new ArrayList<>();
        for (String t : texts) {
            checks.add(Threshold.parse(t));
        }
        return checks;
    }

    /**
     * Refuses thresholds on {@code late} or {@code dropped} for a closed-model run, where they are
     * always 0 and so would pass whatever happened.
     *
     * @throws InputException naming the threshold
     */
    static void checkModel(List<Threshold> checks, boolean open) {
        for (Threshold t : checks) {
            if (!open && (t.metric() == Threshold.Metric.LATE || t.metric() == Threshold.Metric.DROPPED)) {
                throw new InputException("threshold '" + t.text() + "': " + t.metric().label()
                        + " is counted in the open model only (--rate or --stages); in the closed model it is always 0");
            }
        }
    }

    /**
     * Returns OK when the run was not stopped by a failed TLS handshake, some request was measured
     * (outside the warm-up, ended within the grace period), every threshold holds and some request
     * succeeded.
     *
     * @throws ApitoolException (failed) naming the breached thresholds with their values, or saying no request succeeded
     */
    static ExitCode of(LoadReport report, List<Threshold> checks) {
        if (report.stoppedBy() == StoppedBy.ERROR) {
            throw new ApitoolException(ExitCode.FAILED, "stopped at the first failed TLS handshake: "
                    + report.examples().get(ErrorKind.CONNECT));
        }
        if (report.stoppedBy() == StoppedBy.INTERRUPT) {
            return ExitCode.INTERRUPTED; // the report, marked interrupted, is printed; no threshold judges part of a run
        }
        if (report.requests() == 0) {
            // nothing to judge: a latency or error threshold must not pass on no data (a server that never answers)
            throw new ApitoolException(ExitCode.FAILED, "no request was measured (" + report.sent() + " sent, "
                    + report.warmupRequests() + " in the warm-up, " + report.unfinished() + " unfinished"
                    + (report.open() ? ", " + report.dropped() + " dropped" : "") + ")"
                    + (checks.isEmpty() ? "" : ": no threshold can hold"));
        }
        List<Threshold> breached = checks.stream().filter(t -> !t.passes(report)).collect(Collectors.toList());
        if (!breached.isEmpty()) {
            throw new ApitoolException(ExitCode.FAILED, "threshold" + (breached.size() > 1 ? "s" : "") + " breached: "
                    + breached.stream().map(t -> t.text() + " (was " + t.formatActual(report) + ")").collect(Collectors.joining(", ")));
        }
        if (report.failed() == report.requests()) {
            throw new ApitoolException(ExitCode.FAILED, "no request succeeded (" + report.failed() + " failed)");
        }
        return ExitCode.OK;
    }
}
