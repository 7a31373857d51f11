package dev.apitool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first {@code ```bash setup} block, run verbatim on a fresh clone of this working tree
 * (no {@code target/}): twice at once, so four launchers find no jar together and must build it once
 * between them, then once more on the built clone. The build shares only Maven's local repository.
 */
class LauncherFreshCloneTest {

    private static final long TIMEOUT_MINUTES = 8;

    /** Returns the first {@code ```bash setup} block of a README, its lines joined by newlines. */
    static String firstSetupBlock(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        StringBuilder block = new StringBuilder();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith("```bash setup")) {
            i++;
        }
        for (i++; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            block.append(lines.get(i)).append('\n');
        }
        assertThat(block).as("README.md has a ```bash setup block").isNotEmpty();
        return block.toString();
    }

    @Test
    void readmeSetupBlock_freshCloneTwiceAtOnce_buildsOnceAndBothSucceed(@TempDir Path tmp) throws Exception {
        assumeTrue(onPath("git") && onPath("mvn") || "true".equals(System.getenv("CI")), "git and mvn are needed");
        Path repo = Path.of("").toAbsolutePath();
        Path clone = tmp.resolve("apitool");
        run(tmp, List.of("git", "clone", "-q", "--no-hardlinks", repo.toString(), clone.toString()));
        // The working tree's uncommitted changes too: the clone is what this build would commit.
        Path diff = tmp.resolve("work.diff");
        Files.writeString(diff, run(repo, List.of("git", "diff", "--binary", "HEAD")));
        if (Files.size(diff) > 0) {
            run(clone, List.of("git", "apply", "--whitespace=nowarn", diff.toString()));
        }
        assertThat(clone.resolve("target")).doesNotExist();
        String setup = firstSetupBlock(clone.resolve("README.md"));

        List<Process> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(setupRun(clone, setup, tmp.resolve("run" + i)));
        }
        for (int i = 0; i < runs.size(); i++) {
            assertSucceeded(runs.get(i), tmp.resolve("run" + i));
        }
        String err0 = Files.readString(tmp.resolve("run0.err")) + Files.readString(tmp.resolve("run1.err"));
        assertThat(err0.split("apitool: building", -1)).as("one build between the launchers:%n%s", err0).hasSize(2);

        Process again = setupRun(clone, setup, tmp.resolve("again"));
        assertSucceeded(again, tmp.resolve("again"));
        assertThat(Files.readString(tmp.resolve("again.err"))).doesNotContain("building");
    }

    private static Process setupRun(Path clone, String setup, Path logs) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-euo", "pipefail", "-c", setup);
        pb.directory(clone.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(Path.of(logs + ".out").toFile());
        pb.redirectError(Path.of(logs + ".err").toFile());
        return pb.start();
    }

    private static void assertSucceeded(Process p, Path logs) throws Exception {
        boolean finished = p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String out = Files.readString(Path.of(logs + ".out"));
        String err = Files.readString(Path.of(logs + ".err"));
        assertThat(finished).as("set-up block finished; stderr:%n%s", err).isTrue();
        assertThat(p.exitValue()).as("exit code; stderr:%n%s", err).isZero();
        assertThat(out).as("the verified token's claims").contains("\"sub\": \"alice\"");
        assertThat(err).as("stderr is plain text, no error").doesNotContain("\u001b").doesNotContain("error");
    }

    private static String run(Path dir, List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("%s: %s", command, out).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
