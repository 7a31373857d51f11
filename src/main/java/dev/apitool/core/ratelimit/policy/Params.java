package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.time.Rates;

/**
 * The check of each kind of policy parameter, one function per kind, shared by every policy: a value
 * one algorithm refuses is refused by all of them, with the same message and range (a rate of
 * {@code 0/s} was a fixed allowance in {@code token-bucket} and an error in {@code gcra}). Each
 * message states the range, e.g. {@code rate '0/s' must be 1 to 1000000000000 per unit}. What
 * depends on the algorithm (the 2^53 bound on a product of two parameters, the sliding log's
 * memory) is checked by the policy after these, and says so.
 */
final class Params {

    /** The largest {@code burst} or {@code delay}, in requests. */
    static final long MAX_BURST = 1_000_000_000L;

    private Params() {}

    /** Returns the required {@code rate}: 1 to {@link Rates#MAX_AMOUNT} per second, minute, hour or day. */
    static Rates.Rate rate(SpecParams p) {
        return p.rate("rate", 1);
    }

    /** Returns the required {@code rate} in nginx's spelling ({@code 10r/s}): 1 or more per second or minute. */
    static Rates.Rate nginxRate(SpecParams p) {
        return p.nginxRate("rate", 1);
    }

    /** Returns {@code burst}, requests allowed at once beyond the rate: 0 to {@link #MAX_BURST}, 0 when absent. */
    static long burst(SpecParams p) {
        return p.whole("burst", 0L, 0, MAX_BURST);
    }

    /** Returns nginx's {@code delay}, requests admitted without delay: 0 to {@link #MAX_BURST}, 0 when absent. */
    static long delay(SpecParams p) {
        return p.whole("delay", 0L, 0, MAX_BURST);
    }

    /**
     * Returns the required count {@code key} ({@code capacity}, {@code limit}, {@code max}): requests,
     * 1 to {@code max}, the algorithm's own bound.
     */
    static long count(SpecParams p, String key, long max) {
        return p.whole(key, null, 1, max);
    }

    /** Returns the required {@code window} in whole microseconds: more than zero, below 142 years. */
    static long windowMicros(SpecParams p) {
        return p.durationMicros("window");
    }
}
