package dev.apitool.core.load;

import org.HdrHistogram.Histogram;

/**
 * One second of a run, merged over every event loop: interval {@code index} covers
 * {@code [start + index s, start + (index + 1) s)} of the run's clock (the last one ends when the
 * run does). Latency in µs as in {@link LoadReport}; warm-up requests are in no histogram. The
 * histograms belong to the runner and are reused for the next interval: a listener reads (or
 * copies) them during the call and keeps no reference.
 *
 * @param index 0 for the first second of the run
 * @param startSec the interval's start, seconds from the run's start
 * @param lengthSec its length in seconds: 1, or less for the last one
 * @param all latency of the measured requests that ended in it, from their intended start
 * @param success the same, successes only
 * @param error the same, failures only
 * @param service the uncorrected service time of the same requests
 * @param latencySoFar {@code all} summed over every interval up to and including this one
 * @param counts what happened in this interval
 * @param countsSoFar what happened from the run's start to this interval's end
 */
public record LoadInterval(long index, double startSec, double lengthSec, Histogram all, Histogram success, Histogram error,
        Histogram service, Histogram latencySoFar, Counts counts, Counts countsSoFar) {

    /**
     * Request counts over some span of a run.
     *
     * @param sent requests started, warm-up included
     * @param ended requests that ended (response or failure), warm-up included
     * @param failed measured requests that failed (a transport error, or a status not counted as success)
     * @param errors transport failures of every kind, counted or not against a request
     * @param late open model: requests that could not start on time
     * @param dropped open model: requests never sent
     */
    public record Counts(long sent, long ended, long failed, long errors, long late, long dropped) {

        public static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0);

        public Counts minus(Counts o) {
            return new Counts(sent - o.sent, ended - o.ended, failed - o.failed, errors - o.errors, late - o.late,
                    dropped - o.dropped);
        }
    }

    /** Returns the requests that ended per second in this interval, warm-up included (0 for an empty one). */
    public double rps() {
        return lengthSec <= 0 ? 0 : counts.ended() / lengthSec;
    }
}
