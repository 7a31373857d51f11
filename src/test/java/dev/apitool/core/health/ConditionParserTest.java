package dev.apitool.core.health;

import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Op;
import dev.apitool.core.expr.Value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conditions that do not parse say what is wrong, what was expected, and where. */
class ConditionParserTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("", 0, "empty condition, expected SUBJECT OPERATOR VALUE"),
                Arguments.of("status = 200", 7, "'=' is not an operator, expected =="),
                Arguments.of("stat == 200", 0, "unknown subject 'stat', expected status, latency, body, body.PATH, header.NAME or cert.expires"),
                Arguments.of("statuses == 200", 0, "unknown subject 'statuses'"),
                Arguments.of("status ~ 200", 7, "unknown operator '~', expected ==, !=, <, <=, >, >=, in, matches or contains"),
                Arguments.of("status ==", 9, "expected a value after '=='"),
                Arguments.of("status == \"200\"", 10, "status is a number, expected a number such as 200, found \"200\""),
                Arguments.of("status matches 2..", 7, "status is a number: use ==, !=, <, <=, >, >= or in"),
                Arguments.of("latency < 300", 10, "latency is a duration, expected a duration such as 300ms, found 300"),
                Arguments.of("latency < 3xs", 10, "invalid duration '3xs'"),
                Arguments.of("cert.expires > 14", 15, "cert.expires is a duration, expected a duration such as 14d"),
                Arguments.of("status in 200", 10, "'in' needs a list such as [200, 204]"),
                Arguments.of("status == [200]", 7, "a list can only follow 'in'"),
                Arguments.of("status in [200, 204", 10, "unclosed '[', expected ']'"),
                Arguments.of("status in []", 11, "empty list"),
                Arguments.of("body.status > \"UP\"", 14, "'>' compares numbers or durations, found a string"),
                Arguments.of("body < 3", 5, "body is text: use ==, !=, contains or matches"),
                Arguments.of("body.status == \"UP", 15, "unterminated string, expected a closing \""),
                Arguments.of("body matches \"(ok\"", 17, "bad regular expression: Unclosed group"),
                Arguments.of("body. == 1", 5, "expected a member name after '.'"),
                Arguments.of("body.a[x] == 1", 7, "expected an index, 'name', * or a filter"),
                Arguments.of("body.checks[?(@.name=='db'].status == \"UP\"", 26, "expected ')' to close the filter"),
                Arguments.of("body.checks[?(@.name ~ 'db')].status == 1", 21, "expected == or != in the filter"),
                Arguments.of("body.checks[?(name == 'db')] == 1", 14, "expected '@' (the element) in the filter"),
                Arguments.of("body.checks[0 == 1", 14, "expected ']', found '='"),
                Arguments.of("header. == 1", 7, "expected a header name after 'header.'"),
                Arguments.of("latency in [1s, 2s]", 8, "latency is a duration: use <, <=, >, >=, == or !="));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void parse_invalid_saysWhatAndWhere(String text, int index, String message) {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> Condition.parse(text));

        assertThat(e).as("no error for %s", text).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.index()).as("index of %s in '%s'", e.getMessage(), text).isEqualTo(index);
    }

    @Test
    void parse_keepsTheTextAndReadsEachPart() {
        Condition c = Condition.parse("  body.checks[?(@.name == 'db')].status   ==   \"UP\"  ");

        assertThat(c.text()).isEqualTo("body.checks[?(@.name == 'db')].status   ==   \"UP\"");
        assertThat(c.subject()).isEqualTo(Condition.Subject.BODY_PATH);
        assertThat(c.subjectText()).isEqualTo("body.checks[?(@.name == 'db')].status");
        assertThat(c.op()).isEqualTo(Op.EQ);
        assertThat(c.operand()).isEqualTo(new Value.Str("UP"));
        assertThat(c.path().definite()).isFalse();
    }

    @Test
    void parse_withoutSpaces_readsOperatorsBetweenWords() {
        assertThat(Condition.parse("status==200").operand()).isEqualTo(new Value.Num(new java.math.BigDecimal("200")));
        assertThat(Condition.parse("latency<=300ms").op()).isEqualTo(Op.LE);
        assertThat(Condition.parse("header.x-count>=3").header()).isEqualTo("x-count");
        assertThat(Condition.parse("body.a.b[2]['c d']!=null").path().definite()).isTrue();
    }
}
