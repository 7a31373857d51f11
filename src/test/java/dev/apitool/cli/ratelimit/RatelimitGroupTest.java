package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.ExitCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code apitool ratelimit} group itself. */
class RatelimitGroupTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of("ratelimit");
    }

    @Test
    void help_listsEveryLeaf() {
        assertThat(cli.run("ratelimit", "--help")).succeeded().outContains("  simulate ", "  generate ");
    }

    @Test
    void noLeaf_isUsageError() {
        assertThat(cli.run("ratelimit")).exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("missing required subcommand").pointsAtHelpOf("apitool ratelimit");
    }

    @Test
    void unknownLeaf_isUsageError() {
        assertThat(cli.run("ratelimit", "simulat")).exitedWith(ExitCode.USAGE).outIsEmpty().errHasNoStackTrace();
    }

    @Test
    void leafHelp_worksAfterOtherFlags() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", "gcra:rate=1/s", "--help")).succeeded()
                .outContains("Usage: apitool ratelimit simulate", "--policy", "--script", "--generate", "--trace", "--headers", "--store");
        assertThat(cli.run("--no-color", "ratelimit", "generate", "-h")).succeeded()
                .outContains("Usage: apitool ratelimit generate", "--out", "--no-clobber");
    }
}
