package dev.apitool.core.health;

import dev.apitool.core.expr.Comparison;
import dev.apitool.core.expr.Cursor;
import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Op;
import dev.apitool.core.expr.Value;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses a {@link Condition}: {@code SUBJECT OPERATOR VALUE}.
 * <pre>
 * subject  = "status" | "latency" | "body" | "body" jsonpath | "header." name | "cert.expires"
 * operator = "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "in" | "matches" | "contains"
 * value    = {@link Value#read}: 'text' | "text" | number | duration | true | false | null | [a, b] | a bare word
 * </pre>
 * The shape and its order of errors are {@link Comparison#read}'s; this class is the grammar's words.
 * Types are checked here where the subject fixes them ({@code status} is a number,
 * {@code latency} and {@code cert.expires} durations), so {@code latency < 300} is a syntax
 * error rather than a check that can never pass.
 */
final class ConditionParser implements Comparison.Grammar<ConditionParser.Left, Value> {

    private static final String SUBJECTS = "status, latency, body, body.PATH, header.NAME or cert.expires";
    private static final String OPERATORS = "==, !=, <, <=, >, >=, in, matches or contains";
    private static final ConditionParser GRAMMAR = new ConditionParser();

    /** A condition's subject as read: what it is, and the header name or the path it names. */
    record Left(Condition.Subject subject, String header, JsonPath path) {}

    private ConditionParser() {}

    static Condition parse(String text) {
        String s = text == null ? "" : text;
        Comparison<Left, Value> cmp = Comparison.read(new Cursor(s, 0), GRAMMAR);
        Left left = cmp.subject();
        Op op = cmp.op();
        Value operand = cmp.value();
        int valueAt = cmp.valueAt();
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
        checkTypes(left.subject(), op, operand, cmp.opAt(), valueAt);
        return new Condition(s.strip(), left.subject(), left.header(), left.path(), op, operand, regex);
    }

    @Override
    public Left subject(Cursor c) {
        if (c.atEnd()) {
            throw c.error("empty condition, expected SUBJECT OPERATOR VALUE such as status == 200");
        }
        int subjectAt = c.pos;
        Left left;
        if (c.word("status")) {
            left = new Left(Condition.Subject.STATUS, null, null);
        } else if (c.word("latency")) {
            left = new Left(Condition.Subject.LATENCY, null, null);
        } else if (c.word("cert.expires")) {
            left = new Left(Condition.Subject.CERT_EXPIRES, null, null);
        } else if (c.eat("header.")) {
            int start = c.pos;
            while (!c.atEnd() && "\"(),/:;<=>?@[\\]{} \t!".indexOf(c.peek()) < 0) {
                c.pos++;
            }
            if (c.pos == start) {
                throw c.error("expected a header name after 'header.', such as header.content-type");
            }
            left = new Left(Condition.Subject.HEADER, Condition.lower(c.text.substring(start, c.pos)), null);
        } else if (c.eat("body")) {
            left = c.peek() == '.' || c.peek() == '['
                    ? new Left(Condition.Subject.BODY_PATH, null, JsonPath.parse(c))
                    : new Left(Condition.Subject.BODY, null, null);
        } else {
            throw unknownSubject(c, subjectAt);
        }
        if (!c.atEnd() && !Character.isWhitespace(c.peek()) && "=!<>".indexOf(c.peek()) < 0) {
            c.pos = subjectAt;
            throw unknownSubject(c, subjectAt);
        }
        return left;
    }

    private static ExprSyntaxException unknownSubject(Cursor c, int at) {
        int end = at;
        while (end < c.text.length() && !Character.isWhitespace(c.text.charAt(end)) && "=!<>".indexOf(c.text.charAt(end)) < 0) {
            end++;
        }
        return new ExprSyntaxException("unknown subject '" + c.text.substring(at, end) + "', expected " + SUBJECTS, at);
    }

    @Override
    public Op[] operators() {
        return Op.values();
    }

    @Override
    public ExprSyntaxException noOperator(Cursor c) {
        if (c.peek() == '=') {
            return c.error("'=' is not an operator, expected == (or " + OPERATORS + ")");
        }
        int end = c.pos;
        while (end < c.text.length() && !Character.isWhitespace(c.text.charAt(end))) {
            end++;
        }
        return c.error(c.atEnd() ? "expected an operator: " + OPERATORS
                : "unknown operator '" + c.text.substring(c.pos, end) + "', expected " + OPERATORS);
    }

    @Override
    public Value value(Cursor c, Left subject, int subjectAt, Op op) {
        if (c.atEnd()) {
            throw c.error("expected a value after '" + op.symbol() + "'");
        }
        return Value.read(c);
    }

    @Override
    public ExprSyntaxException trailing(Cursor c) {
        return c.error("unexpected '" + c.text.substring(c.pos) + "' after the value");
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
