package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.time.Durations;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import java.util.List;

/**
 * Sliding window counter: fixed windows aligned to the clock, the previous window's count weighted
 * by the share of it the sliding window still covers, {@code prev * (window - elapsed) / window +
 * current + cost <= limit} (Cloudflare, "How we built rate limiting capable of scaling to millions
 * of domains", 2017). {@code sliding-window:limit=100,window=1m[,consume-rejected=true][,name=N]}.
 *
 * <p>The comparison is made exactly in integers, multiplied out:
 * {@code prev * (window - elapsed) <= (limit - current - cost) * window}. State
 * {@code [windowStartMicros, current, previous]}. It is an approximation of the true sliding
 * window: it assumes the previous window's requests were spread evenly, so a client can get up to
 * {@code 2 * limit} through in one window's span, though never more than {@code limit} in one fixed window.
 *
 * <p>2^53 bound: {@code limit * window(µs) < 2^53}, checked at parse (e.g. 100 000 per day,
 * 1 000 000 per 2 h); counts never exceed the limit, so no product exceeds it.
 */
public final class SlidingWindowPolicy extends BasePolicy {

    public static final String ALGORITHM = "sliding-window";
    static final List<String> PARAMETERS = List.of("limit", "window", CONSUME_REJECTED, NAME);

    private final long limit;
    private final long window;
    private final boolean consumeRejected;

    /**
     * Returns a sliding window counter.
     *
     * @param limit units per window, 1 or more
     * @param windowMicros the window, more than 0 microseconds; {@code limit * window < 2^53}
     */
    public SlidingWindowPolicy(long limit, long windowMicros, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "limit=" + limit,
                "window=" + Durations.formatExact(windowMicros)), new Quota(limit, windowMicros, Quota.REQUESTS));
        if (limit < 1 || windowMicros < 1 || !Arith.exact(limit, windowMicros, 0)) {
            throw new IllegalArgumentException("limit " + limit + " per window " + Durations.formatExact(windowMicros)
                    + " is out of range: limit * window in microseconds must stay below 2^53");
        }
        this.limit = limit;
        this.window = windowMicros;
        this.consumeRejected = consumeRejected;
    }

    static SlidingWindowPolicy parse(SpecParams p) {
        long limit = Params.count(p, "limit", Arith.EXACT - 1);
        long window = Params.windowMicros(p);
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new SlidingWindowPolicy(limit, window, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        long[] w = windowAt(state, nowMicros);
        long start = w[0];
        long current = w[1];
        long previous = w[2];
        long elapsed = Math.max(0, nowMicros - start);
        long weight = window - elapsed;
        long room = limit - current - cost;
        if (cost <= limit && room >= 0 && previous * weight <= room * window) {
            current += cost;
            return new Transition(Decision.allowed(remaining(current, previous, weight),
                    resetAfter(current, previous, elapsed)), new long[] {start, current, previous});
        }
        long retry = cost > limit ? Decision.NEVER : retryAfter(current, previous, elapsed, cost);
        if (consumeRejected) {
            current = Math.min(limit, current + Math.min(cost, limit));
            return new Transition(Decision.limited(remaining(current, previous, weight), retry,
                    resetAfter(current, previous, elapsed)), new long[] {start, current, previous});
        }
        return new Transition(Decision.limited(remaining(current, previous, weight), retry,
                resetAfter(current, previous, elapsed)), state);
    }

    /** Returns {@code [limit, windowMicros, consumeRejected ? 1 : 0]}. */
    @Override
    public long[] parameters() {
        return new long[] {limit, window, consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        long[] w = windowAt(state, nowMicros);
        return w[1] == 0 && w[2] == 0;
    }

    /** Returns {@code [start, current, previous]} at {@code now}: the stored window rolled forward. */
    private long[] windowAt(long[] state, long now) {
        long start = Math.floorDiv(now, window) * window;
        if (state == null) {
            return new long[] {start, 0, 0};
        }
        if (state[0] >= start) {
            return state; // the same window, or a clock that went back: the stored window stays
        }
        if (state[0] == start - window) {
            return new long[] {start, 0, state[1]};
        }
        return new long[] {start, 0, 0};
    }

    /** Returns floor(limit - current - prev * weight / window), 0 or more. */
    private long remaining(long current, long previous, long weight) {
        long free = (limit - current) * window - previous * weight;
        return free <= 0 ? 0 : free / window;
    }

    /**
     * Returns when the weighted count leaves room for {@code cost}: later in this window once
     * {@code elapsed >= window - floor(room * window / prev)}, else in the next window with the
     * current count as the previous one.
     */
    private long retryAfter(long current, long previous, long elapsed, long cost) {
        long room = limit - current - cost;
        if (room >= 0 && previous > 0) {
            long at = window - room * window / previous;
            if (at < window) {
                return at - elapsed;
            }
        }
        // next window: previous' = current, current' = 0
        long toNext = window - elapsed;
        long nextRoom = limit - cost;
        if (current == 0) {
            return toNext;
        }
        long at = window - nextRoom * window / current;
        return at < window ? toNext + at : toNext + window;
    }

    /** Returns when the weighted count reaches zero: the end of the next window, or of this one. */
    private long resetAfter(long current, long previous, long elapsed) {
        if (current > 0) {
            return 2 * window - elapsed;
        }
        return previous > 0 ? window - elapsed : 0;
    }
}
