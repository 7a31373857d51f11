package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code apitool jwt} group itself. */
class JwtGroupTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of("jwt");
    }

    @Test
    void help_listsEveryLeaf() {
        assertThat(cli.run("jwt", "--help")).succeeded().outContains("  sign ", "  verify ", "  decode ", "  keygen ");
    }

    @Test
    void noLeaf_isUsageError() {
        assertThat(cli.run("jwt")).exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("missing required subcommand").pointsAtHelpOf("apitool jwt");
    }

    @Test
    void leafHelp_worksBeforeAndAfterOtherFlags() {
        assertThat(cli.run("jwt", "verify", "--secret", "x", "--help")).succeeded().outContains("Usage: apitool jwt verify");
        assertThat(cli.run("--no-color", "jwt", "keygen", "-h")).succeeded().outContains("Usage: apitool jwt keygen");
    }
}
