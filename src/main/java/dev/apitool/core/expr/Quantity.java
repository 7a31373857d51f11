package dev.apitool.core.expr;

import dev.apitool.core.io.InputException;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Sizes;
import java.math.BigDecimal;

/**
 * A literal value of an expression: a number ({@code 500}, {@code 0.01}), a percentage
 * ({@code 1%}, kept as the fraction 0.01), a duration in {@link Durations}' units ({@code 250ms},
 * kept in µs) or a size in {@link Sizes}' units ({@code 16KiB}, kept in bytes).
 *
 * @param kind what the text was
 * @param value the number, the fraction, µs or bytes
 */
public record Quantity(Kind kind, double value) {

    /** What a quantity's text was. */
    public enum Kind { NUMBER, PERCENT, DURATION, SIZE }

    /**
     * Reads a quantity at the cursor, up to the next space or the end.
     *
     * @throws ExprSyntaxException at the value when it is none of the kinds
     */
    public static Quantity read(Cursor c) {
        int start = c.pos;
        BigDecimal n = c.number();
        if (n == null) {
            throw new ExprSyntaxException("expected a number, a percentage, a duration or a size", start);
        }
        int unitAt = c.pos;
        while (!c.atEnd() && !Character.isWhitespace(c.peek())) {
            c.pos++;
        }
        String unit = c.text.substring(unitAt, c.pos);
        String token = c.text.substring(start, c.pos);
        if (unit.isEmpty()) {
            return new Quantity(Kind.NUMBER, n.doubleValue());
        }
        if (unit.equals("%")) {
            return new Quantity(Kind.PERCENT, n.doubleValue() / 100);
        }
        if (unit.endsWith("B")) {
            try {
                return new Quantity(Kind.SIZE, Sizes.parse(token));
            } catch (InputException e) {
                throw new ExprSyntaxException(e.getMessage(), start); // a size's own message, positioned
            }
        }
        try {
            return new Quantity(Kind.DURATION, Durations.parse(token).toNanos() / 1000.0);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ExprSyntaxException("'" + token + "' is not a number, a percentage (1%), a duration (250ms) or a size (16KiB)", start);
        }
    }
}
