package dev.apitool.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("250ms", Duration.ofMillis(250), "250ms"),
                Arguments.of("15m", Duration.ofMinutes(15), "15m"),
                Arguments.of("2h", Duration.ofHours(2), "2h"),
                Arguments.of("1h30m", Duration.ofMinutes(90), "1h30m"),
                Arguments.of("7d", Duration.ofDays(7), "7d"),
                Arguments.of("3m12s", Duration.ofSeconds(192), "3m12s"),
                Arguments.of("2d5h", Duration.ofHours(53), "2d5h"),
                Arguments.of("1s500ms", Duration.ofMillis(1500), "1s500ms"),
                Arguments.of("90s", Duration.ofSeconds(90), "1m30s"),
                Arguments.of("10us", Duration.ofNanos(10_000), "10us"),
                Arguments.of("5ns", Duration.ofNanos(5), "5ns"),
                Arguments.of("0", Duration.ZERO, "0s"),
                Arguments.of(" 15m ", Duration.ofMinutes(15), "15m"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("table")
    void parse_validText_givesDuration(String text, Duration expected, String formatted) {
        assertThat(Durations.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("table")
    void format_duration_givesCanonicalTextThatParsesBack(String text, Duration d, String expected) {
        assertThat(Durations.format(d)).isEqualTo(expected);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "5", "m", "1m1h", "-1s", "1x", "1.5s", "1h 30m", "ms", "1mm", "1m1m", "+5m"})
    void parse_invalidText_isRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"99999999999999999999s", "999999999999999d", "106752d", "36501d", "36500d1ns", "876001h"})
    void parse_outOfRange_isRefusedWithTheRange(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration '" + text + "' is out of range, expected 0 to 36500d");
    }

    @org.junit.jupiter.api.Test
    void parse_atTheMaximum_isAcceptedAndItsNanosDoNotOverflowAClock() {
        Duration max = Durations.parse("36500d");
        assertThat(max).isEqualTo(Durations.MAX);
        assertThat(Math.addExact(Long.MAX_VALUE / 2, max.toNanos())).isPositive();
        assertThatThrownBy(() -> Durations.parse("2h", Duration.ZERO, Duration.ofHours(1)))
                .hasMessage("duration '2h' is out of range, expected 0 to 1h");
    }

    @org.junit.jupiter.api.Test
    void format_subSecondAboveAMinute_dropsTheFraction() {
        assertThat(Durations.format(Duration.ofSeconds(192).plusMillis(456))).isEqualTo("3m12s");
        assertThat(Durations.format(Duration.ofSeconds(-192))).isEqualTo("-3m12s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
