package dev.apitool.core.load.report;

import dev.apitool.core.load.LoadInterval;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.hdrlog.LogMerge;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A run's latency over time, one point a second, and its whole percentile distribution: what the
 * HTML report draws. Filled as a {@link LoadListener} during a run, or by {@link LogMerge} from
 * logs; each point's figures come from that second's histogram merged over every loop (and
 * machine), and the distribution is the sum of those histograms, so it is the report's.
 */
public final class LoadTimeline implements LoadListener {

    /**
     * One second of the run; latency in µs from the intended start, 0 when no request ended.
     *
     * @param startSec seconds from the run's start (from the earliest log's start when merged)
     * @param lengthSec the second's length: 1, or less for the last one
     * @param requests measured requests that ended in it
     * @param failed the failed ones among them
     */
    public record Point(double startSec, double lengthSec, long requests, long failed, long p50, long p90, long p99, long max) {

        /** Returns the measured requests per second (0 for an empty interval). */
        public double rps() {
            return lengthSec <= 0 ? 0 : requests / lengthSec;
        }
    }

    private final List<Point> points = new ArrayList<>();
    private final Histogram distribution = Measurement.histogram();

    @Override
    public void interval(LoadInterval i) {
        add(i.startSec(), i.lengthSec(), i.all(), i.error().getTotalCount());
    }

    /** Adds the second starting at {@code startSec} whose measured latencies are {@code all}, {@code failed} of them failures. */
    public void add(double startSec, double lengthSec, Histogram all, long failed) {
        long n = all.getTotalCount();
        points.add(n == 0 ? new Point(startSec, lengthSec, 0, failed, 0, 0, 0, 0)
                : new Point(startSec, lengthSec, n, failed, all.getValueAtPercentile(50), all.getValueAtPercentile(90),
                        all.getValueAtPercentile(99), all.getMaxValue()));
        distribution.add(all);
    }

    /** Returns the points in time order. */
    public List<Point> points() {
        return Collections.unmodifiableList(points);
    }

    /** Returns every measured latency of the run (µs): the sum of the points' histograms. Not to be changed. */
    public Histogram distribution() {
        return distribution;
    }
}
