package dev.apitool.core.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.json.Json;
import dev.apitool.core.time.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A typed value on either side of a comparison (health's conditions): a number, a string, a
 * boolean, null, a duration, a list (operands of {@code in}), or a JSON object or array from a
 * body. Values of different types never compare equal and never order: {@link #test} fails and
 * says why.
 */
public sealed interface Value {

    /** A number, exact. */
    record Num(BigDecimal value) implements Value {}

    /** A string. */
    record Str(String value) implements Value {}

    /** true or false. */
    record Bool(boolean value) implements Value {}

    /** JSON null (or YAML's). */
    record Null() implements Value {}

    /** A duration: a latency, a time to certificate expiry, or an operand such as {@code 300ms}. */
    record Dur(Duration value) implements Value {}

    /** A list of operands, {@code [200, 204]}. */
    record Many(List<Value> values) implements Value {}

    /** A JSON object or array taken from a body. */
    record Structure(JsonNode node) implements Value {}

    Null NULL = new Null();

    /**
     * Reads a literal value at the cursor, which runs to the end of the text:
     * <pre>
     * value = 'text' | "text" | number | duration (300ms, 14d) | true | false | null
     *       | "[" value ("," value)* "]" | a bare word (the rest of the text, a string)
     * </pre>
     * Inside a list a bare word runs to the next ',' or ']'; lists do not nest.
     *
     * @throws ExprSyntaxException at the part that is wrong
     */
    static Value read(Cursor c) {
        return Literals.value(c, true);
    }

    /** Returns the value of a JSON node. */
    static Value of(JsonNode n) {
        if (n.isNumber()) {
            return new Num(n.decimalValue());
        }
        if (n.isTextual()) {
            return new Str(n.textValue());
        }
        if (n.isBoolean()) {
            return new Bool(n.booleanValue());
        }
        if (n.isNull() || n.isMissingNode()) {
            return NULL;
        }
        return new Structure(n);
    }

    /** Returns "a number", "a string", ...: this value's type, for messages. */
    default String typeName() {
        if (this instanceof Num) {
            return "a number";
        }
        if (this instanceof Str) {
            return "a string";
        }
        if (this instanceof Bool) {
            return "a boolean";
        }
        if (this instanceof Null) {
            return "null";
        }
        if (this instanceof Dur) {
            return "a duration";
        }
        if (this instanceof Many) {
            return "a list";
        }
        return ((Structure) this).node().isArray() ? "an array" : "an object";
    }

    /** Returns whether this value and {@code other} are of the same type (so they may compare). */
    default boolean sameType(Value other) {
        return getClass() == other.getClass();
    }

    /**
     * Returns this value as written in a condition or a message: strings quoted, durations such as
     * {@code 412ms}, numbers plain unless their exponent is past 40 ({@code 1E+50}).
     */
    default String show() {
        if (this instanceof Num n) {
            BigDecimal v = n.value();
            return Math.abs((long) v.scale()) > 40 ? v.toString() : v.toPlainString(); // 1e999999999 is 1E+999999999, not a billion digits
        }
        if (this instanceof Str s) {
            String text = s.value().length() > 80 ? s.value().substring(0, 77) + "..." : s.value();
            return Json.compact(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        }
        if (this instanceof Bool b) {
            return Boolean.toString(b.value());
        }
        if (this instanceof Null) {
            return "null";
        }
        if (this instanceof Dur d) {
            return showDuration(d.value());
        }
        if (this instanceof Many m) {
            return m.values().stream().map(Value::show).collect(Collectors.joining(", ", "[", "]"));
        }
        String json = Json.compact(((Structure) this).node());
        return json.length() > 80 ? json.substring(0, 77) + "..." : json;
    }

    /** Returns {@code d} to the millisecond once it is at least one ({@code 412ms}, {@code 3d2h}), finer below. */
    static String showDuration(Duration d) {
        Duration abs = d.abs();
        if (abs.compareTo(Duration.ofMillis(1)) >= 0) {
            long ms = Math.round(abs.toNanos() / 1e6);
            abs = Duration.ofMillis(ms);
        }
        return (d.isNegative() ? "-" : "") + Durations.format(abs);
    }

    /** Returns the values of JSON nodes. */
    static List<Value> of(List<JsonNode> nodes) {
        List<Value> out = new ArrayList<>(nodes.size());
        nodes.forEach(n -> out.add(of(n)));
        return out;
    }

    /**
     * Returns null when {@code actual op operand} holds, else what was seen ({@code was 503}, or
     * {@code was "x", a string, not a number} when the types cannot compare). {@code regex} is the
     * compiled operand of {@link Op#MATCHES}; {@link Op#IN} takes a {@link Many}.
     */
    static String test(Value actual, Op op, Value operand, java.util.regex.Pattern regex) {
        switch (op) {
            case EQ, NE -> {
                if (!(actual instanceof Null) && !(operand instanceof Null) && !actual.sameType(operand)) {
                    return mismatch(actual, operand.typeName());
                }
                return same(actual, operand) == (op == Op.EQ) ? null : "was " + actual.show();
            }
            case LT, LE, GT, GE -> {
                if (!actual.sameType(operand)) {
                    return mismatch(actual, operand.typeName());
                }
                int cmp = actual instanceof Num a
                        ? a.value().compareTo(((Num) operand).value())
                        : ((Dur) actual).value().compareTo(((Dur) operand).value());
                return op.holds(cmp) ? null : "was " + actual.show();
            }
            case IN -> {
                List<Value> options = ((Many) operand).values();
                if (options.stream().anyMatch(v -> same(actual, v))) {
                    return null;
                }
                if (options.stream().noneMatch(v -> v.sameType(actual))) {
                    return mismatch(actual, options.get(0).typeName());
                }
                return "was " + actual.show();
            }
            case MATCHES -> {
                if (!(actual instanceof Str s)) {
                    return mismatch(actual, "a string");
                }
                return regex.matcher(s.value()).find() ? null : "was " + actual.show();
            }
            case CONTAINS -> {
                if (actual instanceof Str s) {
                    return s.value().contains(operand instanceof Str o ? o.value() : operand.show()) ? null : "was " + actual.show();
                }
                if (actual instanceof Structure st && st.node().isArray()) {
                    for (JsonNode e : st.node()) {
                        if (same(of(e), operand)) {
                            return null;
                        }
                    }
                    return "was " + actual.show();
                }
                return mismatch(actual, "a string or an array");
            }
            default -> throw new IllegalStateException("unknown operator " + op);
        }
    }

    private static String mismatch(Value actual, String expectedType) {
        return "was " + actual.show() + ", " + actual.typeName() + ", not " + expectedType;
    }

    /** Returns whether two values are equal: same type and same value (numbers by value: 200 equals 200.0). */
    static boolean same(Value a, Value b) {
        if (a instanceof Num x && b instanceof Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof Structure x && b instanceof Structure y) {
            return x.node().equals(y.node());
        }
        return a.equals(b);
    }
}
