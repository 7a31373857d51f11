package dev.apitool.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdempotencyKeyTest {

    @Test
    void parse_quotedAndBare_giveTheKey() {
        assertThat(IdempotencyKey.parse("\"8e03978e-40d5-43e8\"", 255).key()).isEqualTo("8e03978e-40d5-43e8");
        assertThat(IdempotencyKey.parse("8e03978e-40d5-43e8", 255).key()).isEqualTo("8e03978e-40d5-43e8");
        assertThat(IdempotencyKey.parse("\"a \\\"b\\\" \\\\c\"", 255).key()).isEqualTo("a \"b\" \\c");
        assertThat(IdempotencyKey.parse("  k1 ", 255).key()).isEqualTo("k1");
    }

    @Test
    void parse_badValues_sayWhy() {
        assertThat(IdempotencyKey.parse("", 255).problem()).contains("empty");
        assertThat(IdempotencyKey.parse("\"\"", 255).problem()).contains("empty string");
        assertThat(IdempotencyKey.parse("\"abc", 255).problem()).contains("no closing quote");
        assertThat(IdempotencyKey.parse("\"a\\nb\"", 255).problem()).contains("bad escape");
        assertThat(IdempotencyKey.parse("\"abc\";x=1", 255).problem()).contains("after its closing quote");
        assertThat(IdempotencyKey.parse("a b", 255).problem()).contains("visible ASCII");
        assertThat(IdempotencyKey.parse("x".repeat(256), 255).problem()).contains("longer than 255");
        assertThat(IdempotencyKey.parse("\"" + "x".repeat(256) + "\"", 255).problem()).contains("longer than 255");
        assertThat(IdempotencyKey.parse("x".repeat(255), 255).ok()).isTrue();
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 200).map(i -> 0x1de0L * 7919 + i).boxed();
    }

    /** Random strings: never an exception; an accepted key quotes back to itself; no key longer than the limit. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void parse_randomInput_neverThrows_andQuoteRoundTrips(long seed) {
        Random r = new Random(seed);
        String alphabet = "ab\"\\ ;=\t\u00e9\u0000-_.";
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(20);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextInt(3) == 0 ? alphabet.charAt(r.nextInt(alphabet.length())) : (char) (0x21 + r.nextInt(94)));
        }
        String value = sb.toString();
        IdempotencyKey.Parsed p = IdempotencyKey.parse(value, 12);
        assertThat(p.ok()).as("seed %d, value %s", seed, value).isNotEqualTo(p.problem() != null);
        if (p.ok()) {
            assertThat(p.key().length()).as("seed %d", seed).isBetween(1, 12);
            assertThat(IdempotencyKey.parse(IdempotencyKey.quote(p.key()), 12).key()).as("seed %d, value %s", seed, value)
                    .isEqualTo(p.key());
        }
    }
}
