package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.time.Durations;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import java.util.Arrays;
import java.util.List;

/**
 * Sliding window log: the time and cost of every admitted request in the last {@code window} is
 * kept, and a request passes when the logged costs plus its own stay within {@code limit} (the
 * exact sliding window; Redis sorted-set implementations, e.g. "Better Rate Limiting With Redis
 * Sorted Sets", ClassDojo 2015). {@code sliding-log:limit=100,window=1m[,consume-rejected=true][,name=N]}.
 *
 * <p>An entry at {@code t} counts while {@code now - t < window}. State
 * {@code [t1, c1, t2, c2, ...]}, oldest first, requests of the same microsecond merged: at most
 * {@code limit} entries, so memory and the time of a decision grow with the limit, which is capped
 * at {@value #MAX_LIMIT}. Values stay below 2^53 when the clock does.
 */
public final class SlidingLogPolicy extends BasePolicy {

    public static final String ALGORITHM = "sliding-log";
    static final List<String> PARAMETERS = List.of("limit", "window", CONSUME_REJECTED, NAME);
    static final long MAX_LIMIT = 100_000;

    private final long limit;
    private final long window;
    private final boolean consumeRejected;

    /**
     * Returns a sliding window log.
     *
     * @param limit units in any window, 1 to {@value #MAX_LIMIT}
     * @param windowMicros the window, more than 0 microseconds
     */
    public SlidingLogPolicy(long limit, long windowMicros, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "limit=" + limit,
                "window=" + Durations.formatExact(windowMicros)), new Quota(limit, windowMicros, Quota.REQUESTS));
        if (limit < 1 || limit > MAX_LIMIT || windowMicros < 1 || windowMicros >= Arith.EXACT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and window more than 0");
        }
        this.limit = limit;
        this.window = windowMicros;
        this.consumeRejected = consumeRejected;
    }

    static SlidingLogPolicy parse(SpecParams p) {
        long limit = Params.count(p, "limit", MAX_LIMIT);
        long window = Params.windowMicros(p);
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new SlidingLogPolicy(limit, window, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        long[] log = state == null ? new long[0] : state;
        int first = firstLive(log, nowMicros);
        long sum = 0;
        for (int i = first; i < log.length; i += 2) {
            sum += log[i + 1];
        }
        if (cost <= limit - sum) {
            long[] next = append(log, first, nowMicros, cost);
            return new Transition(Decision.allowed(limit - sum - cost, resetAfter(next, nowMicros)), next);
        }
        long retry = cost > limit ? Decision.NEVER : retryAfter(log, first, sum, cost, nowMicros);
        if (consumeRejected && sum < limit) {
            long[] next = append(log, first, nowMicros, limit - sum);
            return new Transition(Decision.limited(0, retry, resetAfter(next, nowMicros)), next);
        }
        return new Transition(Decision.limited(limit - Math.min(limit, sum), retry, resetAfter(log, nowMicros)), state);
    }

    /** Returns {@code [limit, windowMicros, consumeRejected ? 1 : 0]}. */
    @Override
    public long[] parameters() {
        return new long[] {limit, window, consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        return firstLive(state, nowMicros) == state.length;
    }

    /** Returns the index of the oldest entry still in the window ({@code now - t < window}). */
    private int firstLive(long[] log, long now) {
        int i = 0;
        while (i < log.length && now - log[i] >= window) {
            i += 2;
        }
        return i;
    }

    /** Returns the live entries with {@code (now, cost)} added (merged into the newest if it is at the same time). */
    private static long[] append(long[] log, int first, long now, long cost) {
        if (cost == 0) {
            return first == 0 ? log : Arrays.copyOfRange(log, first, log.length);
        }
        if (log.length > first && log[log.length - 2] == now) {
            long[] next = Arrays.copyOfRange(log, first, log.length);
            next[next.length - 1] += cost;
            return next;
        }
        long[] next = Arrays.copyOfRange(log, first, log.length + 2);
        next[next.length - 2] = now;
        next[next.length - 1] = cost;
        return next;
    }

    /** Returns when enough of the oldest entries have left the window for {@code cost} to fit. */
    private long retryAfter(long[] log, int first, long sum, long cost, long now) {
        long left = sum;
        for (int i = first; i < log.length; i += 2) {
            left -= log[i + 1];
            if (cost <= limit - left) {
                return log[i] + window - now;
            }
        }
        return Decision.NEVER; // not reached: cost <= limit once every entry has left
    }

    /** Returns when the log is empty: the newest entry's time plus the window. */
    private long resetAfter(long[] log, long now) {
        return log.length == 0 ? 0 : Math.max(0, log[log.length - 2] + window - now);
    }
}
