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
        SpecRoutes routes = new SpecRoutes(context.workDir());
        Completion completion = new Completion(Apitool::fullCommandLine, context.workDir(), routes);
        Console console = context.interactive()
                ? JLineConsole.open(completion, historyFile(context))
                : new PipedConsole(context.stdin().get(), out, err);
        try (console) {
            return new Shell(context, console, keepGoing, completion, routes).run();
        }
    }

    /**
     * The launcher's training run for the shell: a short piped session (settings, a substitution, a
     * background job waited for) and a line typed with Tab into the line editor on an in-memory terminal.
     */
    public static void train(Context context, PrintWriter sink, Path scratch) {
        String script = String.join("\n", "set secret training-secret-training-secret-0123456789",
                "set token $(jwt sign --sub training --exp 15m)", "jwt verify $token", "show settings",
                "jwt decode $token &", "wait 1", "jobs", "job 1", "help jwt", "");
        Context piped = new Context(context.env(), () -> new java.io.ByteArrayInputStream(
                script.getBytes(java.nio.charset.StandardCharsets.UTF_8)), context.workDir(), context.clock(), false);
        run(piped, sink, sink, true);
        try {
            JLineConsole.train(new Completion(Apitool.fullCommandLine(), context.workDir()), "jwt si\t--al\t\t\n",
                    scratch.resolve("training_history"));
        } catch (java.io.IOException | RuntimeException e) {
            // training is best effort: the archive then holds fewer classes
        }
    }

    /** Returns {@code ~/.apitool_history}, home being {@code HOME} in the context's environment. */
    static Path historyFile(Context context) {
        String home = context.env().getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".apitool_history");
    }
}
