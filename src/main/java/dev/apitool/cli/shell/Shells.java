package dev.apitool.cli.shell;

import dev.apitool.cli.Apitool;
import dev.apitool.cli.Context;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Opens the shell: on a terminal through JLine ({@link JLineConsole}), otherwise over piped
 * standard input ({@link PipedConsole}). Kept apart from the {@code @Command} class so that
 * picocli's reflection over commands (help, completion scripts) never loads JLine.
 */
public final class Shells {

    private Shells() {}

    /** Runs the shell and returns its exit code. */
    public static int run(Context context, PrintWriter out, PrintWriter err, boolean keepGoing) {
        Console console = context.interactive()
                ? JLineConsole.open(new Completion(Apitool.fullCommandLine(), context.workDir()), historyFile(context))
                : new PipedConsole(context.stdin().get(), out, err);
        try (console) {
            return new Shell(context, console, keepGoing).run();
        }
    }

    /** Returns {@code ~/.apitool_history}, home being {@code HOME} in the context's environment. */
    static Path historyFile(Context context) {
        String home = context.env().getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".apitool_history");
    }
}
