package dev.apitool.cli;

import dev.apitool.core.io.Inputs;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a command may take from its surroundings, passed in rather than read from globals so that
 * tests, the REPL and {@code main} each give their own: environment, standard input, working
 * directory, clock, and whether output goes to a terminal.
 */
public record Context(Map<String, String> env, Supplier<InputStream> stdin, Path workDir, Clock clock,
                      boolean interactive) {

    /** Returns the context of this process. */
    public static Context system() {
        return new Context(System.getenv(), () -> System.in, Path.of(""), Clock.systemUTC(), System.console() != null);
    }

    /**
     * Returns whether standard error is a terminal. Java 17 cannot tell, so the launcher
     * ({@code scripts/apitool}) says so in {@code APITOOL_STDERR_TTY} ({@code 1} or {@code 0});
     * without it, whether the process has a console.
     */
    public boolean stderrTerminal() {
        String tty = env.get("APITOOL_STDERR_TTY");
        return tty != null ? tty.equals("1") : interactive;
    }

    /** Returns a fresh resolver of {@code @file}, {@code env:} and {@code -} values for one run. */
    public Inputs inputs() {
        return new Inputs(env, stdin, workDir);
    }
}
