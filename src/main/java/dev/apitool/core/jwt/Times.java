package dev.apitool.core.jwt;

import dev.apitool.core.io.InputException;
import dev.apitool.core.time.Durations;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Parses the times users give for {@code exp}, {@code nbf}, {@code iat} and {@code --at}. */
public final class Times {

    private Times() {}

    /**
     * Returns the instant {@code text} names: a duration from {@code now} ({@code 15m}, {@code +15m},
     * {@code -5m}), epoch seconds after an {@code @} ({@code @1767225600}, as GNU date writes them),
     * an ISO-8601 instant or offset date-time ({@code 2026-12-01T00:00:00Z}), or a date
     * ({@code 2026-12-01}, midnight UTC). A bare number is refused: {@code --exp 15} meant in 15
     * minutes would otherwise be a token that expired in 1970.
     */
    public static Instant parse(String text, Instant now, String flag) {
        String s = text.strip();
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
            throw new InputException(flag + " " + text + ": a bare number has no unit: write " + s + "m (or another "
                    + "duration from now), an absolute time (2026-12-01T10:00:00Z) or @" + s + " for epoch seconds");
        }
        try {
            if (s.length() > 1 && s.charAt(0) == '@' && s.substring(1).chars().allMatch(Character::isDigit)) {
                return Instant.ofEpochSecond(Long.parseLong(s.substring(1)));
            }
            if (s.length() > 10 && s.charAt(4) == '-' && s.indexOf('T') > 0) {
                return OffsetDateTime.parse(s).toInstant();
            }
            if (s.length() == 10 && s.charAt(4) == '-') {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (s.startsWith("-")) {
                return now.minus(Durations.parse(s.substring(1)));
            }
            return now.plus(Durations.parse(s.startsWith("+") ? s.substring(1) : s));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            // DateTimeException also covers times beyond Instant's range (epoch 99999999999999999, 999999999999d)
            throw new InputException(flag + ": invalid time '" + text + "': expected a duration from now (15m, -5m), "
                    + "an ISO-8601 time (2026-12-01T00:00:00Z), a date (2026-12-01) or @EPOCH-SECONDS");
        }
    }
}
