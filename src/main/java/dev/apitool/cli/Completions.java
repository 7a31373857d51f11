package dev.apitool.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash completion script generated from the whole command tree (zsh loads it through
 * {@code bashcompinit}). {@code scripts/gen-completions.sh} runs it to refresh {@code completions/};
 * a test regenerates it into {@code target/} and fails when the checked-in copy differs.
 */
public final class Completions {

    private Completions() {}

    /** Returns the bash completion script for the current command tree. */
    public static String bash() {
        return AutoComplete.bash("apitool", Apitool.fullCommandLine());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Completions FILE");
            System.exit(ExitCode.USAGE.code());
        }
        Path out = Path.of(args[0]);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, bash(), StandardCharsets.UTF_8);
    }
}
