package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.time.Durations;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import java.util.List;

/**
 * Fixed window counter: at most {@code limit} units per window of {@code window}, the counter
 * starting again at each window (the INCR-and-EXPIRE counter of the Redis rate-limiting pattern).
 * {@code fixed-window:limit=100,window=1m[,align=epoch|first][,consume-rejected=true][,name=N]}.
 *
 * <p>{@code align=epoch} (the default) puts windows at multiples of the window on the caller's
 * clock (on a Unix-epoch clock, {@code 1m} windows start on the minute): every instance of a
 * gateway agrees on the boundaries without sharing a start time, and it is what most
 * implementations do. {@code align=first} starts a key's window at its first request, and the
 * next one at its first request after that window ends. Either way a client can get
 * {@code 2 * limit} through around a boundary; the sliding policies close that gap.
 *
 * <p>State {@code [windowStartMicros, count]}; count never exceeds the limit, and the window start
 * is at most the clock, so every value stays below 2^53 when the clock does.
 */
public final class FixedWindowPolicy extends BasePolicy {

    public static final String ALGORITHM = "fixed-window";
    static final List<String> PARAMETERS = List.of("limit", "window", "align", CONSUME_REJECTED, NAME);
    static final List<String> ALIGNMENTS = List.of("epoch", "first");

    private final long limit;
    private final long window;
    private final boolean epoch;
    private final boolean consumeRejected;

    /**
     * Returns a fixed window counter.
     *
     * @param limit units per window, 1 or more
     * @param windowMicros the window, more than 0 microseconds
     * @param epoch true to align windows to multiples of the window, false to the first request
     */
    public FixedWindowPolicy(long limit, long windowMicros, boolean epoch, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "limit=" + limit,
                "window=" + Durations.formatExact(windowMicros), epoch ? "" : "align=first"),
                new Quota(limit, windowMicros, Quota.REQUESTS));
        if (limit < 1 || limit >= Arith.EXACT || windowMicros < 1 || windowMicros >= Arith.EXACT) {
            throw new IllegalArgumentException("limit and window must be 1 or more, below 2^53");
        }
        this.limit = limit;
        this.window = windowMicros;
        this.epoch = epoch;
        this.consumeRejected = consumeRejected;
    }

    static FixedWindowPolicy parse(SpecParams p) {
        long limit = Params.count(p, "limit", Arith.EXACT - 1);
        long window = Params.windowMicros(p);
        boolean epoch = p.choice("align", ALIGNMENTS).equals("epoch");
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new FixedWindowPolicy(limit, window, epoch, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        long start;
        long count;
        if (state != null && nowMicros < state[0] + window) {
            // the current window (or a clock that went back into it: the stored window stays)
            start = state[0];
            count = state[1];
        } else {
            start = epoch ? Math.floorDiv(nowMicros, window) * window : nowMicros;
            count = 0;
        }
        long reset = Math.max(0, start + window - nowMicros);
        if (cost <= limit - count) {
            count += cost;
            return new Transition(Decision.allowed(limit - count, reset), pair(start, count));
        }
        long retry = cost > limit ? Decision.NEVER : reset;
        if (consumeRejected) {
            return new Transition(Decision.limited(0, retry, reset), pair(start, limit));
        }
        return new Transition(Decision.limited(limit - count, retry, reset), state);
    }

    /** Returns {@code [limit, windowMicros, epoch ? 1 : 0, consumeRejected ? 1 : 0]}. */
    @Override
    public long[] parameters() {
        return new long[] {limit, window, epoch ? 1 : 0, consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        return nowMicros >= state[0] + window;
    }
}
