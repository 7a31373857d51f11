package dev.apitool.core.health;

import dev.apitool.core.expr.Cursor;
import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Op;
import dev.apitool.core.expr.Value;
import dev.apitool.core.time.Durations;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a {@link Condition}: {@code SUBJECT OPERATOR VALUE}.
 * <pre>
 * subject  = "status" | "latency" | "body" | "body" jsonpath | "header." name | "cert.expires"
 * operator = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "matches" | "contains"
 * value    = 'text' | "text" | number | duration (300ms, 14d) | true | false | null
 *          | "[" value ("," value)* "]" | a bare word (the rest of the text, a string)
 * </pre>
 * Types are checked here where the subject fixes them ({@code status} is a number,
 * {@code latency} and {@code cert.expires} durations), so {@code latency < 300} is a syntax
 * error rather than a check that can never pass.
 */
final class ConditionParser {

    private static final String SUBJECTS = "status, latency, body, body.PATH, header.NAME or cert.expires";
    private static final String OPERATORS = "==, !=, <, <=, >, >=, in, matches or contains";

    private ConditionParser() {}

    static Condition parse(String text) {
        String s = text == null ? "" : text;
        Cursor c = new Cursor(s, 0);
        c.skipSpaces();
        if (c.atEnd()) {
            throw c.error("empty condition, expected SUBJECT OPERATOR VALUE such as status == 200");
        }
        int subjectAt = c.pos;
        Condition.Subject subject;
        String header = null;
        JsonPath path = null;
        if (c.word("status")) {
            subject = Condition.Subject.STATUS;
        } else if (c.word("latency")) {
            subject = Condition.Subject.LATENCY;
        } else if (c.word("cert.expires")) {
            subject = Condition.Subject.CERT_EXPIRES;
        } else if (c.eat("header.")) {
            int start = c.pos;
            while (!c.atEnd() && "\"(),/:;<=>?@[\\]{} \t!".indexOf(c.peek()) < 0) {
                c.pos++;
            }
            if (c.pos == start) {
                throw c.error("expected a header name after 'header.', such as header.content-type");
            }
            header = Condition.lower(s.substring(start, c.pos));
            subject = Condition.Subject.HEADER;
        } else if (c.eat("body")) {
            if (c.peek() == '.' || c.peek() == '[') {
                path = JsonPath.parse(c);
                subject = Condition.Subject.BODY_PATH;
            } else {
                subject = Condition.Subject.BODY;
            }
        } else {
            throw unknownSubject(c, subjectAt);
        }
        if (!c.atEnd() && !Character.isWhitespace(c.peek()) && "=!<>".indexOf(c.peek()) < 0) {
            c.pos = subjectAt;
            throw unknownSubject(c, subjectAt);
        }
        c.skipSpaces();
        int opAt = c.pos;
        Op op = operator(c);
        c.skipSpaces();
        if (c.atEnd()) {
            throw c.error("expected a value after '" + op.symbol() + "'");
        }
        int valueAt = c.pos;
        Value operand = value(c, true);
        c.skipSpaces();
        if (!c.atEnd()) {
            throw c.error("unexpected '" + s.substring(c.pos) + "' after the value");
        }
        Pattern regex = null;
        if (op == Op.MATCHES) {
            if (!(operand instanceof Value.Str str)) {
                throw new ExprSyntaxException("matches needs a regular expression in quotes, found "
                        + operand.typeName(), valueAt);
            }
            try {
                regex = Pattern.compile(str.value());
            } catch (PatternSyntaxException e) {
                int quote = s.charAt(valueAt) == '"' || s.charAt(valueAt) == '\'' ? 1 : 0;
                throw new ExprSyntaxException("bad regular expression: " + e.getDescription()
                        + ", expected a Java regex such as \"ok|healthy\"", valueAt + quote + Math.max(0, e.getIndex()));
            }
        }
        checkTypes(subject, op, operand, opAt, valueAt);
        return new Condition(s.strip(), subject, header, path, op, operand, regex);
    }

    private static ExprSyntaxException unknownSubject(Cursor c, int at) {
        int end = at;
        while (end < c.text.length() && !Character.isWhitespace(c.text.charAt(end)) && "=!<>".indexOf(c.text.charAt(end)) < 0) {
            end++;
        }
        return new ExprSyntaxException("unknown subject '" + c.text.substring(at, end) + "', expected " + SUBJECTS, at);
    }

    private static Op operator(Cursor c) {
        Op found = Op.read(c, Op.values());
        if (found != null) {
            return found;
        }
        if (c.peek() == '=') {
            throw c.error("'=' is not an operator, expected == (or " + OPERATORS + ")");
        }
        int end = c.pos;
        while (end < c.text.length() && !Character.isWhitespace(c.text.charAt(end))) {
            end++;
        }
        throw c.error(c.atEnd() ? "expected an operator: " + OPERATORS
                : "unknown operator '" + c.text.substring(c.pos, end) + "', expected " + OPERATORS);
    }

    /** Reads a value; at the top level a bare word runs to the end, inside a list to the next ',' or ']'. */
    private static Value value(Cursor c, boolean top) {
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

    private static void checkTypes(Condition.Subject subject, Op op, Value operand, int opAt, int valueAt) {
        boolean list = operand instanceof Value.Many;
        if (op == Op.IN && !list) {
            throw new ExprSyntaxException("'in' needs a list such as [200, 204]", valueAt);
        }
        if (op != Op.IN && list) {
            throw new ExprSyntaxException("a list can only follow 'in', found '" + op.symbol() + "'", opAt);
        }
        if (op.ordering() && !(operand instanceof Value.Num) && !(operand instanceof Value.Dur)) {
            throw new ExprSyntaxException("'" + op.symbol() + "' compares numbers or durations, found " + operand.typeName(), valueAt);
        }
        if (op == Op.CONTAINS && (operand instanceof Value.Dur)) {
            throw new ExprSyntaxException("contains needs text, found a duration", valueAt);
        }
        List<Value> values = list ? ((Value.Many) operand).values() : List.of(operand);
        switch (subject) {
            case STATUS -> {
                if (op == Op.MATCHES || op == Op.CONTAINS) {
                    throw new ExprSyntaxException("status is a number: use ==, !=, <, <=, >, >= or in", opAt);
                }
                requireAll(values, Value.Num.class, "status is a number, expected a number such as 200", valueAt);
            }
            case LATENCY, CERT_EXPIRES -> {
                if (op == Op.IN || op == Op.MATCHES || op == Op.CONTAINS) {
                    throw new ExprSyntaxException((subject == Condition.Subject.LATENCY ? "latency" : "cert.expires")
                            + " is a duration: use <, <=, >, >=, == or !=", opAt);
                }
                requireAll(values, Value.Dur.class, (subject == Condition.Subject.LATENCY ? "latency" : "cert.expires")
                        + " is a duration, expected a duration such as " + (subject == Condition.Subject.LATENCY ? "300ms" : "14d"), valueAt);
            }
            case BODY -> {
                if (op != Op.EQ && op != Op.NE && op != Op.MATCHES && op != Op.CONTAINS) {
                    throw new ExprSyntaxException("body is text: use ==, !=, contains or matches (body.PATH for JSON values)", opAt);
                }
            }
            default -> { }
        }
    }

    private static void requireAll(List<Value> values, Class<? extends Value> type, String message, int at) {
        for (Value v : values) {
            if (!type.isInstance(v)) {
                throw new ExprSyntaxException(message + ", found " + v.show(), at);
            }
        }
    }
}
