package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import dev.apitool.core.time.Rates;
import java.util.List;

/**
 * Token bucket: a bucket of {@code capacity} tokens that starts full and refills continuously at
 * {@code rate}; a request takes {@code cost} tokens or is refused (the classic limiter, and the
 * classic of Turner's 1986 "New directions in communications", as in Bucket4j and Guava).
 * {@code token-bucket:capacity=5,rate=2/s[,consume-rejected=true][,name=N]}.
 *
 * <p>Fractional refill is exact, in integers: with {@code g = gcd(amount, period)}, a token is
 * {@code period/g} units and the bucket gains {@code amount/g} units per microsecond, so no
 * rounding ever happens (micro-tokens would lose a fraction at each refill of a rate such as 3/s).
 * State {@code [units, lastMicros]}.
 *
 * <p>2^53 bound: {@code capacity * period/g + amount/g < 2^53}, checked at parse (e.g. 10^6
 * tokens at 10^6/d is 8.64e10). Elapsed time is clamped to the time to refill the bucket before it
 * is multiplied by the refill rate, so no product exceeds that bound.
 */
public final class TokenBucketPolicy extends BasePolicy {

    public static final String ALGORITHM = "token-bucket";
    static final List<String> PARAMETERS = List.of("capacity", "rate", CONSUME_REJECTED, NAME);

    private final long capacity;
    private final long unitsPerToken;
    private final long unitsPerMicro;
    private final long capacityUnits;
    private final boolean consumeRejected;

    /**
     * Returns a token bucket.
     *
     * @param capacity tokens the bucket holds, 1 or more
     * @param rate refill rate, 1 or more per period (as every policy's rate: {@link Params#rate})
     */
    public TokenBucketPolicy(long capacity, Rates.Rate rate, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "capacity=" + capacity, "rate=" + rate),
                quota(capacity, rate));
        if (rate.amount() < 1) {
            throw new IllegalArgumentException("rate '" + rate + "' must be 1 to " + Rates.MAX_AMOUNT + " per unit");
        }
        long g = Arith.gcd(rate.amount(), rate.periodMicros());
        this.capacity = capacity;
        this.unitsPerToken = rate.periodMicros() / g;
        this.unitsPerMicro = rate.amount() / g;
        if (capacity < 1 || !Arith.exact(capacity, unitsPerToken, unitsPerMicro)) {
            throw new IllegalArgumentException("capacity " + capacity + " at rate " + rate
                    + " is out of range: capacity * period / gcd(amount, period) must stay below 2^53");
        }
        this.capacityUnits = capacity * unitsPerToken;
        this.consumeRejected = consumeRejected;
    }

    static TokenBucketPolicy parse(SpecParams p) {
        long capacity = Params.count(p, "capacity", Arith.EXACT - 1);
        Rates.Rate rate = Params.rate(p);
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new TokenBucketPolicy(capacity, rate, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    private static Quota quota(long capacity, Rates.Rate rate) {
        if (rate.amount() == 0) {
            return new Quota(capacity, 0, Quota.REQUESTS); // refused by the constructor
        }
        long g = Arith.gcd(rate.amount(), rate.periodMicros());
        long unitsPerToken = rate.periodMicros() / g;
        if (!Arith.exact(capacity, unitsPerToken, 0)) {
            return new Quota(capacity, 0, Quota.REQUESTS); // refused by the constructor
        }
        return new Quota(capacity, Arith.ceilDiv(capacity * unitsPerToken, rate.amount() / g), Quota.REQUESTS);
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        long units = state == null ? capacityUnits : refilled(state, nowMicros);
        long last = state == null ? nowMicros : Math.max(state[1], nowMicros);
        long need = cost <= capacity ? cost * unitsPerToken : capacityUnits + 1;
        if (need <= units) {
            units -= need;
            return new Transition(Decision.allowed(units / unitsPerToken, resetAfter(units)), pair(units, last));
        }
        long retry = cost > capacity || unitsPerMicro == 0 ? Decision.NEVER : Arith.ceilDiv(need - units, unitsPerMicro);
        if (consumeRejected) {
            units = Math.max(0, units - need);
            return new Transition(Decision.limited(units / unitsPerToken, retry, resetAfter(units)), pair(units, last));
        }
        return new Transition(Decision.limited(units / unitsPerToken, retry, resetAfter(units)), state);
    }

    /** Returns {@code [capacity, unitsPerToken, unitsPerMicro, consumeRejected ? 1 : 0]}. */
    @Override
    public long[] parameters() {
        return new long[] {capacity, unitsPerToken, unitsPerMicro, consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        return refilled(state, nowMicros) == capacityUnits;
    }

    /** Returns the units in the bucket at {@code now}: elapsed time clamped to a full refill, then multiplied. */
    private long refilled(long[] state, long now) {
        long units = state[0];
        long elapsed = now - state[1];
        if (elapsed <= 0 || unitsPerMicro == 0 || units >= capacityUnits) {
            return units;
        }
        long full = Arith.ceilDiv(capacityUnits - units, unitsPerMicro);
        return Math.min(capacityUnits, units + Math.min(elapsed, full) * unitsPerMicro);
    }

    private long resetAfter(long units) {
        if (units >= capacityUnits) {
            return 0;
        }
        return unitsPerMicro == 0 ? Decision.NEVER : Arith.ceilDiv(capacityUnits - units, unitsPerMicro);
    }
}
