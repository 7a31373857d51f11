package dev.apitool.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.apitool.core.load.Threshold;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared pieces of health's conditions and load's thresholds: operators, quantities, positioned errors. */
class ExprTest {

    @ParameterizedTest
    @CsvSource({"<=3, LE", ">=3, GE", "<3, LT", ">3, GT", "==3, EQ", "!=3, NE", "in [1], IN", "matches 'x', MATCHES"})
    void read_longestSymbolFirst(String text, Op expected) {
        Cursor c = new Cursor(text, 0);
        assertThat(Op.read(c, Op.values())).isEqualTo(expected);
        assertThat(c.pos).isEqualTo(expected.symbol().length());
    }

    @Test
    void read_aWordOperatorInsideALongerWord_isNoOperator() {
        Cursor c = new Cursor("inside", 0);
        assertThat(Op.read(c, Op.values())).isNull();
        assertThat(c.pos).isZero();
    }

    @Test
    void holds_followsTheComparison() {
        assertThat(Op.LT.holds(-1)).isTrue();
        assertThat(Op.LT.holds(0)).isFalse();
        assertThat(Op.LE.holds(0)).isTrue();
        assertThat(Op.GE.holds(1)).isTrue();
        assertThat(Op.NE.holds(0)).isFalse();
        assertThat(Op.IN.holds(0)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"500, NUMBER, 500", "1%, PERCENT, 0.01", "250ms, DURATION, 250000", "2s, DURATION, 2000000", "16KiB, SIZE, 16384"})
    void quantity_readsItsKindAndValue(String text, Quantity.Kind kind, double value) {
        Quantity q = Quantity.read(new Cursor(text, 0));
        assertThat(q.kind()).isEqualTo(kind);
        assertThat(q.value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"p99 < 2furlongs", "p99 < fast"})
    void threshold_badValue_isPositionedAtTheValue(String text) {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> Threshold.parse(text));
        assertThat(e.index()).isEqualTo(6);
        assertThat(e.getMessage()).startsWith("invalid threshold '" + text + "': p99 takes a duration");
    }

    @Test
    void threshold_unknownMetric_isPositionedAtTheMetric() {
        ExprSyntaxException e = catchThrowableOfType(ExprSyntaxException.class, () -> Threshold.parse("  p98<1s"));
        assertThat(e.index()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20261203})
    void threshold_randomText_parsesOrFailsWithASyntaxError(long seed) {
        Random random = new Random(seed);
        String alphabet = "p9.<>=! %msuKiB0123456789errorsrpslate\u001b\u00e9";
        for (int i = 0; i < 2000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            try {
                Threshold t = Threshold.parse(text);
                assertThat(t.limit()).as("seed %d: %s", seed, text).isNotNegative();
            } catch (ExprSyntaxException e) {
                assertThat(e.index()).as("seed %d: %s", seed, text).isBetween(0, text.length());
            }
        }
    }

    @Test
    void threshold_valueLeftOver_isRefused() {
        assertThatThrownBy(() -> Threshold.parse("p99<250ms extra")).isInstanceOf(ExprSyntaxException.class)
                .hasMessageContaining("expected METRIC<VALUE");
    }
}
