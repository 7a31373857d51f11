package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every command's end-to-end test inherits (the idea of jbang's {@code AbstractHelpBaseIT}):
 * a fresh working directory and {@link Cli} per test, and the check that {@code COMMAND --help}
 * and {@code -h} exit 0 and print the usage under the command's qualified name.
 */
public abstract class AbstractHelpTest {

    @TempDir
    protected Path dir;

    protected Cli cli;

    /** Returns the words that name the command under test, after {@code apitool} (none for the root). */
    protected abstract List<String> command();

    @BeforeEach
    void freshCli() {
        cli = Cli.in(dir);
    }

    /** Returns {@code apitool} followed by the command's words. */
    protected final String qualifiedName() {
        List<String> words = new ArrayList<>(List.of("apitool"));
        words.addAll(command());
        return String.join(" ", words);
    }

    @Test
    void help_exitsZero_printsUsageUnderQualifiedName() {
        CommandResult r = cli.run(args("--help"));
        assertThat(r).succeeded().outContains("Usage: " + qualifiedName() + " ", "--help").errIsEmpty();
    }

    @Test
    void shortHelp_printsTheSameAsLongHelp() {
        CommandResult shortForm = cli.run(args("-h"));
        assertThat(shortForm).succeeded().errIsEmpty();
        org.assertj.core.api.Assertions.assertThat(shortForm.out()).isEqualTo(cli.run(args("--help")).out());
    }

    private String[] args(String flag) {
        List<String> a = new ArrayList<>(command());
        a.add(flag);
        return a.toArray(String[]::new);
    }
}
