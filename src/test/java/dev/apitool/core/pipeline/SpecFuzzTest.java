package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of the example spec (cut, duplicated, swapped and garbled lines and
 * bytes): checking any of them ends in a list of problems or one input error, never another
 * exception. The seed is in the test's name; rerun one with {@code -Dtest='SpecFuzzTest'}.
 */
class SpecFuzzTest {

    private static final String[] NOISE = {"{", "}", "[", "]", ":", "- ", "  ", "\t", "&a", "*a", "!!int", "'", "\"", "#",
        "~", "null", "-1", "1e400", "99999999999999999999", "type: x", "routes:", "middleware:", "${X}", "\u0000", "\u00e9", "%"};

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void check_mutatedSpec_problemsOrInputErrorOnly(long seed) throws Exception {
        String base = Files.readString(Path.of("examples/pipeline/users.yaml"));
        String spec = mutate(base, new Random(seed));
        try {
            Problems p = Pipeline.check(spec.getBytes(StandardCharsets.UTF_8), "fuzz.yaml", new TestEnv(dir, null).env);
            for (Problems.Problem x : p.all()) {
                assertThat(x.line()).as("seed %d: %s", seed, x).isPositive();
                assertThat(x.message()).as("seed %d", seed).doesNotContain("Exception").doesNotContain("\tat ");
            }
        } catch (InputException e) {
            assertThat(e.getMessage()).as("seed %d", seed).startsWith("fuzz.yaml").doesNotContain("\tat ");
        }
    }

    static String mutate(String base, Random r) {
        String[] lines = base.split("\n", -1);
        int edits = 1 + r.nextInt(6);
        for (int e = 0; e < edits; e++) {
            int i = r.nextInt(lines.length);
            switch (r.nextInt(6)) {
                case 0 -> lines[i] = "";
                case 1 -> {
                    int j = r.nextInt(lines.length);
                    String t = lines[i];
                    lines[i] = lines[j];
                    lines[j] = t;
                }
                case 2 -> lines[i] = lines[i] + " " + NOISE[r.nextInt(NOISE.length)];
                case 3 -> {
                    int at = lines[i].isEmpty() ? 0 : r.nextInt(lines[i].length());
                    lines[i] = lines[i].substring(0, at) + NOISE[r.nextInt(NOISE.length)] + lines[i].substring(at);
                }
                case 4 -> lines[i] = lines[r.nextInt(lines.length)];
                default -> lines[i] = lines[i].replaceFirst("\\S+", java.util.regex.Matcher.quoteReplacement(NOISE[r.nextInt(NOISE.length)]));
            }
        }
        return String.join("\n", lines);
    }
}
