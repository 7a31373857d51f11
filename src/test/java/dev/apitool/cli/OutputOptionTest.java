package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code --output} lists, in each command's help and completion, only the formats the command has
 * ({@link Formats}), keeps working before the command words, and {@code --report FORMAT=FILE}
 * writes the result while text goes to stdout.
 */
class OutputOptionTest {

    private static final String SECRET = "correct-horse-battery-staple-0123456789";

    @TempDir
    Path dir;

    private static CommandLine.Model.OptionSpec output(String... command) {
        CommandLine cl = Apitool.fullCommandLine();
        for (String word : command) {
            cl = cl.getSubcommands().get(word);
        }
        return cl.getCommandSpec().findOption("--output");
    }

    @Test
    void completion_listsOnlyEachCommandsFormats() {
        assertThat(output("health").completionCandidates()).containsExactly("text", "json", "junit");
        assertThat(output("jwt", "verify").completionCandidates()).containsExactly("text", "json");
        assertThat(output("load", "merge").completionCandidates()).containsExactly("text", "json");
        assertThat(output("ratelimit", "simulate").completionCandidates()).containsExactly("text", "json");
        assertThat(output("jwt").completionCandidates()).as("a group: the union below it").containsExactly("text", "json");
        assertThat(output().completionCandidates()).as("the root").containsExactly("text", "json", "junit");
    }

    @Test
    void textOnlyCommands_haveNoOutputOption() {
        assertThat(output("jwt", "keygen")).isNull();
        assertThat(output("ratelimit", "generate")).isNull();
    }

    @Test
    void help_ofACommand_namesOnlyItsFormats() {
        CommandResult r = Cli.in(dir).run("jwt", "verify", "--help");
        assertThat(r).succeeded().outContains("--output=FORMAT", "Output format: text, json (default: text).");
        assertThat(r.out()).doesNotContain("junit");
    }

    @Test
    void output_beforeTheCommandWords_stillApplies() {
        Cli cli = Cli.in(dir);
        String token = cli.run("--output", "text", "jwt", "sign", "--secret", SECRET, "--sub", "alice").outLine();
        CommandResult r = cli.run("--output", "json", "jwt", "decode", token);
        assertThat(r).succeeded().outContains("\"schemaVersion\": 1", "\"sub\": \"alice\"");
        assertThat(cli.run("jwt", "--output", "json", "decode", token)).succeeded().outContains("\"schemaVersion\": 1");
    }

    @Test
    void aFormatTheCommandLacks_isAUsageError_namingWhatItHas() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("--output", "junit", "jwt", "decode", "x.y.z")).exitedWith(2)
                .failedWithOneLineError("--output junit is not available for 'apitool jwt decode' (it has text, json)");
        assertThat(cli.run("--output", "json", "jwt", "keygen", "ES256", "--out", "-")).exitedWith(2)
                .failedWithOneLineError("--output json is not available for 'apitool jwt keygen' (it has text)");
    }

    @Test
    void report_ofJwtVerify_isTheJsonDocument_evenForATokenThatFails() {
        Cli cli = Cli.in(dir);
        String token = cli.run("jwt", "sign", "--secret", SECRET, "--sub", "alice", "--aud", "api").outLine();
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--report", "json=ok.json")).succeeded()
                .outContains("\"sub\": \"alice\"").outDoesNotContain("schemaVersion");
        JsonSchemas.assertValid("jwt-verify", cli.read("ok.json"));
        assertThat(cli.read("ok.json")).contains("\"valid\": true");
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--aud", "other", "--report", "json=bad.json")).exitedWith(1);
        JsonSchemas.assertValid("jwt-verify", cli.read("bad.json"));
        assertThat(cli.read("bad.json")).contains("\"valid\": false", "\"code\": \"aud");
    }

    @Test
    void report_ofJwtDecode_matchesItsSchema() {
        Cli cli = Cli.in(dir);
        String token = cli.run("jwt", "sign", "--secret", SECRET, "--sub", "alice").outLine();
        assertThat(cli.run("jwt", "decode", token, "--report", "json=d.json")).succeeded().outContains("Header");
        JsonSchemas.assertValid("jwt-decode", cli.read("d.json"));
    }

    @Test
    void report_ofRatelimitSimulate_matchesItsSchema_andHtmlEscapesQuotes() {
        Cli cli = Cli.in(dir);
        cli.file("it's.ndjson", "{\"t\": 0, \"key\": \"a\"}\n{\"t\": 0.1, \"key\": \"a\"}\n");
        assertThat(cli.run("ratelimit", "simulate", "--policy", "token-bucket:capacity=1,rate=1/s", "--script", "it's.ndjson",
                "--report", "json=sim.json", "--html", "sim.html")).succeeded().outContains("token-bucket");
        JsonSchemas.assertValid("ratelimit-simulate", cli.read("sim.json"));
        assertThat(cli.read("sim.html")).contains("it&#39;s.ndjson").doesNotContain("it's");
    }

    @Test
    void report_fileCheckedBeforeTheWork_noKeyIsWrittenWhenThePathIsBad() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--pub", "no/dir/pub.pem")).exitedWith(2)
                .failedWithOneLineError("--pub: cannot write no/dir/pub.pem: no such directory no/dir");
        assertThat(dir.resolve("key.pem")).doesNotExist();
    }
}
