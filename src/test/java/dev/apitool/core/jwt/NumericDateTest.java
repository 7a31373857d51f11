package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumericDateTest {

    private static JsonNode value(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8), "test");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1767225600, 2026-01-01T00:00:00Z",
        "0, 1970-01-01T00:00:00Z",
        "-1, 1969-12-31T23:59:59Z",
        "1767225600.5, 2026-01-01T00:00:00.500Z",
        "1767225600.123456789, 2026-01-01T00:00:00.123456789Z",
        "-0.5, 1969-12-31T23:59:59.500Z",
        "1.7672256E9, 2026-01-01T00:00:00Z"})
    void of_number_givesInstant(String json, String expected) {
        assertThat(NumericDate.of(value(json))).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\"1767225600\"", "true", "null", "[1]", "{}"})
    void of_nonNumber_isNull(String json) {
        assertThat(NumericDate.of(value(json))).isNull();
    }

    @Test
    void of_missing_isNull() {
        assertThat(NumericDate.of(null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99999999999999999", "100000000000000000000", "1e30", "1e999999999"})
    void of_beyondTheLatestInstant_isInstantMaxWithoutHanging(String json) {
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(NumericDate.of(value(json))).isEqualTo(Instant.MAX));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-99999999999999999", "-1e999999999"})
    void of_beforeTheEarliestInstant_isInstantMinWithoutHanging(String json) {
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(NumericDate.of(value(json))).isEqualTo(Instant.MIN));
    }

    @Test
    void of_tinyFraction_isTheEpochWithoutHanging() {
        assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThat(NumericDate.of(value("1e-999999999"))).isEqualTo(Instant.EPOCH));
    }

    @Test
    void relative_aroundNow_readsAsAHumanWould() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(NumericDate.relative(now.plusSeconds(14 * 60), now)).isEqualTo("in 14m");
        assertThat(NumericDate.relative(now.minusSeconds(192), now)).isEqualTo("3m12s ago");
        assertThat(NumericDate.relative(now.plusMillis(300), now)).isEqualTo("now");
    }
}
