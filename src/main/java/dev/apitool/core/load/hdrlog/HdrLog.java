package dev.apitool.core.load.hdrlog;

import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.Measurement;
import java.util.List;

/**
 * One log written by {@code load --hdr-log}, as {@link HdrLogReader} read it: the run's setup and
 * statistics as a {@link Measurement} (histograms summed over the intervals by tag, counts from the
 * summary; the measured span in ns from {@code startMillis}), and the intervals the timeline needs.
 *
 * @param name the file as the user named it
 * @param startMillis the run's start ({@code StartTime}), ms since the epoch
 * @param setup how the run was set up
 * @param stats what it measured
 * @param slices the interval histograms: untagged ones (still compressed) and the error-tagged counts
 */
public record HdrLog(String name, long startMillis, LoadReport.Setup setup, Measurement stats, List<Slice> slices) {

    /**
     * One interval line.
     *
     * @param error whether it is the {@code Tag=error} histogram (else the untagged one)
     * @param startSec its start, seconds from {@code startMillis}
     * @param lengthSec its length in seconds
     * @param count the values it holds
     * @param compressed the untagged histogram as the log holds it (HdrHistogram's compressed encoding), null for an error one
     */
    record Slice(boolean error, double startSec, double lengthSec, long count, byte[] compressed) {}

    /** Returns the measured requests per second of this run alone. */
    double rps() {
        double sec = durationSec();
        return sec == 0 ? 0 : stats.requests() / sec;
    }

    /** Returns this run's measured span in seconds. */
    double durationSec() {
        return stats.spanSec();
    }
}
