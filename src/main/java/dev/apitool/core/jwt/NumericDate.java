package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.time.Durations;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** JWT NumericDate values (RFC 7519 §2): seconds since the epoch, possibly fractional. */
public final class NumericDate {

    private NumericDate() {}

    /** The latest NumericDate a verifier accepts: the end of year 9999. Later ones ({@code 1e32}, {@code 2^63}) never expire in practice. */
    public static final Instant LATEST_SANE = Instant.parse("9999-12-31T23:59:59Z");

    /** Returns whether {@code at} is a NumericDate a token may sensibly carry: from the epoch to {@link #LATEST_SANE}. */
    public static boolean sane(Instant at) {
        return !at.isBefore(Instant.EPOCH) && !at.isAfter(LATEST_SANE);
    }

    private static final BigDecimal LATEST = BigDecimal.valueOf(Instant.MAX.getEpochSecond());
    private static final BigDecimal EARLIEST = BigDecimal.valueOf(Instant.MIN.getEpochSecond());

    /**
     * Returns the instant a NumericDate claim names, or null when {@code node} is not a number.
     * Numbers beyond {@link Instant}'s range (a token may say {@code "exp": 1e400}) give
     * {@link Instant#MAX} or {@link Instant#MIN}; digits finer than a nanosecond are dropped.
     */
    public static Instant of(JsonNode node) {
        if (node == null || !node.isNumber()) {
            return null;
        }
        BigDecimal seconds = node.decimalValue();
        // compareTo decides from the exponents alone; rescaling 1e999999999 would not finish (or would throw)
        if (seconds.compareTo(LATEST) > 0) {
            return Instant.MAX;
        }
        if (seconds.compareTo(EARLIEST) < 0) {
            return Instant.MIN;
        }
        if (seconds.precision() - seconds.scale() <= -9) {
            return Instant.EPOCH; // |seconds| < 1e-9; its scale may be huge, so do not rescale it
        }
        BigDecimal nanos = seconds.setScale(9, RoundingMode.FLOOR);
        BigDecimal floor = nanos.setScale(0, RoundingMode.FLOOR);
        return Instant.ofEpochSecond(floor.longValueExact(), nanos.subtract(floor).movePointRight(9).longValueExact());
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
