package dev.apitool.core.time;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Parses and formats durations such as {@code 250ms}, {@code 15m}, {@code 2h}, {@code 7d} and
 * compounds such as {@code 1h30m}. One unit table serves both directions, so a duration given on
 * the command line and the same duration printed in a report cannot drift apart (wrk's units.c).
 */
public final class Durations {

    private record Unit(String symbol, Duration size) {}

    /** Largest first: {@link #format} walks it in this order and {@link #parse} looks symbols up in it. */
    private static final List<Unit> UNITS = List.of(
            new Unit("d", Duration.ofDays(1)),
            new Unit("h", Duration.ofHours(1)),
            new Unit("m", Duration.ofMinutes(1)),
            new Unit("s", Duration.ofSeconds(1)),
            new Unit("ms", Duration.ofMillis(1)),
            new Unit("us", Duration.ofNanos(1000)),
            new Unit("ns", Duration.ofNanos(1)));

    /**
     * The longest duration any flag or file may give: 100 years (36500d). Longer ones would
     * overflow a count of nanoseconds (292 years) once added to a clock reading.
     */
    public static final Duration MAX = Duration.ofDays(36500);

    private Durations() {}

    /**
     * Returns the duration {@code text} names ({@link #parse(String)}) if it is within
     * {@code min} to {@code max}.
     *
     * @throws IllegalArgumentException naming the text and the range
     */
    public static Duration parse(String text, Duration min, Duration max) {
        Duration d;
        try {
            d = parse(text);
        } catch (OutOfRange e) {
            throw new IllegalArgumentException(outOfRange(text, min, max), e); // the caller's range, not the global cap
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(outOfRange(text, min, max));
        }
        return d;
    }

    /** Returns the message for {@code text} outside {@code min} to {@code max}: {@code '99d' is out of range, expected 1ms to 1h}. */
    public static String outOfRange(String text, Duration min, Duration max) {
        return "duration '" + text + "' is out of range, expected " + formatExact(min.toNanos() / 1000) + " to "
                + formatExact(max.toNanos() / 1000);
    }

    /**
     * Returns the duration that {@code text} names: one or more {@code <integer><unit>} parts with
     * units d, h, m, s, ms, us, ns, largest first ({@code 1h30m}); a bare {@code 0} is zero. At
     * most {@link #MAX}.
     *
     * @throws IllegalArgumentException naming the text and what was expected
     */
    public static Duration parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        int i = 0;
        int lastRank = -1;
        while (i < s.length()) {
            int digits = i;
            while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
                digits++;
            }
            int end = digits;
            while (end < s.length() && Character.isLetter(s.charAt(end))) {
                end++;
            }
            if (digits == i || end == digits) {
                throw invalid(text);
            }
            int rank = rank(s.substring(digits, end));
            if (rank < 0 || rank <= lastRank) {
                throw invalid(text);
            }
            lastRank = rank;
            try {
                long n = Long.parseLong(s.substring(i, digits));
                total = total.plus(UNITS.get(rank).size().multipliedBy(n));
            } catch (NumberFormatException | ArithmeticException e) {
                throw new OutOfRange(text);
            }
            if (total.compareTo(MAX) > 0) {
                throw new OutOfRange(text);
            }
            i = end;
        }
        return total;
    }

    /**
     * Returns {@code d} in the units of {@link #parse}, the two largest non-zero parts only and no
     * finer than seconds once it reaches a minute (a human reading, such as {@code 3m12s} or {@code 2d5h}).
     */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        if (d.isZero()) {
            return "0s";
        }
        boolean coarse = d.compareTo(Duration.ofMinutes(1)) >= 0;
        StringBuilder out = new StringBuilder();
        Duration rest = d;
        int parts = 0;
        for (Unit unit : UNITS) {
            if (coarse && unit.size().compareTo(Duration.ofSeconds(1)) < 0) {
                break;
            }
            long n = rest.dividedBy(unit.size());
            if (n > 0) {
                out.append(n).append(unit.symbol());
                rest = rest.minus(unit.size().multipliedBy(n));
                if (++parts == 2) {
                    break;
                }
            } else if (parts > 0) {
                break;
            }
        }
        return out.length() == 0 ? "0s" : out.toString();
    }

    /** Returns {@code micros} exactly, every non-zero unit down to microseconds: {@code 1h30m15s}; {@code 0} for zero. */
    public static String formatExact(long micros) {
        StringBuilder out = new StringBuilder();
        long rest = micros;
        for (Unit unit : UNITS) {
            long size = unit.size().toNanos() / 1000;
            if (size == 0) {
                break;
            }
            if (rest >= size) {
                out.append(rest / size).append(unit.symbol());
                rest %= size;
            }
        }
        return out.length() == 0 ? "0" : out.toString();
    }

    private static int rank(String symbol) {
        for (int r = 0; r < UNITS.size(); r++) {
            if (UNITS.get(r).symbol().equals(symbol)) {
                return r;
            }
        }
        return -1;
    }

    /** A duration past {@link #MAX}: refused with the global range, or by {@link #parse(String, Duration, Duration)} with its own. */
    private static final class OutOfRange extends IllegalArgumentException {
        OutOfRange(String text) {
            super(outOfRange(text, Duration.ZERO, MAX));
        }
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid duration '" + text
                + "': expected a number and a unit (d, h, m, s, ms, us, ns), e.g. 250ms, 15m, 1h30m");
    }

    /**
     * Returns {@code us} microseconds as a person reads a latency, in the table's units from
     * microseconds to seconds: {@code 850us}, {@code 12.34ms}, {@code 1.50s}.
     */
    public static String formatMicros(double us) {
        Unit ms = UNITS.get(4);
        Unit s = UNITS.get(3);
        double msMicros = ms.size().toNanos() / 1000.0;
        double sMicros = s.size().toNanos() / 1000.0;
        if (us < msMicros) {
            return String.format(Locale.US, "%.0f%s", us, UNITS.get(5).symbol());
        }
        if (us < sMicros) {
            return String.format(Locale.US, "%.2f%s", us / msMicros, ms.symbol());
        }
        return String.format(Locale.US, "%.2f%s", us / sMicros, s.symbol());
    }
}
