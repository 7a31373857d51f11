package dev.apitool.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.fail;

import dev.apitool.core.health.Condition;
import dev.apitool.core.load.Threshold;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The one reader of "subject op value": its parts, their positions, and its errors whatever the text. */
class ComparisonTest {

    /** A minimal language: a subject is a run of letters, digits, '.' and '_'; values are {@link Value#read}'s. */
    static final Comparison.Grammar<String, Value> WORDS = new Comparison.Grammar<>() {
        @Override
        public String subject(Cursor c) {
            int start = c.pos;
            while (!c.atEnd() && (Character.isLetterOrDigit(c.peek()) || c.peek() == '.' || c.peek() == '_')) {
                c.pos++;
            }
            if (c.pos == start) {
                throw c.error("expected a subject");
            }
            return c.text.substring(start, c.pos);
        }

        @Override
        public Op[] operators() {
            return Op.values();
        }

        @Override
        public ExprSyntaxException noOperator(Cursor c) {
            return c.error("expected an operator");
        }

        @Override
        public Value value(Cursor c, String subject, int subjectAt, Op op) {
            if (c.atEnd()) {
                throw c.error("expected a value after " + op.symbol());
            }
            return Value.read(c);
        }

        @Override
        public ExprSyntaxException trailing(Cursor c) {
            return c.error("unexpected text after the value");
        }
    };

    @Test
    void read_spacedParts_returnsEachWithItsPosition() {
        Comparison<String, Value> c = Comparison.read(new Cursor("  a.b_1 <=  [1, 'x']  ", 0), WORDS);

        assertThat(c.subject()).isEqualTo("a.b_1");
        assertThat(c.subjectAt()).isEqualTo(2);
        assertThat(c.op()).isEqualTo(Op.LE);
        assertThat(c.opAt()).isEqualTo(8);
        assertThat(c.value().show()).isEqualTo("[1, \"x\"]");
        assertThat(c.valueAt()).isEqualTo(12);
    }

    @Test
    void read_noSpaces_readsTheLongestOperator() {
        Comparison<String, Value> c = Comparison.read(new Cursor("rps>=500", 0), WORDS);

        assertThat(c.op()).isEqualTo(Op.GE);
        assertThat(c.value()).isEqualTo(new Value.Num(new java.math.BigDecimal("500")));
        assertThat(c.valueAt()).isEqualTo(5);
    }

    @Test
    void read_eachMissingPart_isTheGrammarsErrorAtThatPart() {
        assertThat(error("   ").getMessage()).isEqualTo("expected a subject");
        assertThat(error("   ").index()).isEqualTo(3);
        assertThat(error("a ~ 1").getMessage()).isEqualTo("expected an operator");
        assertThat(error("a ~ 1").index()).isEqualTo(2);
        assertThat(error("a == ").getMessage()).isEqualTo("expected a value after ==");
        assertThat(error("a == ").index()).isEqualTo(5);
        assertThat(error("a == 'x' y").getMessage()).isEqualTo("unexpected text after the value");
        assertThat(error("a == 'x' y").index()).isEqualTo(9);
    }

    @Test
    void show_aHugeExponent_staysShort() {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> Condition.parse("latency < 1e999999999"));

        assertThat(e.getMessage()).isEqualTo("latency is a duration, expected a duration such as 300ms, found 1E+999999999");
        assertThat(new Value.Num(new java.math.BigDecimal("1.5e3")).show()).isEqualTo("1500");
    }

    @Test
    void threshold_aValueLikeABadSize_isThresholdsPositionedError() {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> Threshold.parse("p99 < -1KiB"));

        assertThat(e.getMessage()).isEqualTo("invalid threshold 'p99 < -1KiB': p99 takes a duration such as 250ms, 1s, 800us");
        assertThat(e.index()).isEqualTo(6);
    }

    @Test
    void statusSet_badPart_isASyntaxErrorAtThatPart() {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> StatusSet.parse("2xx, 404,  7xx"));

        assertThat(e.getMessage()).isEqualTo("invalid status set '2xx, 404,  7xx': expected codes 100-599, ranges or classes"
                + " separated by commas, e.g. 200-299,404 or 2xx,3xx");
        assertThat(e.index()).isEqualTo(11);
        assertThat(StatusSet.parse("200-299,404,").contains(404)).isTrue();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).boxed();
    }

    private static final String[] SUBJECTS = {"status", "latency", "body", "body.a[0]", "header.x", "cert.expires", "p99", "p99.9",
        "errors", "rps", "a_b", "", "\u0000", "\u001b[2J", "\uFFFD", "\u00e9t\u00e9", "st\tatus", "9"};
    private static final String[] OPS = {"==", "!=", "<", "<=", ">", ">=", "in", "matches", "contains", "=", "!", "<>", "=<", "~", "", "in[", "\u0007"};
    private static final String[] VALUES = {"200", "-0", "1e999999999", "1e-999999999", "9".repeat(400), "0x1F", "250ms", "1%", "16KiB",
        "-1KiB", "1e999999ms", "'a\\'b'", "\"unclosed", "'", "[1, 2]", "[", "[]", "[[1]]", "[1,", "true", "null", "bare word",
        "\u0000\u0001\u001f", "\uFFFD\uFFFD", "14d", "300xs", ".", "-", "+", "e5", "NaN", "Infinity"};

    /** Every text either reads, with its parts in order inside it, or fails with a syntax error inside it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void read_anyText_readsOrFailsWithASyntaxErrorInsideTheText(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String text = text(random);
            try {
                Comparison<String, Value> c = Comparison.read(new Cursor(text, 0), WORDS);
                assertThat(c.subjectAt()).as("seed %d: %s", seed, text).isLessThan(c.opAt());
                assertThat(c.opAt()).as("seed %d: %s", seed, text).isLessThan(c.valueAt());
                assertThat(c.valueAt()).as("seed %d: %s", seed, text).isLessThan(text.length());
            } catch (ExprSyntaxException e) {
                inside(e, text, seed);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": Comparison.read threw " + e + " on '" + text + "'", e);
            }
            try {
                Condition.parse(text);
            } catch (ExprSyntaxException e) {
                inside(e, text, seed);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": Condition.parse threw " + e + " on '" + text + "'", e);
            }
            try {
                Threshold.parse(text);
            } catch (ExprSyntaxException e) {
                inside(e, text, seed);
            } catch (RuntimeException e) {
                fail("seed " + seed + ": Threshold.parse threw " + e + " on '" + text + "'", e);
            }
        }
    }

    private static void inside(ExprSyntaxException e, String text, long seed) {
        assertThat(e.index()).as("seed %d: %s in '%s'", seed, e.getMessage(), text).isBetween(0, text.length());
        assertThat(e.getMessage().length()).as("seed %d: message bounded by the text", seed).isLessThan(400 + 3 * text.length());
    }

    /** Returns a "subject op value" text from the pieces above, with random spaces, noise and invalid UTF-8 decoded. */
    private static String text(Random random) {
        StringBuilder b = new StringBuilder();
        String[] spaces = {"", " ", "  ", "\t", "\u00a0", "\n"};
        b.append(spaces[random.nextInt(spaces.length)]).append(pick(SUBJECTS, random)).append(spaces[random.nextInt(spaces.length)])
                .append(pick(OPS, random)).append(spaces[random.nextInt(spaces.length)]).append(pick(VALUES, random));
        if (random.nextInt(4) == 0) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            random.nextBytes(bytes);
            b.insert(random.nextInt(b.length() + 1), new String(bytes, StandardCharsets.UTF_8));
        }
        if (random.nextInt(4) == 0) {
            b.append(spaces[random.nextInt(spaces.length)]).append(pick(VALUES, random));
        }
        if (random.nextInt(8) == 0 && b.length() > 0) {
            b.setLength(random.nextInt(b.length()));
        }
        return b.toString();
    }

    private static String pick(String[] pieces, Random random) {
        return pieces[random.nextInt(pieces.length)];
    }

    private static ExprSyntaxException error(String text) {
        return catchThrowableOfType(ExprSyntaxException.class, () -> Comparison.read(new Cursor(text, 0), WORDS));
    }
}
