package dev.apitool.core.health;

import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Op;
import dev.apitool.core.expr.Value;
import dev.apitool.core.redact.Redact;
import java.math.BigDecimal;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One typed check of a response, parsed from text such as {@code status in [200, 204]},
 * {@code latency < 300ms}, {@code body.checks[?(@.name=='db')].status == "UP"},
 * {@code body matches "ok|healthy"}, {@code header.content-type contains json} or
 * {@code cert.expires > 14d} (grammar: {@link ConditionParser}). Values of different types never
 * compare: a number against a string is a failed condition that says so, never a silent pass.
 * A path that selects several values passes only when every one of them does.
 *
 * @param text the condition as written
 * @param subject what is compared
 * @param header the header name for {@link Subject#HEADER}, lower case; else null
 * @param path the JSONPath for {@link Subject#BODY_PATH}; else null
 * @param op the comparison
 * @param operand the right-hand side
 * @param regex the compiled operand of {@code matches}; else null
 */
public record Condition(String text, Subject subject, String header, JsonPath path, Op op, Value operand, Pattern regex) {

    /** What a condition looks at. */
    public enum Subject {
        /** The HTTP status code, a number. */
        STATUS,
        /** The attempt's latency, a duration. */
        LATENCY,
        /** The whole body as text. */
        BODY,
        /** Values in the JSON body. */
        BODY_PATH,
        /** A response header's first value, a string (or a number when compared with one). */
        HEADER,
        /** The time left until the leaf certificate's notAfter, a duration (negative once expired). */
        CERT_EXPIRES
    }

    /**
     * The outcome of one condition.
     *
     * @param condition the condition as written
     * @param passed whether it held
     * @param message why it failed ({@code condition status == 200 failed: was 503}), or null when it passed
     */
    public record Result(String condition, boolean passed, String message) {
        /** The message quotes the response: reports show it redacted and escaped. */
        public Result {
            message = message == null ? null : Redact.shown(message);
        }
    }

    /**
     * Returns the condition {@code text} describes.
     *
     * @throws ExprSyntaxException saying what is wrong, what was expected, and where
     */
    public static Condition parse(String text) {
        return ConditionParser.parse(text);
    }

    /** Returns the subject as written: {@code status}, {@code body.status}, {@code header.content-type}, ... */
    public String subjectText() {
        return switch (subject) {
            case STATUS -> "status";
            case LATENCY -> "latency";
            case BODY -> "body";
            case BODY_PATH -> "body" + path.text();
            case HEADER -> "header." + header;
            case CERT_EXPIRES -> "cert.expires";
        };
    }

    /** Returns whether the subject exists for targets of this kind (status, body and headers need HTTP; cert.expires needs TLS). */
    public boolean appliesTo(Target target) {
        return switch (subject) {
            case STATUS, BODY, BODY_PATH, HEADER -> target.isHttp();
            case LATENCY -> true;
            case CERT_EXPIRES -> target.kind() == Target.Kind.TLS || target.uri().getScheme().equals("https");
        };
    }

    /** Returns whether this condition holds for {@code o}; {@code now} is the wall-clock time certificates are judged at. */
    public Result evaluate(Observation o, Instant now) {
        String failure = failure(o, now);
        if (failure == null) {
            return new Result(text, true, null);
        }
        if (subject == Subject.CERT_EXPIRES && !failure.startsWith("no ")) {
            return new Result(text, false, failure + " (condition " + text + ")");
        }
        return new Result(text, false, "condition " + text + " failed: " + failure);
    }

    private String failure(Observation o, Instant now) {
        switch (subject) {
            case STATUS:
                return o.status() == null ? "no HTTP status" : check(new Value.Num(BigDecimal.valueOf(o.status())));
            case LATENCY:
                return check(new Value.Dur(o.latency()));
            case BODY:
                return check(new Value.Str(o.bodyText()));
            case HEADER: {
                String v = o.headers().first(header);
                return v == null ? "no " + header + " header" : check(headerValue(v));
            }
            case BODY_PATH: {
                if (o.json() == null) {
                    return o.bodyText().isEmpty() ? "body is empty, not JSON" : "body is not JSON";
                }
                List<com.fasterxml.jackson.databind.JsonNode> found = path.select(o.json());
                if (found.isEmpty()) {
                    return subjectText() + " not found";
                }
                for (var n : found) {
                    String f = check(Value.of(n));
                    if (f != null) {
                        return found.size() > 1 ? f + " (one of " + found.size() + " values)" : f;
                    }
                }
                return null;
            }
            case CERT_EXPIRES: {
                if (o.certificates().isEmpty()) {
                    return "no certificate: not a TLS connection";
                }
                X509Certificate leaf = o.certificates().get(0);
                Duration left = Duration.between(now, leaf.getNotAfter().toInstant());
                return check(new Value.Dur(left)) == null ? null : expiry(left);
            }
            default:
                throw new IllegalStateException("unknown subject " + subject);
        }
    }

    /** Returns {@code certificate expires in 3d} or {@code certificate expired 2d ago}. */
    static String expiry(Duration left) {
        if (left.isNegative()) {
            return "certificate expired " + days(left.negated()) + " ago";
        }
        return "certificate expires in " + days(left);
    }

    private static String days(Duration d) {
        return d.toDays() >= 1 ? d.toDays() + "d" : Value.showDuration(d);
    }

    private Value headerValue(String v) {
        if (operand instanceof Value.Num || op.ordering()) {
            try {
                return new Value.Num(new BigDecimal(v.strip()));
            } catch (NumberFormatException e) {
                return new Value.Str(v);
            }
        }
        return new Value.Str(v);
    }

    /** Returns null when {@code actual op operand} holds, else what was seen. */
    private String check(Value actual) {
        return Value.test(actual, op, operand, regex);
    }

    @Override
    public String toString() {
        return text;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
