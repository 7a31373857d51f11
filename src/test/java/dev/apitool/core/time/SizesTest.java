package dev.apitool.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SizesTest {

    @ParameterizedTest
    @CsvSource({"0, 0 B", "1023, 1023 B", "1024, 1.0 KiB", "1536, 1.5 KiB", "12582912, 12.0 MiB", "1342177280, 1.25 GiB"})
    void format_picksTheLargestUnitThatFits(long bytes, String text) {
        assertThat(Sizes.format(bytes)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"512, 512", "512B, 512", "16KiB, 16384", "1 MiB, 1048576", "1GiB, 1073741824"})
    void parse_integerAndUnit_isBytes(String text, long bytes) {
        assertThat(Sizes.parse(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "KiB", "1kb", "1.5MiB", "-1B", "9999999999TiB", "99999999999999999999"})
    void parse_malformedOrOutOfRange_isAnInputError(String text) {
        assertThatThrownBy(() -> Sizes.parse(text)).isInstanceOf(InputException.class).hasMessageContaining(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 20260301})
    void formatOfAWholeUnit_parsesBack(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            long n = random.nextInt(1000) + 1;
            for (String unit : new String[] {"KiB", "MiB", "GiB"}) {
                long bytes = Sizes.parse(n + unit);
                String shown = Sizes.format(bytes).replace(" ", "");
                String whole = shown.replaceAll("\\.0+(?=[A-Za-z])", "");
                assertThat(Sizes.parse(whole.contains(".") ? n + unit : whole)).as("seed %d: %s", seed, shown).isEqualTo(bytes);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"850, 850us", "12340, 12.34ms", "1500000, 1.50s"})
    void durationsFormatMicros_usesTheUnitsParseReads(double us, String text) {
        assertThat(Durations.formatMicros(us)).isEqualTo(text);
        String unit = text.replaceAll("[0-9.]", "");
        assertThat(Durations.parse("1" + unit)).isIn(Duration.ofNanos(1000), Duration.ofMillis(1), Duration.ofSeconds(1));
    }
}
