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
        Inputs.Value v = inputs("").resolve("s3cr3t", "--secret", true);
        assertThat(v.text()).isEqualTo("s3cr3t");
        assertThat(v.fromFile()).isFalse();
    }

    @Test
    void resolve_atPath_readsTheFileRelativeToTheWorkingDirectory() throws Exception {
        Files.write(dir.resolve("key.bin"), new byte[] {0, 1, (byte) 0xff});
        Inputs.Value v = inputs("").resolve("@key.bin", "--secret", true);
        assertThat(v.bytes()).containsExactly(0, 1, 0xff);
        assertThat(v.origin()).endsWith("key.bin");
        assertThat(v.fromFile()).isTrue();
    }

    @Test
    void resolve_missingFile_isInputExceptionNamingFlagAndPath() {
        assertThatThrownBy(() -> inputs("").resolve("@nope.pem", "--key", true))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("--key: ")
                .hasMessageContaining("nope.pem")
                .hasMessageContaining("no such file");
    }

    @Test
    void resolve_bareAt_isInputException() {
        assertThatThrownBy(() -> inputs("").resolve("@", "--body", false))
                .isInstanceOf(InputException.class).hasMessageContaining("file name");
    }

    @Test
    void resolve_env_readsTheVariableOnlyWhereAllowed() {
        assertThat(inputs("").resolve("env:JWT_SECRET", "--secret", true).text()).isEqualTo("from-env");
        assertThat(inputs("").resolve("env:JWT_SECRET", "--body", false).text()).isEqualTo("env:JWT_SECRET");
        assertThatThrownBy(() -> inputs("").resolve("env:MISSING", "--secret", true))
                .isInstanceOf(InputException.class).hasMessageContaining("MISSING").hasMessageContaining("not set");
    }

    @Test
    void resolve_b64_decodesStandardAndUrlAlphabets() {
        assertThat(inputs("").resolve("b64:+/8=", "--secret", true).bytes()).containsExactly(0xfb, 0xff);
        assertThat(inputs("").resolve("b64:-_8", "--secret", true).bytes()).containsExactly(0xfb, 0xff);
        assertThatThrownBy(() -> inputs("").resolve("b64:@@@", "--secret", true))
                .isInstanceOf(InputException.class).hasMessageContaining("not valid base64");
    }

    @Test
    void resolve_dash_readsStandardInputOnlyOnce() {
        Inputs in = inputs("token-text");
        assertThat(in.resolve("-", "--secret", true).text()).isEqualTo("token-text");
        assertThatThrownBy(() -> in.resolve("-", "--body", false))
                .isInstanceOf(InputException.class).hasMessageContaining("already used");
    }

    @Test
    void readPathOrStdin_plainName_isAFile() throws Exception {
        Files.writeString(dir.resolve("spec.yaml"), "a: 1");
        assertThat(inputs("").readPathOrStdin("spec.yaml", "-f").text()).isEqualTo("a: 1");
        assertThat(inputs("stdin").readPathOrStdin("-", "-f").text()).isEqualTo("stdin");
    }
}
