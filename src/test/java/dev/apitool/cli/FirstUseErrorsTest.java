package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** What a new user mistypes in the first hour, and what apitool answers: one style, and a hint that helps. */
class FirstUseErrorsTest {

    @TempDir
    Path dir;
    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = Cli.in(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "jwt sgin --secret x | sgin | sign",
        "jtw                 | jtw  | jwt",
        "laod                | laod | load"})
    void mistypedCommand_namesItAndTheCloseOne_notWhatFollows(String args, String word, String meant) {
        CommandResult r = cli.run(args.split(" "));
        assertThat(r).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("unknown command '" + word + "' (did you mean '" + meant + "'?)");
        assertThat(r.err()).doesNotContain("--secret").doesNotContain("unexpected argument");
    }

    @Test
    void noArguments_stdinNotATerminal_shortUsageWithTheCommands_exit2() {
        CommandResult r = cli.run();
        assertThat(r).exitedWith(2).outIsEmpty();
        assertThat(r.err()).startsWith("Usage: apitool").contains("Commands:", "  jwt ", "  load ", "  health ")
                .contains("apitool: error: no command given").doesNotContain("Missing required subcommand");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jwt sign --exp", "health --fail-on x http://a/", "load --threads abc http://a/"})
    void picocliErrors_startLowercaseAsOursDo(String args) {
        CommandResult r = cli.run(args.split(" "));
        assertThat(r).exitedWith(2);
        assertThat(r.errLines().get(0)).matches("apitool: error: [a-z'-].*");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--exp", "--nbf", "--iat"})
    void jwtSign_bareNumberTime_usageErrorSuggestingUnitsAndAt(String flag) {
        CommandResult r = cli.run("jwt", "sign", "--secret", "0123456789abcdef0123456789abcdef", flag, "15");
        assertThat(r).exitedWith(2).outIsEmpty()
                .failedWithOneLineError(flag + " 15: a bare number has no unit: write 15m", "2026-12-01T10:00:00Z", "@15");
    }

    @Test
    void jwtSign_epochSecondsAfterAnAt_accepted() {
        assertThat(cli.run("jwt", "sign", "--secret", "0123456789abcdef0123456789abcdef", "--exp", "@1764583200"))
                .succeeded();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"load", "health"})
    void urlWithoutScheme_usageErrorSayingToAddIt(String command) {
        CommandResult r = cli.run(command, "127.0.0.1:8080", "-n", "10");
        if (command.equals("health")) {
            r = cli.run(command, "127.0.0.1:8080");
        }
        assertThat(r).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("'127.0.0.1:8080': no scheme: add http:// or https:// (http://127.0.0.1:8080)");
        assertThat(r.err()).doesNotContain("Illegal character");
    }

    @Test
    void helpExamples_neverWrapped_evenAt80Columns() {
        CommandLine root = Apitool.fullCommandLine();
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        int checked = 0;
        for (CommandLine cl : all) {
            cl.getCommandSpec().usageMessage().autoWidth(false).width(80);
            String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String line : cl.getCommandSpec().usageMessage().footer()) {
                if (line.startsWith("  apitool ")) {
                    assertThat(help).as("%s --help", cl.getCommandSpec().qualifiedName()).contains(line.replace("%%", "%"));
                    checked++;
                }
            }
        }
        assertThat(checked).as("examples checked").isGreaterThan(10);
    }

    @Test
    void help_usageWidthFollowsTheTerminal() {
        assertThat(Apitool.fullCommandLine().isUsageHelpAutoWidth()).isTrue();
    }

    private static void collect(CommandLine cl, List<CommandLine> all) {
        all.add(cl);
        cl.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
