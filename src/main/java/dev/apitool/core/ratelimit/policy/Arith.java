package dev.apitool.core.ratelimit.policy;

/**
 * Integer arithmetic shared by the policies, kept to what a Lua 5.1 port (doubles) computes
 * exactly: every operand and result below {@link #EXACT} = 2^53, divisions of non-negative values
 * only, so that {@code math.floor(a / b)} (with the one-step correction the Lua side applies)
 * equals Java's {@code a / b}.
 */
final class Arith {

    /** 2^53: integers below it are exact in a double. */
    static final long EXACT = 1L << 53;

    private Arith() {}

    /** Returns ceil(a / b) for a >= 0, b > 0. */
    static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : (a - 1) / b + 1;
    }

    /** Returns the greatest common divisor of a >= 0 and b > 0. */
    static long gcd(long a, long b) {
        while (a != 0) {
            long t = b % a;
            b = a;
            a = t;
        }
        return b;
    }

    /** Returns whether a * b + c stays below 2^53, for a, b, c >= 0, without overflowing. */
    static boolean exact(long a, long b, long c) {
        if (a != 0 && b > (EXACT - 1 - c) / a) {
            return false;
        }
        return a * b + c < EXACT;
    }
}
