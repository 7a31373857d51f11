package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import java.util.Arrays;
import java.util.List;

/**
 * Concurrency limit: at most {@code max} units in flight per key (Stripe's "concurrent requests
 * limiter", "Scaling your API with rate limiters", 2017; Envoy's and nginx's limit_conn).
 * {@code concurrency:max=10[,name=N]}.
 *
 * <p>A request admitted with a known run time (a simulation's {@code dur}) frees its slot by
 * itself at {@code now + hold}; one admitted with {@link Limiter#UNTIL_RELEASED} (a live server)
 * holds it until {@link Limiter#release}. It has no {@code consume-rejected} option: a refused
 * request never runs, so it never holds a slot. State {@code [open, end1, c1, end2, c2, ...]}:
 * units held until release, then the timed entries by end time, at most {@code max} of them
 * (capped at {@value #MAX}). Values stay below 2^53 when the clock and holds do.
 */
public final class ConcurrencyPolicy extends BasePolicy {

    public static final String ALGORITHM = "concurrency";
    static final List<String> PARAMETERS = List.of("max", NAME);
    static final long MAX = 1_000_000;

    private final long max;

    /** Returns a concurrency limit of {@code max} units in flight, 1 to {@value #MAX}. */
    public ConcurrencyPolicy(long max, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, false, "max=" + max), new Quota(max, 0, Quota.CONCURRENT_REQUESTS));
        if (max < 1 || max > MAX) {
            throw new IllegalArgumentException("max must be 1 to " + MAX);
        }
        this.max = max;
    }

    static ConcurrencyPolicy parse(SpecParams p) {
        return new ConcurrencyPolicy(Params.count(p, "max", MAX), p.name());
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        long[] s = state == null ? new long[] {0} : state;
        int first = firstRunning(s, nowMicros);
        long inFlight = s[0];
        for (int i = first; i < s.length; i += 2) {
            inFlight += s[i + 1];
        }
        if (cost <= max - inFlight) {
            long[] next = admit(s, first, nowMicros, cost, holdMicros);
            return new Transition(Decision.allowed(max - inFlight - cost, resetAfter(next, nowMicros)), next);
        }
        long retry = cost > max ? Decision.NEVER : retryAfter(s, first, inFlight, cost, nowMicros);
        return new Transition(Decision.limited(max - Math.min(max, inFlight), retry, resetAfter(s, nowMicros)), state);
    }

    @Override
    public long[] release(long[] state, long nowMicros, long cost) {
        if (state == null || state[0] == 0) {
            return state;
        }
        long[] next = Arrays.copyOfRange(state, 0, state.length);
        next[0] = Math.max(0, state[0] - cost);
        return next;
    }

    /** Returns {@code [max]}. */
    @Override
    public long[] parameters() {
        return new long[] {max};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        return state[0] == 0 && firstRunning(state, nowMicros) == state.length;
    }

    /** Returns the index of the first timed entry still running ({@code end > now}). */
    private static int firstRunning(long[] s, long now) {
        int i = 1;
        while (i < s.length && s[i] <= now) {
            i += 2;
        }
        return i;
    }

    /** Returns the state with the ended entries dropped and this request added, by end time. */
    private static long[] admit(long[] s, int first, long now, long cost, long hold) {
        int live = s.length - first;
        if (cost == 0 || hold == 0) {
            long[] next = new long[1 + live];
            next[0] = s[0];
            System.arraycopy(s, first, next, 1, live);
            return next;
        }
        if (hold == Limiter.UNTIL_RELEASED) {
            long[] next = new long[1 + live];
            next[0] = s[0] + cost;
            System.arraycopy(s, first, next, 1, live);
            return next;
        }
        long end = now + hold;
        long[] next = new long[3 + live];
        next[0] = s[0];
        int o = 1;
        int i = first;
        while (i < s.length && s[i] <= end) {
            next[o++] = s[i++];
            next[o++] = s[i++];
        }
        next[o++] = end;
        next[o++] = cost;
        while (i < s.length) {
            next[o++] = s[i++];
        }
        return next;
    }

    /** Returns when enough timed entries have ended for {@code cost} to fit, or never when slots held until release block it. */
    private long retryAfter(long[] s, int first, long inFlight, long cost, long now) {
        long left = inFlight;
        for (int i = first; i < s.length; i += 2) {
            left -= s[i + 1];
            if (cost <= max - left) {
                return s[i] - now;
            }
        }
        return Decision.NEVER;
    }

    /** Returns when the last timed entry ends; 0 when none runs. */
    private static long resetAfter(long[] s, long now) {
        return s.length <= 1 || s[s.length - 2] <= now ? 0 : s[s.length - 2] - now;
    }
}
