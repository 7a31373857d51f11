package dev.apitool.core.load.report;

import dev.apitool.core.load.LoadInterval;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The live progress line of a run, rendered once a second from the merged {@link LoadInterval}:
 * elapsed time, requests per second in that second (warm-up included), p99 of the measured requests
 * so far (from the merged histograms, never averaged) and the failed requests so far. The front end
 * decides where it goes (stderr, on a terminal only) and how it is redrawn.
 */
public final class ProgressLine {

    private ProgressLine() {}

    /** Returns the line for {@code i}, e.g. {@code elapsed 3.0s  rps 1,204  p99 12.30ms  errors 0 (0.00%)}. */
    public static String of(LoadInterval i) {
        Histogram soFar = i.latencySoFar();
        long measured = soFar.getTotalCount();
        long failed = i.countsSoFar().failed();
        String p99 = measured == 0 ? "- (warm-up)" : TextReporter.micros(soFar.getValueAtPercentile(99));
        return String.format(Locale.US, "elapsed %.1fs  rps %,.0f  p99 %s  errors %,d (%.2f%%)", i.startSec() + i.lengthSec(),
                i.rps(), p99, failed, measured == 0 ? 0.0 : 100.0 * failed / measured);
    }
}
