package dev.apitool.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile shapes never escape as anything but a one-line InputException (or a bound value). */
class ConfigBinderFuzzTest {

    record Item(String name, Integer n, Boolean on, List<String> tags, Map<String, String> headers) {}

    record Doc(String apiVersion, List<Item> items, Map<String, String> headers, Item main) {}

    private static final String[] PIECES = {
        "apiVersion: v1\n", "items:\n", "  - name: a\n", "    n: 5\n", "    n: 99999999999999999999\n", "    on: yes\n",
        "    tags: [a, b]\n", "    tags: {x: 1}\n", "headers: {A: b}\n", "main:\n", "  name: z\n", "&a ", "*a", "---\n",
        "{", "}", "[", "]", ":", "\"", "'", "\t", "\u0000", "\u001b", "\\", "#", "\n", " ", "- ", "!!binary ", "!!python/object ",
        "<<: *a\n", "? ", "|\n", ">\n", "%YAML 1.1\n", "\uFEFF", "\u2028", "1e400", "-", ".nan", "~", "null",
    };

    static LongStream seeds() {
        return LongStream.range(0, 600).map(i -> 0x5eedL * 31 + i);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomShapes_onlyInputException(long seed) {
        Random r = new Random(seed);
        byte[] bytes = switch (r.nextInt(6)) {
            case 0 -> randomBytes(r);
            case 1 -> nested(r);
            default -> pieces(r);
        };
        String file = r.nextInt(4) == 0 ? "c.json" : "c.yaml";
        try {
            ConfigBinder.bind(bytes, file, Doc.class, ConfigBinder.PLAIN);
        } catch (InputException e) {
            assertThat(e.getMessage()).as("seed %d", seed)
                    .startsWith(file + ":")
                    .doesNotContain("\n", "\u001b", "\u0000", "Source:", "JsonReadFeature", "com.fasterxml", "org.yaml");
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": " + e, e);
        }
    }

    private static byte[] pieces(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(40);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (r.nextInt(5) == 0 && b.length > 0) {
            b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80)); // invalid UTF-8 somewhere
        }
        return b;
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(2000)];
        r.nextBytes(b);
        return b;
    }

    private static byte[] nested(Random r) {
        int depth = 1 + r.nextInt(200);
        String open = r.nextBoolean() ? "[" : "{a: ";
        String close = open.equals("[") ? "]" : "}";
        return ("items: " + open.repeat(depth) + close.repeat(depth) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
