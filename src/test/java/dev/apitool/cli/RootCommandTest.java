package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code apitool} itself: version, help, and how bad usage and bad input are reported. */
class RootCommandTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of();
    }

    @Test
    void version_printsApitoolAndTheBuiltVersion() {
        CommandResult r = cli.run("--version");
        assertThat(r).succeeded().errIsEmpty();
        String first = r.out().lines().findFirst().orElse("");
        assertThat(first).startsWith("apitool ").isNotEqualTo("apitool unknown").doesNotContain("${");
    }

    @Test
    void help_listsJwtAndEveryExitCode() {
        CommandResult r = cli.run("--help");
        assertThat(r).succeeded()
                .outContains("jwt", "Exit codes:", "--verbose", "--output", "--no-color")
                .outContains("  0  success", "  1  ", "  2  usage or input error", "  3  degraded", "  4  internal error");
    }

    @Test
    void noArguments_isUsageError() {
        CommandResult r = cli.run();
        assertThat(r).exitedWith(ExitCode.USAGE);
        assertThat(r.err()).contains("apitool: error: no command given");
    }

    @Test
    void unknownOption_exits2_withOneErrorLineAndAHint() {
        CommandResult r = cli.run("--bogus");
        assertThat(r).exitedWith(2).outIsEmpty().failedWithOneLineError("--bogus").pointsAtHelpOf("apitool");
        assertThat(r.errLines()).hasSizeBetween(1, 2);
        assertThat(r.errLines().get(0)).startsWith("apitool: error: ");
    }

    @Test
    void unknownSubcommand_exits2_andSuggestsTheCloseOne() {
        assertThat(cli.run("bogus")).exitedWith(2).outIsEmpty().failedWithOneLineError("'bogus'");
        CommandResult typo = cli.run("jwtt");
        assertThat(typo).exitedWith(2).failedWithOneLineError("'jwtt'").pointsAtHelpOf("apitool");
        assertThat(typo.err()).containsIgnoringCase("did you mean").contains("'jwt'?");
    }

    @Test
    void unknownLeaf_exits2_andPointsAtTheGroupsHelp() {
        assertThat(cli.run("jwt", "bogus")).exitedWith(2).failedWithOneLineError("'bogus'")
                .pointsAtHelpOf("apitool jwt");
    }

    @Test
    void badOutputFormat_exits2_namingTheChoices() {
        assertThat(cli.run("--output", "yaml", "jwt", "decode", "a.b.c")).exitedWith(2)
                .failedWithOneLineError("--output", "text, json, junit", "yaml");
    }

    @Test
    void outputFormatACommandCannotWrite_exits2() {
        assertThat(cli.run("--output", "junit", "jwt", "sign", "--secret", "0123456789abcdef0123456789abcdef"))
                .exitedWith(2).outIsEmpty().failedWithOneLineError("--output junit is not available for 'apitool jwt sign'");
    }

    @Test
    void inputError_withoutVerbose_isOneLineWithoutStackTrace() {
        CommandResult r = cli.run("jwt", "sign", "--secret", "env:NOT_SET_ANYWHERE");
        assertThat(r).exitedWith(2).outIsEmpty().failedWithOneLineError("--secret", "NOT_SET_ANYWHERE", "not set");
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void inputError_withVerbose_printsTheStackTrace() {
        assertThat(cli.run("--verbose", "jwt", "sign", "--secret", "env:NOT_SET_ANYWHERE"))
                .exitedWith(2).errContains("apitool: error: --secret: environment variable NOT_SET_ANYWHERE is not set")
                .errHasStackTrace();
    }

    @Test
    void verbose_isInheritedBySubcommands() {
        assertThat(cli.run("jwt", "sign", "--secret", "env:NOT_SET_ANYWHERE", "--verbose"))
                .exitedWith(2).errHasStackTrace();
    }

    @Test
    void usageError_withVerbose_printsTheStackTrace() {
        assertThat(cli.run("--verbose", "jwt", "sign", "--no-such-flag")).exitedWith(2).errHasStackTrace();
    }
}
