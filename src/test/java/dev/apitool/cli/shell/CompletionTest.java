package dev.apitool.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Apitool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    @TempDir
    Path dir;

    private Completion completion;

    @BeforeEach
    void model() {
        completion = new Completion(Apitool.fullCommandLine(), dir);
    }

    @Test
    void candidates_firstWord_offersBuiltinsAndCommands() {
        assertThat(completion.candidates(List.of(), "j")).containsExactly("job", "jobs", "jwt");
        assertThat(completion.candidates(List.of(), "")).contains("shell", "load", "health", "set", "cancel", "exit");
    }

    @Test
    void candidates_afterGroup_offersItsSubcommandsAndOptions() {
        assertThat(completion.candidates(List.of("jwt"), "ve")).containsExactly("verify");
        assertThat(completion.candidates(List.of("jwt", "sign"), "--al")).containsExactly("--alg", "--allow-weak-key");
    }

    @Test
    void candidates_afterAnEnumOption_offersItsValues() {
        assertThat(completion.candidates(List.of("jwt", "sign", "--alg"), "ES")).containsExactly("ES256", "ES384", "ES512");
        assertThat(completion.candidates(List.of("jwt", "verify", "--output"), "")).contains("text", "json");
    }

    @Test
    void candidates_fileOption_offersPathsWithDirectoriesToGoInto() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/ec.pem"), "x");
        Files.writeString(dir.resolve("health.yaml"), "x");
        assertThat(completion.candidates(List.of("health", "-f"), "he")).containsExactly("health.yaml");
        assertThat(completion.candidates(List.of("jwt", "keygen", "ES256", "--out"), "k")).containsExactly("keys/");
        assertThat(completion.candidates(List.of("jwt", "keygen", "ES256", "--out"), "keys/")).containsExactly("keys/ec.pem");
    }

    @Test
    void candidates_shellBuiltins_offerSettingNamesAndHelpTopics() {
        assertThat(completion.candidates(List.of("set"), "u")).containsExactly("url");
        assertThat(completion.candidates(List.of("show"), "")).containsExactly("settings");
        assertThat(completion.candidates(List.of("help"), "lo")).containsExactly("load");
        assertThat(completion.candidates(List.of("jobs"), "")).isEmpty();
    }
}
