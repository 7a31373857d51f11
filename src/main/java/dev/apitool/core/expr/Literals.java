package dev.apitool.core.expr;

import dev.apitool.core.time.Durations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The reader behind {@link Value#read}: typed literals, lists of them, and bare words. */
final class Literals {

    private Literals() {}

    /** Reads a value; at the top level a bare word runs to the end, inside a list to the next ',' or ']'. */
    static Value value(Cursor c, boolean top) {
        char ch = c.peek();
        if (ch == '"' || ch == '\'') {
            return new Value.Str(c.quoted());
        }
        if (ch == '[') {
            return list(c);
        }
        int start = c.pos;
        BigDecimal n = c.number();
        if (n != null) {
            if (!c.atEnd() && Character.isLetter(c.peek())) {
                while (!c.atEnd() && Character.isLetterOrDigit(c.peek())) {
                    c.pos++;
                }
                String token = c.text.substring(start, c.pos);
                try {
                    return new Value.Dur(Durations.parse(token));
                } catch (IllegalArgumentException e) {
                    throw new ExprSyntaxException(e.getMessage(), start);
                }
            }
            if (boundary(c, top)) {
                return new Value.Num(n);
            }
            c.pos = start;
        }
        for (String w : new String[] {"true", "false", "null"}) {
            if (c.eat(w)) {
                if (boundary(c, top)) {
                    return w.equals("null") ? Value.NULL : new Value.Bool(w.equals("true"));
                }
                c.pos = start;
            }
        }
        int end = c.pos;
        while (end < c.text.length() && (top || (c.text.charAt(end) != ',' && c.text.charAt(end) != ']'))) {
            end++;
        }
        String bare = c.text.substring(start, end).strip();
        if (bare.isEmpty()) {
            throw c.error("expected a value: a number, a duration, 'text', true, false, null or [a, b]");
        }
        c.pos = end;
        return new Value.Str(bare);
    }

    private static boolean boundary(Cursor c, boolean top) {
        c.skipSpaces();
        return c.atEnd() || (!top && (c.peek() == ',' || c.peek() == ']'));
    }

    private static Value list(Cursor c) {
        int open = c.pos++;
        List<Value> values = new ArrayList<>();
        c.skipSpaces();
        if (c.peek() == ']') {
            throw c.error("empty list, expected at least one value");
        }
        while (true) {
            c.skipSpaces();
            Value v = value(c, false);
            if (v instanceof Value.Many) {
                throw new ExprSyntaxException("lists do not nest, expected a number, a string or a duration", open);
            }
            values.add(v);
            c.skipSpaces();
            if (c.eat("]")) {
                return new Value.Many(List.copyOf(values));
            }
            if (c.atEnd()) {
                throw new ExprSyntaxException("unclosed '[', expected ']'", open);
            }
            c.expect(',', "',' or ']' in the list");
        }
    }
}
