package dev.apitool.core.time;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Parses and formats rates such as {@code 100/s}, {@code 6000/m}, {@code 2/h}, {@code 500/d}, and
 * nginx's spelling {@code 10r/s}, {@code 1r/m}. A rate is kept as integers, events per period, so
 * nothing is lost to floating point; one unit table serves both {@link #parse} and
 * {@link #format}, as in {@link Durations} (wrk's units.c).
 *
 * <p>Fractions are refused everywhere, with the exact whole-number spelling suggested where there
 * is one ({@code 0.5/s} is {@code 30/m}). nginx's own arithmetic is kept apart, in
 * {@link #nginxMilliPerSecond(Rate)} and {@link #parseNginx(String)}.
 */
public final class Rates {

    /** Largest amount accepted: keeps {@code amount * period} products exact in a double (2^53). */
    public static final long MAX_AMOUNT = 1_000_000_000_000L;

    /**
     * A rate of {@code amount} events per {@code periodMicros} microseconds.
     *
     * @param amount events per period, 0 to {@link #MAX_AMOUNT}
     * @param periodMicros the period, one of the unit table's: 1 s, 1 min, 1 h or 1 day in microseconds
     */
    public record Rate(long amount, long periodMicros) {
        public Rate {
            if (amount < 0 || amount > MAX_AMOUNT) {
                throw new IllegalArgumentException("rate amount out of range: " + amount);
            }
            if (unitOf(periodMicros) == null) {
                throw new IllegalArgumentException("rate period must be 1s, 1m, 1h or 1d, not " + periodMicros + "us");
            }
        }

        /** Returns the rate as {@link Rates#format} writes it, e.g. {@code 100/s}. */
        @Override
        public String toString() {
            return format(this);
        }
    }

    private record Unit(String symbol, long micros) {}

    /** The one table both directions read. */
    private static final List<Unit> UNITS = List.of(
            new Unit("s", 1_000_000L),
            new Unit("m", 60_000_000L),
            new Unit("h", 3_600_000_000L),
            new Unit("d", 86_400_000_000L));

    private Rates() {}

    /**
     * Returns the rate {@code text} names: a whole number, an optional {@code r} (nginx's
     * spelling), a slash and a unit {@code s}, {@code m}, {@code h} or {@code d}: {@code 100/s},
     * {@code 10r/s}, {@code 6000/m}. Zero is accepted here; a policy that needs a positive rate says so.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Rate parse(String text) {
        String s = text == null ? "" : text.strip();
        int slash = s.indexOf('/');
        if (slash <= 0 || slash == s.length() - 1) {
            throw invalid(text);
        }
        String number = s.substring(0, slash);
        if (number.endsWith("r")) {
            number = number.substring(0, number.length() - 1);
        }
        Unit unit = unitNamed(s.substring(slash + 1));
        if (unit == null || number.isEmpty()) {
            throw invalid(text);
        }
        if (!number.chars().allMatch(Character::isDigit)) {
            throw fractionOrInvalid(text, number, unit);
        }
        long amount;
        try {
            amount = Long.parseLong(number);
        } catch (NumberFormatException e) {
            amount = -1;
        }
        if (amount < 0 || amount > MAX_AMOUNT) {
            throw new IllegalArgumentException("rate out of range: '" + text + "' (at most " + MAX_AMOUNT + " per unit)");
        }
        return new Rate(amount, unit.micros());
    }

    /** Returns {@code rate} in the spelling {@link #parse} reads, e.g. {@code 100/s}. */
    public static String format(Rate rate) {
        return rate.amount() + "/" + unitOf(rate.periodMicros()).symbol();
    }

    /** Returns {@code rate} in nginx's spelling, e.g. {@code 10r/s}, which {@link #parse} reads back. */
    public static String formatNginx(Rate rate) {
        return rate.amount() + "r/" + unitOf(rate.periodMicros()).symbol();
    }

    /**
     * Returns the rate as nginx stores it: milli-requests per second with nginx's integer division,
     * {@code rate * 1000 / scale} (ngx_http_limit_req_zone), so {@code 1r/m} is 16, not 16.67.
     *
     * @throws IllegalArgumentException when the period is not a second or a minute, the only ones
     *     nginx knows, or the amount is zero
     */
    public static long nginxMilliPerSecond(Rate rate) {
        long scale;
        if (rate.periodMicros() == 1_000_000L) {
            scale = 1;
        } else if (rate.periodMicros() == 60_000_000L) {
            scale = 60;
        } else {
            throw new IllegalArgumentException("nginx rate '" + format(rate) + "': nginx knows only r/s and r/m");
        }
        if (rate.amount() <= 0) {
            throw new IllegalArgumentException("nginx rate '" + format(rate) + "': must be 1 or more");
        }
        return rate.amount() * 1000 / scale;
    }

    /**
     * Returns the milli-requests per second nginx's {@code limit_req_zone rate=} would store for
     * {@code text}, read as nginx reads it: {@code Nr/s}, {@code Nr/m}, or a bare {@code N} (taken
     * as {@code Nr/s}, as nginx does); our own {@code N/s} and {@code N/m} are accepted too.
     *
     * @throws IllegalArgumentException naming the text and what nginx accepts
     */
    public static long parseNginx(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            s = s + "r/s";
        }
        Rate rate;
        try {
            rate = parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid nginx rate '" + text
                    + "': expected a whole number of requests per second or minute, e.g. 10r/s, 1r/m");
        }
        try {
            return nginxMilliPerSecond(rate);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid nginx rate '" + text
                    + "': expected 1 or more requests per second or minute, e.g. 10r/s, 1r/m (nginx knows no other unit)");
        }
    }

    private static Unit unitNamed(String symbol) {
        for (Unit u : UNITS) {
            if (u.symbol().equals(symbol)) {
                return u;
            }
        }
        return null;
    }

    private static Unit unitOf(long micros) {
        for (Unit u : UNITS) {
            if (u.micros() == micros) {
                return u;
            }
        }
        return null;
    }

    /** A decimal such as 0.5/s is refused, suggesting the exact whole-number rate if a larger unit gives one. */
    private static IllegalArgumentException fractionOrInvalid(String text, String number, Unit unit) {
        if (!number.matches("[0-9]+\\.[0-9]+")) {
            return invalid(text);
        }
        BigDecimal value = new BigDecimal(number);
        for (Unit bigger : UNITS) {
            if (bigger.micros() <= unit.micros()) {
                continue;
            }
            BigDecimal scaled = value.multiply(BigDecimal.valueOf(bigger.micros() / unit.micros()));
            if (scaled.stripTrailingZeros().scale() <= 0
                    && scaled.toBigInteger().compareTo(BigInteger.valueOf(MAX_AMOUNT)) <= 0) {
                return new IllegalArgumentException("invalid rate '" + text + "': fractions are not accepted, write "
                        + scaled.toBigInteger() + "/" + bigger.symbol());
            }
        }
        return new IllegalArgumentException("invalid rate '" + text
                + "': fractions are not accepted; expected a whole number per s, m, h or d, e.g. 100/s, 6000/m");
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid rate '" + text
                + "': expected a whole number, a slash and a unit (s, m, h, d), e.g. 100/s, 6000/m, 10r/s");
    }
}
