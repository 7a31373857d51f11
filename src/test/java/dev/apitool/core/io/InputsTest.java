package dev.apitool.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsTest {

    @TempDir
    Path dir;

    private Inputs inputs(String stdin) {
        return new Inputs(Map.of("JWT_SECRET", "from-env"),
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), dir);
    }

    @Test
    void resolve_literal_isItsOwnBytes() {
        Inputs.Value v = inputs("").resolve("s3cr3t", "--secret", true, Limit.KEY);
        assertThat(v.text()).isEqualTo("s3cr3t");
        assertThat(v.fromFile()).isFalse();
    }

    @Test
    void resolve_atPath_readsTheFileRelativeToTheWorkingDirectory() throws Exception {
        Files.write(dir.resolve("key.bin"), new byte[] {0, 1, (byte) 0xff});
        Inputs.Value v = inputs("").resolve("@key.bin", "--secret", true, Limit.KEY);
        assertThat(v.bytes()).containsExactly(0, 1, 0xff);
        assertThat(v.origin()).endsWith("key.bin");
        assertThat(v.fromFile()).isTrue();
    }

    @Test
    void resolve_missingFile_isInputExceptionNamingFlagAndPath() {
        assertThatThrownBy(() -> inputs("").resolve("@nope.pem", "--key", true, Limit.KEY))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("--key: ")
                .hasMessageContaining("nope.pem")
                .hasMessageContaining("no such file");
    }

    @Test
    void resolve_bareAt_isInputException() {
        assertThatThrownBy(() -> inputs("").resolve("@", "--body", false, Limit.KEY))
                .isInstanceOf(InputException.class).hasMessageContaining("file name");
    }

    @Test
    void resolve_env_readsTheVariableOnlyWhereAllowed() {
        assertThat(inputs("").resolve("env:JWT_SECRET", "--secret", true, Limit.KEY).text()).isEqualTo("from-env");
        assertThat(inputs("").resolve("env:JWT_SECRET", "--body", false, Limit.KEY).text()).isEqualTo("env:JWT_SECRET");
        assertThatThrownBy(() -> inputs("").resolve("env:MISSING", "--secret", true, Limit.KEY))
                .isInstanceOf(InputException.class).hasMessageContaining("MISSING").hasMessageContaining("not set");
    }

    @Test
    void resolve_b64_decodesStandardAndUrlAlphabets() {
        assertThat(inputs("").resolve("b64:+/8=", "--secret", true, Limit.KEY).bytes()).containsExactly(0xfb, 0xff);
        assertThat(inputs("").resolve("b64:-_8", "--secret", true, Limit.KEY).bytes()).containsExactly(0xfb, 0xff);
        assertThatThrownBy(() -> inputs("").resolve("b64:@@@", "--secret", true, Limit.KEY))
                .isInstanceOf(InputException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void resolve_dash_readsStandardInputOnlyOnce() {
        Inputs in = inputs("token-text");
        assertThat(in.resolve("-", "--secret", true, Limit.KEY).text()).isEqualTo("token-text");
        assertThatThrownBy(() -> in.resolve("-", "--body", false, Limit.KEY))
                .isInstanceOf(InputException.class).hasMessageContaining("already used");
    }

    @Test
    void readPathOrStdin_plainName_isAFile() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), "a: 1");
        assertThat(inputs("").readPathOrStdin("spec.yaml", "-f", Limit.CONFIG).text()).isEqualTo("a: 1");
        assertThat(inputs("stdin").readPathOrStdin("-", "-f", Limit.CONFIG).text()).isEqualTo("stdin");
    }

    @Test
    void resolve_endlessFileOrStdin_failsAtTheCapNamingInputAndCap() {
        long start = System.nanoTime();
        Inputs endless = new Inputs(Map.of(), () -> new EndlessStream(), dir);
        assertThatThrownBy(() -> endless.resolve("-", "TOKEN", false, Limit.TOKEN))
                .isInstanceOf(InputException.class).hasMessage(
                        "TOKEN: standard input: larger than the 1 MiB limit for a token (expected at most 1048576 bytes)");
        if (Files.isReadable(Path.of("/dev/zero"))) {
            assertThatThrownBy(() -> inputs("").resolve("@/dev/zero", "--secret", true, Limit.KEY))
                    .isInstanceOf(InputException.class).hasMessageContaining("--secret: /dev/zero: larger than the 1 MiB limit");
            assertThatThrownBy(() -> inputs("").readPathOrStdin("/dev/zero", "-f", Limit.CONFIG))
                    .isInstanceOf(InputException.class).hasMessageContaining("-f: /dev/zero: larger than the 4 MiB limit");
        }
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }

    @Test
    void resolve_exactlyAtTheCap_isAccepted() {
        byte[] max = new byte[(int) Limit.KEY.bytes()];
        Inputs in = new Inputs(Map.of(), () -> new ByteArrayInputStream(max), dir);
        assertThat(in.resolve("-", "--secret", true, Limit.KEY).bytes()).hasSize(max.length);
    }

    @Test
    void resolve_directory_saysItIsADirectory() throws Exception {
        Files.createDirectory(dir.resolve("sub"));
        assertThatThrownBy(() -> inputs("").resolve("@sub", "--body", false, Limit.BODY))
                .isInstanceOf(InputException.class).hasMessageEndingWith("sub: cannot read: is a directory");
    }

    @Test
    void text_invalidUtf8_saysWhereNotReplaced() throws Exception {
        Files.write(dir.resolve("k.pem"), new byte[] {'a', '\n', 'b', 'c', (byte) 0xff, 'd'});
        Inputs.Value v = inputs("").resolve("@k.pem", "--key", true, Limit.KEY);
        assertThatThrownBy(v::text).isInstanceOf(InputException.class)
                .hasMessageEndingWith("k.pem:2:3: invalid UTF-8 (byte 0xff at offset 4; expected UTF-8 text)");
    }

    /** An input with no end, as /dev/zero or a stuck pipe that keeps writing. */
    private static final class EndlessStream extends java.io.InputStream {
        @Override
        public int read() {
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
        }
    }
}
