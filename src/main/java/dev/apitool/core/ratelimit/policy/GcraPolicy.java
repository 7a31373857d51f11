package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import dev.apitool.core.time.Rates;
import java.util.List;

/**
 * GCRA, the generic cell rate algorithm (ITU-T I.371, ATM Forum TM 4.0), the leaky bucket as a
 * meter, with the semantics of redis-cell's {@code CL.THROTTLE key max_burst count period}: limit
 * {@code burst + 1}, emission interval {@code T = period / count}, delay variation tolerance
 * {@code τ = T * (burst + 1)}. {@code gcra:rate=10/s,burst=5[,consume-rejected=true][,name=N]}.
 *
 * <p>redis-cell (src/cell/mod.rs), whose steps the code below follows:
 * <pre>
 *   tat      = stored TAT, or now
 *   new_tat  = max(tat, now) + T * quantity
 *   allow_at = new_tat - τ
 *   if now - allow_at &lt; 0: limited; retry_after = -(now - allow_at) if T * quantity &lt;= τ; ttl = tat - now
 *   else:                   store new_tat; ttl = new_tat - now
 *   remaining   = (τ - ttl) / T  (when τ - ttl &gt; -T)
 *   reset_after = ttl
 * </pre>
 * The comparison here is exact, where redis-cell's Rust source tests {@code diff.num_seconds() < 0},
 * which truncates toward zero and so lets a request through up to a second early.
 *
 * <p>Time is kept exact in integers: with {@code g = gcd(count, period)}, one request is
 * {@code T = period/g} units and the meter drains {@code count/g} units per microsecond. State
 * {@code [ahead, lastMicros]} where {@code ahead = (tat - last)} in units. 2^53 bound:
 * {@code 2τ + count/g < 2^53}, checked at parse; elapsed time is clamped to the time {@code ahead}
 * takes to drain before it is multiplied.
 */
public final class GcraPolicy extends BasePolicy {

    public static final String ALGORITHM = "gcra";
    static final List<String> PARAMETERS = List.of("rate", "burst", CONSUME_REJECTED, NAME);

    private final long limit;
    private final long interval;
    private final long drainPerMicro;
    private final long tolerance;
    private final boolean consumeRejected;

    /**
     * Returns a GCRA limiter.
     *
     * @param rate the sustained rate, 1 or more per period
     * @param burst requests allowed beyond one at once, 0 or more (redis-cell's max_burst)
     */
    public GcraPolicy(Rates.Rate rate, long burst, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "rate=" + rate, "burst=" + burst),
                quota(rate, burst));
        if (rate.amount() < 1 || burst < 0) {
            throw new IllegalArgumentException("rate must be 1 or more per period and burst 0 or more");
        }
        long g = Arith.gcd(rate.amount(), rate.periodMicros());
        this.limit = burst + 1;
        this.interval = rate.periodMicros() / g;
        this.drainPerMicro = rate.amount() / g;
        if (!Arith.exact(2 * limit, interval, drainPerMicro) || limit > Arith.EXACT / 2) {
            throw new IllegalArgumentException("burst " + burst + " at rate " + rate
                    + " is out of range: 2 * (burst + 1) * period / gcd(count, period) must stay below 2^53");
        }
        this.tolerance = limit * interval;
        this.consumeRejected = consumeRejected;
    }

    static GcraPolicy parse(SpecParams p) {
        Rates.Rate rate = Params.rate(p);
        long burst = Params.burst(p);
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new GcraPolicy(rate, burst, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    private static Quota quota(Rates.Rate rate, long burst) {
        if (rate.amount() < 1 || burst < 0) {
            return new Quota(1, 0, Quota.REQUESTS); // refused by the constructor
        }
        long g = Arith.gcd(rate.amount(), rate.periodMicros());
        long interval = rate.periodMicros() / g;
        if (!Arith.exact(burst + 1, interval, 0)) {
            return new Quota(burst + 1, 0, Quota.REQUESTS); // refused by the constructor
        }
        return new Quota(burst + 1, Arith.ceilDiv((burst + 1) * interval, rate.amount() / g), Quota.REQUESTS);
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        // tat = stored TAT, or now; max(tat, now): what is still ahead of now, in units
        long ahead = state == null ? 0 : drained(state, nowMicros);
        long last = state == null ? nowMicros : Math.max(state[1], nowMicros);
        if (cost > limit) {
            // increment > τ: never admitted (redis-cell leaves retry_after at -1)
            long[] next = consumeRejected ? pair(tolerance, last) : state;
            long kept = consumeRejected ? tolerance : ahead;
            return new Transition(Decision.limited(remaining(kept), Decision.NEVER, resetAfter(kept)), next);
        }
        // new_tat = max(tat, now) + T * quantity
        long newAhead = ahead + cost * interval;
        // allow_at = new_tat - τ; blocked when now - allow_at < 0, that is new_tat - now > τ
        if (newAhead > tolerance) {
            long retry = Arith.ceilDiv(newAhead - tolerance, drainPerMicro);
            if (consumeRejected) {
                return new Transition(Decision.limited(0, retry, resetAfter(tolerance)), pair(tolerance, last));
            }
            // ttl = tat - now
            return new Transition(Decision.limited(remaining(ahead), retry, resetAfter(ahead)), state);
        }
        // ttl = new_tat - now
        return new Transition(Decision.allowed(remaining(newAhead), resetAfter(newAhead)), pair(newAhead, last));
    }

    /** Returns {@code [limit, interval, drainPerMicro, consumeRejected ? 1 : 0]}. */
    @Override
    public long[] parameters() {
        return new long[] {limit, interval, drainPerMicro, consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        return drained(state, nowMicros) == 0;
    }

    /** Returns {@code max(tat, now) - now} in units: the stored lead less what drained since, never below zero. */
    private long drained(long[] state, long now) {
        long ahead = state[0];
        long elapsed = now - state[1];
        if (elapsed <= 0 || ahead == 0) {
            return ahead;
        }
        long full = Arith.ceilDiv(ahead, drainPerMicro);
        return elapsed >= full ? 0 : ahead - elapsed * drainPerMicro;
    }

    /** remaining = (τ - ttl) / T, truncated, when τ - ttl > -T. */
    private long remaining(long ttl) {
        return ttl >= tolerance ? 0 : (tolerance - ttl) / interval;
    }

    private long resetAfter(long ttl) {
        return Arith.ceilDiv(ttl, drainPerMicro);
    }
}
