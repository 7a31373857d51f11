package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("15m", Instant.parse("2026-01-01T12:15:00Z")),
                Arguments.of("+15m", Instant.parse("2026-01-01T12:15:00Z")),
                Arguments.of("-5m", Instant.parse("2026-01-01T11:55:00Z")),
                Arguments.of("1h30m", Instant.parse("2026-01-01T13:30:00Z")),
                Arguments.of("@0", Instant.EPOCH),
                Arguments.of("@1767225600", Instant.parse("2026-01-01T00:00:00Z")),
                Arguments.of("2026-12-01T00:00:00Z", Instant.parse("2026-12-01T00:00:00Z")),
                Arguments.of("2026-12-01T02:00:00+02:00", Instant.parse("2026-12-01T00:00:00Z")),
                Arguments.of("2026-12-01", Instant.parse("2026-12-01T00:00:00Z")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("accepted")
    void parse_acceptedForm_givesInstant(String text, Instant expected) {
        assertThat(Times.parse(text, NOW, "--exp")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "soon", "2026-13-01", "2026-12-01T00:00:00", "5x", "15 m", "1m1h", "@", "@-5", "@15m"})
    void parse_invalid_isInputExceptionNamingFlagAndText(String text) {
        assertThatThrownBy(() -> Times.parse(text, NOW, "--nbf"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--nbf")
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"@99999999999999999", "@9999999999999999999999", "999999999999d"})
    void parse_beyondInstantRange_isInputExceptionNotACrash(String text) {
        assertThatThrownBy(() -> Times.parse(text, NOW, "--exp"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--exp");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"15", "0", "1767225600"})
    void parse_bareNumber_isInputExceptionSuggestingAUnitOrAnAt(String text) {
        assertThatThrownBy(() -> Times.parse(text, NOW, "--exp"))
                .isInstanceOf(InputException.class)
                .hasMessage("--exp " + text + ": a bare number has no unit: write " + text + "m (or another duration from now), "
                        + "an absolute time (2026-12-01T10:00:00Z) or @" + text + " for epoch seconds");
    }
}
