package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --progress}: the live line on stderr, drawn only on a terminal unless asked, erased before the report. */
@Timeout(30)
class LoadProgressTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadTestServer server = new LoadTestServer();

    private Cli cli;

    @BeforeEach
    void start() {
        cli = Cli.in(dir);
    }

    private String url() {
        return server.url("/");
    }

    @Test
    void always_drawsTheLineWithItsFields_inPlace_andErasesItBeforeTheReport() {
        CommandResult r = cli.run("load", url(), "-n", "300", "-c", "2", "--progress", "always");
        assertThat(r).succeeded().outContains("Status     200: ");
        String err = r.err();
        assertThat(err).startsWith("\r").contains("elapsed ", "s  rps ", "  p99 ", "  errors 0 (0.00%)").doesNotContain("\n");
        // the last thing written is the erasure: a carriage return, blanks over the line, a carriage return
        String erased = err.substring(err.lastIndexOf('\r', err.length() - 2));
        assertThat(erased).matches("\r +\r");
        assertThat(r.out()).doesNotContain("elapsed");
    }

    @Test
    void always_withFailures_countsThemInTheLine() {
        CommandResult r = cli.run("load", url().replaceFirst(":\\d+/", ":1/"), "-n", "20",
                "-c", "1", "--warmup", "none", "--progress", "always");
        assertThat(r).exitedWith(1);
        assertThat(r.err()).contains("errors 20 (100.00%)");
    }

    @Test
    void auto_stderrNotATerminal_printsNothingExtra() {
        CommandResult r = cli.run("load", url(), "-n", "100", "-c", "2");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(cli.env("APITOOL_STDERR_TTY", "0").onTerminal().run("load", url(), "-n", "100", "-c", "2"))
                .succeeded().errIsEmpty();
    }

    @Test
    void auto_launcherSaysStderrIsATerminal_drawsTheLine_neverDoesNot() {
        Cli tty = cli.env("APITOOL_STDERR_TTY", "1");
        assertThat(tty.run("load", url(), "-n", "100", "-c", "2")).succeeded().errContains("elapsed ", "p99 ");
        assertThat(tty.run("load", url(), "-n", "100", "-c", "2", "--progress", "never")).succeeded().errIsEmpty();
    }

    @Test
    void badProgressValue_isAUsageError_namingTheFlag() {
        assertThat(cli.run("load", url(), "-n", "1", "--progress", "sometimes")).exitedWith(2)
                .errContains("--progress", "auto, always, never");
    }
}
