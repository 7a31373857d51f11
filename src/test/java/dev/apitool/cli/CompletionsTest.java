package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The checked-in completion script must be the one the current command model generates. */
class CompletionsTest {

    @Test
    void bashCompletion_matchesCheckedInFile_soNoOptionShipsWithStaleCompletions() throws Exception {
        String fresh = Completions.bash();
        Path generated = Path.of("target", "completions", "apitool.bash");
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, fresh, StandardCharsets.UTF_8);

        String checkedIn = Files.readString(Path.of("completions", "apitool.bash"), StandardCharsets.UTF_8);
        assertThat(checkedIn)
                .as("completions/apitool.bash is stale: run scripts/gen-completions.sh (fresh copy in %s)", generated)
                .isEqualTo(fresh);
    }

    @Test
    void bashCompletion_knowsEveryJwtSubcommandAndItsOptions() {
        String script = Completions.bash();
        assertThat(script).contains("sign", "verify", "decode", "keygen", "--secret", "--leeway", "--allow-weak-key");
    }
}
