package dev.apitool.core.time;

import dev.apitool.core.io.InputException;
import java.util.List;
import java.util.Locale;

/**
 * Parses and formats byte sizes such as {@code 512B}, {@code 16KiB}, {@code 64MiB}, {@code 1GiB}
 * (binary units, IEC 80000-13). One unit table serves both directions, as {@link Durations}' does,
 * so a size a user gives and the same size in a report cannot drift apart.
 */
public final class Sizes {

    private record Unit(String symbol, long bytes) {}

    /** Smallest first: {@link #format} picks the largest that fits, {@link #parse} looks symbols up. */
    private static final List<Unit> UNITS = List.of(
            new Unit("B", 1),
            new Unit("KiB", 1L << 10),
            new Unit("MiB", 1L << 20),
            new Unit("GiB", 1L << 30),
            new Unit("TiB", 1L << 40));

    private Sizes() {}

    /**
     * Returns the bytes {@code text} names: an integer and a unit of the table ({@code 16KiB},
     * {@code 1 MiB}); a bare integer is bytes.
     *
     * @throws InputException naming the text and what was expected, or when it is past {@code Long.MAX_VALUE}
     */
    public static long parse(String text) {
        String s = text == null ? "" : text.strip();
        int digits = 0;
        while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
            digits++;
        }
        String symbol = s.substring(digits).strip();
        if (digits == 0) {
            throw invalid(text);
        }
        Unit unit = symbol.isEmpty() ? UNITS.get(0) : UNITS.stream().filter(u -> u.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> invalid(text));
        try {
            return Math.multiplyExact(Long.parseLong(s.substring(0, digits)), unit.bytes());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InputException("size out of range: '" + text + "' (at most 8EiB)");
        }
    }

    /** Returns {@code bytes} as a person reads them: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}, {@code 1.25 GiB}. */
    public static String format(long bytes) {
        if (bytes < UNITS.get(1).bytes()) {
            return bytes + " " + UNITS.get(0).symbol();
        }
        Unit unit = UNITS.get(1);
        for (Unit u : UNITS) {
            if (bytes >= u.bytes()) {
                unit = u;
            }
        }
        String pattern = unit.bytes() >= UNITS.get(3).bytes() ? "%.2f %s" : "%.1f %s";
        return String.format(Locale.US, pattern, (double) bytes / unit.bytes(), unit.symbol());
    }

    private static InputException invalid(String text) {
        return new InputException("invalid size '" + text + "': expected an integer and a unit such as 512B, 16KiB, 64MiB or 1GiB");
    }
}
