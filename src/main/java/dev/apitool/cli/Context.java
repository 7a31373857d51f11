package dev.apitool.cli;

import dev.apitool.core.io.Inputs;
import dev.apitool.core.tasks.Cancellation;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a command may take from its surroundings, passed in rather than read from globals so that
 * tests, the REPL and {@code main} each give their own: environment, standard input, working
 * directory, clock, whether output goes to a terminal, what Ctrl-C means to the run, and who hears
 * that a server it starts is ready ({@link #reportReady}).
 */
public record Context(Map<String, String> env, Supplier<InputStream> stdin, Path workDir, Clock clock,
                      boolean interactive, CtrlC ctrlC, Consumer<String> onReady) {

    /**
     * How a command hears Ctrl-C. In a process of its own that is SIGINT ({@link #SIGNAL}); in the
     * shell it is the cancellation of the command's job (Ctrl-C for the one in the foreground,
     * {@code cancel N} for a background one), so commands never touch the process's signal handlers there.
     */
    @FunctionalInterface
    public interface CtrlC {
        /** Registers {@code action} to run on Ctrl-C until the returned registration is closed. */
        Cancellation.Registration on(Runnable action);
    }

    /** Ctrl-C as the process's SIGINT (see {@link Interrupts}). */
    public static final CtrlC SIGNAL = action -> Interrupts.onCtrlC(action)::close;

    /** Returns a context whose readiness nobody waits for (see {@link #reportReady}). */
    public Context(Map<String, String> env, Supplier<InputStream> stdin, Path workDir, Clock clock, boolean interactive,
                   CtrlC ctrlC) {
        this(env, stdin, workDir, clock, interactive, ctrlC, address -> { });
    }

    /** Returns a context whose Ctrl-C is the process's SIGINT. */
    public Context(Map<String, String> env, Supplier<InputStream> stdin, Path workDir, Clock clock, boolean interactive) {
        this(env, stdin, workDir, clock, interactive, SIGNAL);
    }

    /** Returns the context of this process. */
    public static Context system() {
        return new Context(System.getenv(), () -> System.in, Path.of(""), Clock.systemUTC(), System.console() != null);
    }

    /** Registers {@code action} to run on Ctrl-C (a clean stop) until the returned registration is closed. */
    public Cancellation.Registration onCtrlC(Runnable action) {
        return ctrlC.on(action);
    }

    /**
     * Says that the run is ready for others, reached at {@code address} (a server: bound and
     * accepting, {@code http://HOST:PORT}). In the shell a job started with {@code &} from a command
     * marked {@link ReportsReady} is waited for until it says so; elsewhere nobody listens.
     */
    public void reportReady(String address) {
        onReady.accept(address);
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
