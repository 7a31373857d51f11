package dev.apitool.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RatesTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("100/s", 100L, 1_000_000L, "100/s"),
                Arguments.of("6000/m", 6000L, 60_000_000L, "6000/m"),
                Arguments.of("10r/s", 10L, 1_000_000L, "10/s"),
                Arguments.of("1r/m", 1L, 60_000_000L, "1/m"),
                Arguments.of("2/s", 2L, 1_000_000L, "2/s"),
                Arguments.of("5/h", 5L, 3_600_000_000L, "5/h"),
                Arguments.of("500/d", 500L, 86_400_000_000L, "500/d"),
                Arguments.of("0/s", 0L, 1_000_000L, "0/s"),
                Arguments.of(" 100/s ", 100L, 1_000_000L, "100/s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void parse_validText_givesEventsPerPeriod(String text, long amount, long periodMicros, String formatted) {
        Rates.Rate r = Rates.parse(text);
        assertThat(r.amount()).isEqualTo(amount);
        assertThat(r.periodMicros()).isEqualTo(periodMicros);
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("table")
    void format_rate_givesCanonicalTextThatParsesBack(String text, long amount, long periodMicros, String formatted) {
        Rates.Rate r = Rates.parse(text);
        assertThat(Rates.format(r)).isEqualTo(formatted);
        assertThat(Rates.parse(Rates.format(r))).isEqualTo(r);
        assertThat(Rates.parse(Rates.formatNginx(r))).isEqualTo(r);
        assertThat(r).hasToString(formatted);
    }

    @Test
    void formatNginx_rate_usesTheRSpelling() {
        assertThat(Rates.formatNginx(Rates.parse("10/s"))).isEqualTo("10r/s");
        assertThat(Rates.formatNginx(Rates.parse("1/m"))).isEqualTo("1r/m");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "100", "/s", "100/", "100/x", "100/ms", "100/S", "-1/s", "+5/s", "1e3/s", "r/s",
            "10rr/s", "10 /s", "0x10/s", "10/s/s", "ten/s", "1,5/s"})
    void parse_invalidText_isRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> Rates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("e.g.");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.5/s, 30/m", "1.5/m, 90/h", "0.25/h, 6/d", "2.5r/s, 150/m"})
    void parse_fraction_isRefusedSuggestingTheWholeNumberRate(String text, String suggestion) {
        assertThatThrownBy(() -> Rates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("fractions are not accepted, write " + suggestion);
    }

    @Test
    void parse_fractionWithNoWholeEquivalent_isRefused() {
        assertThatThrownBy(() -> Rates.parse("0.1/d"))
                .hasMessageContaining("fractions are not accepted; expected a whole number");
        assertThatThrownBy(() -> Rates.parse("0.0000001/s"))
                .hasMessageContaining("fractions are not accepted");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"1000000000001/s", "99999999999999999999/s"})
    void parse_outOfRange_isRefused(String text) {
        assertThatThrownBy(() -> Rates.parse(text)).hasMessageContaining("out of range");
    }

    @ParameterizedTest(name = "{0} = {1} milli-req/s")
    @CsvSource({"1r/m, 16", "10r/s, 10000", "3r/m, 50", "7r/m, 116", "10/m, 166", "1r/s, 1000", "10, 10000", "60r/m, 1000"})
    void parseNginx_rate_isMilliRequestsPerSecondWithNginxIntegerDivision(String text, long milli) {
        assertThat(Rates.parseNginx(text)).isEqualTo(milli);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"0r/s", "5r/h", "1.5r/s", "r/s", "", "10r/d", "-1"})
    void parseNginx_whatNginxRefuses_isRefused(String text) {
        assertThatThrownBy(() -> Rates.parseNginx(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid nginx rate '" + text + "'");
    }

    @Test
    void nginxMilliPerSecond_otherPeriod_isRefused() {
        assertThatThrownBy(() -> Rates.nginxMilliPerSecond(Rates.parse("5/h"))).hasMessageContaining("only r/s and r/m");
    }

    @Test
    void rate_outsideTheUnitTable_isRefused() {
        assertThatThrownBy(() -> new Rates.Rate(1, 2_000_000)).hasMessageContaining("1s, 1m, 1h or 1d");
        assertThatThrownBy(() -> new Rates.Rate(-1, 1_000_000)).hasMessageContaining("out of range");
    }
}
