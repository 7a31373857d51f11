package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.time.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/** JWT NumericDate values (RFC 7519 §2): seconds since the epoch, possibly fractional. */
public final class NumericDate {

    private NumericDate() {}

    /** Returns the instant a NumericDate claim names, or null when {@code node} is not a number. */
    public static Instant of(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        BigDecimal seconds = node.decimalValue();
        try {
            long whole = seconds.longValueExact();
            return Instant.ofEpochSecond(whole);
        } catch (ArithmeticException fractional) {
            BigDecimal floor = seconds.setScale(0, java.math.RoundingMode.FLOOR);
            long nanos = seconds.subtract(floor).movePointRight(9).longValue();
            return Instant.ofEpochSecond(floor.longValue(), nanos);
        }
    }

    /** Returns "in 14m", "3m12s ago" or "now": where {@code at} lies relative to {@code now}. */
    public static String relative(Instant at, Instant now) {
        Duration d = Duration.between(now, at);
        if (d.abs().compareTo(Duration.ofSeconds(1)) < 0) {
            return "now";
        }
        return d.isNegative() ? Durations.format(d.negated()) + " ago" : "in " + Durations.format(d);
    }
}
