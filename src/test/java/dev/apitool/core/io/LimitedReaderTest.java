package dev.apitool.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitedReaderTest {

    private static List<String> lines(byte[] bytes, Limit total) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new LimitedReader(new ByteArrayInputStream(bytes), "in.ndjson", total))) {
            for (String line; (line = r.readLine()) != null;) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void read_validUtf8_isReadAsItIs() throws IOException {
        assertThat(lines("a\nbé✓\n\n𝄞z".getBytes(StandardCharsets.UTF_8), null)).containsExactly("a", "bé✓", "", "𝄞z");
    }

    @Test
    void read_lineOverTheCap_failsNamingTheLineAndTheCap() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertThatThrownBy(() -> new BufferedReader(new LimitedReader(endless, "/dev/zero", null)).readLine())
                .isInstanceOf(InputException.class)
                .hasMessage("/dev/zero:1: line longer than the 1 MiB limit (expected lines of at most 1048576 characters)");
    }

    @Test
    void read_totalOverTheCap_failsNamingTheCap() {
        byte[] big = "x\n".repeat(3 << 20).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> lines(big, Limit.CONFIG)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("in.ndjson: larger than the 4 MiB limit for a config or spec");
    }

    /** Invalid UTF-8 anywhere in random text is refused with the exact line and column of the bad byte. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void read_invalidUtf8AtRandomPlaces_isReportedWhereItIs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] pieces = {"a", "é", "✓", "𝄞", "\n", "{\"k\":1}", " "};
        for (int round = 0; round < 40; round++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int line = 1;
            int column = 1;
            for (int n = random.nextInt(0, 20_000); n > 0; n--) {
                String p = pieces[random.nextInt(pieces.length)];
                b.writeBytes(p.getBytes(StandardCharsets.UTF_8));
                for (char c : p.toCharArray()) {
                    if (c == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
            }
            byte[] bad = random.nextBoolean() ? new byte[] {(byte) 0xff} : new byte[] {(byte) 0xc3, 'x'};
            b.writeBytes(bad);
            b.writeBytes("tail\n".getBytes(StandardCharsets.UTF_8));
            String expected = "in.ndjson:" + line + ":" + column + ": invalid UTF-8";
            assertThatThrownBy(() -> lines(b.toByteArray(), null)).as("seed %d round %d", seed, round)
                    .isInstanceOf(InputException.class).hasMessageStartingWith(expected);
        }
    }
}
