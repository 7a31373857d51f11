package dev.apitool.core.ratelimit.sim;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.traffic.Request;
import java.util.List;

/**
 * What one policy did to the traffic: counts by outcome, the longest run of consecutive
 * rejections, the first rejection, the admitted rate, the keys refused most, and a timeline.
 */
public final class PolicyStats {

    private final String policy;
    private final TopKeys offenders;
    private final Timeline timeline = new Timeline();
    private long allowed;
    private long delayed;
    private long limited;
    private long totalDelayMicros;
    private long run;
    private long longestRun;
    private long firstLimitedMicros = -1;
    private long lastMicros;

    PolicyStats(String policy, int trackedKeys) {
        this.policy = policy;
        this.offenders = new TopKeys(trackedKeys);
    }

    void record(Request r, Decision d) {
        lastMicros = r.atMicros();
        timeline.add(r.atMicros(), d.admitted());
        if (d.outcome() == Outcome.LIMITED) {
            limited++;
            longestRun = Math.max(longestRun, ++run);
            if (firstLimitedMicros < 0) {
                firstLimitedMicros = r.atMicros();
            }
            offenders.add(r.key());
            return;
        }
        run = 0;
        if (d.outcome() == Outcome.DELAYED) {
            delayed++;
            totalDelayMicros += d.delayMicros();
        } else {
            allowed++;
        }
    }

    /** Returns the policy string. */
    public String policy() {
        return policy;
    }

    public long total() {
        return allowed + delayed + limited;
    }

    /** Returns requests served at once. */
    public long allowed() {
        return allowed;
    }

    /** Returns requests served after a delay. */
    public long delayed() {
        return delayed;
    }

    public long limited() {
        return limited;
    }

    /** Returns the share of requests served (allowed or delayed), 0 to 1; 1 with no requests. */
    public double admittedRatio() {
        return total() == 0 ? 1 : (double) (allowed + delayed) / total();
    }

    /** Returns the mean delay of delayed requests in microseconds, 0 when none was delayed. */
    public long meanDelayMicros() {
        return delayed == 0 ? 0 : totalDelayMicros / delayed;
    }

    /** Returns the most rejections in a row. */
    public long longestLimitedRun() {
        return longestRun;
    }

    /** Returns when the first request was limited, in microseconds from the start, or -1. */
    public long firstLimitedMicros() {
        return firstLimitedMicros;
    }

    /** Returns admitted requests per second over the span from 0 to the last request (all of them when the span is 0). */
    public double admittedPerSecond() {
        return lastMicros == 0 ? allowed + delayed : (allowed + delayed) * 1_000_000.0 / lastMicros;
    }

    /** Returns the keys limited most, most first. */
    public List<TopKeys.Entry> topOffenders(int n) {
        return offenders.top(n);
    }

    public Timeline timeline() {
        return timeline;
    }
}
