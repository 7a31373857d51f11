package dev.apitool.cli.shell;

import dev.apitool.cli.Apitool;
import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.Context;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.ReportsReady;
import dev.apitool.core.io.InputException;
import dev.apitool.core.shell.Redactor;
import dev.apitool.core.shell.Settings;
import dev.apitool.core.shell.ShellLine;
import dev.apitool.core.tasks.Cancellation;
import dev.apitool.core.tasks.TaskRecord;
import dev.apitool.core.tasks.TaskRejectedException;
import dev.apitool.core.tasks.TaskStatus;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shell's loop, apart from the terminal: reads a line from its {@link Console}, splits and
 * expands it, runs a built-in ({@link Builtins}) or an apitool command through the root factory
 * (a fresh command line per line, exactly as on the command line), in the foreground or, with a
 * trailing {@code &}, as a background job. A job whose command says when it is ready (a server,
 * {@link ReportsReady}) is waited for, up to {@link #READY_BOUND}: its line then says
 * {@code [N] … ready: URL}, and the URL is kept as the setting {@code urlN} ({@code $url1/orders}),
 * or the line fails with the job's own exit code, so a script never runs on past a server that
 * did not start. Ctrl-C cancels the foreground command through its
 * {@link Context}; the shell goes on. A failure prints {@code [exit N]} on a terminal; piped input
 * stops at the first failure (unless {@code --keep-going}) and the shell exits with its code.
 */
final class Shell {

    static final String PROMPT = "apitool> ";
    /** Longest wait of a {@code &} line for its job to be ready. */
    static final Duration READY_BOUND = Duration.ofSeconds(30);

    private final Context base;
    private final Console console;
    private final boolean keepGoing;
    private final String source;
    private final Settings settings = new Settings();
    private final Jobs jobs;
    private final Expander expander;
    private final Builtins builtins;
    private final Completion completion;
    private final SpecRoutes routes;
    private final Set<Integer> readyKept = new HashSet<>();
    private volatile Cancellation foreground;
    private int lineNumber;

    /** {@code completion} and {@code routes}: a pipeline command's SPEC is remembered for Tab on route paths. */
    Shell(Context base, Console console, boolean keepGoing, Completion completion, SpecRoutes routes) {
        this.base = base;
        this.completion = completion;
        this.routes = routes;
        this.console = console;
        this.keepGoing = keepGoing;
        this.source = console.interactive() ? "<shell>" : "<stdin>";
        this.jobs = new Jobs(console::notice);
        this.expander = new Expander(settings, base.env(), this::substitute);
        this.builtins = new Builtins(settings, jobs, console, base);
    }

    /** Runs lines until the input ends or {@code exit}; returns the exit code. */
    int run() {
        console.onCtrlC(this::ctrlC);
        int first = 0;
        while (true) {
            console.flushNotices();
            String text = console.readLine(PROMPT);
            if (text == null) {
                if (builtins.leave()) {
                    break;
                }
                continue;
            }
            lineNumber++;
            int code;
            try {
                code = execute(text);
            } catch (Builtins.Exit e) {
                if (builtins.leave()) {
                    return e.code() >= 0 ? e.code() : first;
                }
                continue;
            }
            if (code != 0) {
                if (console.interactive()) {
                    console.err().println("[exit " + code + "]");
                    console.err().flush();
                } else {
                    first = first == 0 ? code : first;
                    if (!keepGoing) {
                        builtins.leave();
                        break;
                    }
                }
            }
        }
        console.flushNotices();
        return first;
    }

    /** Cancels the command running in the foreground, if any (Ctrl-C). */
    void ctrlC() {
        Cancellation c = foreground;
        if (c != null) {
            c.cancel();
        }
    }

    /** Runs one line and returns its exit code. */
    int execute(String text) {
        PrintWriter err = console.err();
        try {
            ShellLine line = ShellLine.parse(text);
            if (line.empty()) {
                return 0;
            }
            return inForeground(() -> dispatch(text, line));
        } catch (SubstitutionFailed e) {
            return e.code;
        } catch (ShellLine.SyntaxException e) {
            err.println("apitool: error: " + source + ":" + lineNumber + ":" + e.column() + ": " + e.detail());
            return ExitCode.USAGE.code();
        } catch (InputException | TaskRejectedException e) {
            err.println("apitool: error: " + e.getMessage());
            return ExitCode.USAGE.code();
        } catch (ApitoolException e) {
            if (e.getMessage() != null) {
                err.println("apitool: " + (e.exitCode() == ExitCode.USAGE ? "error: " : "") + e.getMessage());
            }
            return e.exitCode().code();
        } finally {
            err.flush();
        }
    }

    /** Expands {@code line} and runs it: a built-in, a background job, or a command in the foreground. */
    private int dispatch(String text, ShellLine line) throws InterruptedException {
        keepReadyAddresses();
        List<String> words = expander.words(line);
        if (builtins.has(words.get(0))) {
            if (line.background()) {
                throw new InputException("'" + words.get(0) + "' is part of the shell and cannot run in the background");
            }
            return builtins.run(words);
        }
        List<String> args = expander.withSettings(base, words);
        if (args.get(0).equals("pipeline")) {
            completion.positionals(args).stream().findFirst().ifPresent(routes::loaded); // SPEC: its routes for Tab
        }
        if (line.background()) {
            String shown = Redactor.line(text.strip().replaceAll("\\s*&$", ""));
            int n = jobs.start(shown, args, this::runJob);
            if (Expander.reportsReady(base, args)) {
                return awaitReady(n, shown);
            }
            console.out().println("[" + n + "] " + shown + " started");
            console.out().flush();
            return 0;
        }
        return runCommand(args, console.out(), console.err(), base.interactive());
    }

    /**
     * Waits until job {@code n} is ready (prints {@code [N] … ready: URL}, keeps {@code urlN}) or has
     * ended (prints what it printed; returns its exit code), at most {@link #READY_BOUND}; Ctrl-C stops
     * the waiting, not the job.
     */
    private int awaitReady(int n, String shown) {
        PrintWriter out = console.out();
        PrintWriter err = console.err();
        if (console.interactive()) {
            err.println("[" + n + "] " + shown + " starting (Ctrl-C stops waiting)");
            err.flush();
        }
        TaskRecord<Integer> r;
        try {
            r = jobs.awaitReady(n, READY_BOUND).orElseThrow();
        } catch (InterruptedException e) {
            err.println("[" + n + "] " + shown + " started, not ready yet (Ctrl-C stopped the waiting; 'jobs' shows when it is)");
            return 130;
        }
        Optional<String> address = jobs.readyAddress(n);
        if (address.isPresent() && r.status() != TaskStatus.CANCELLED) {
            keepReadyAddresses();
            out.println("[" + n + "] " + shown + " ready: " + address.get());
            out.flush();
            return 0;
        }
        if (!r.status().ended()) {
            err.println("apitool: job " + n + " was not ready within " + READY_BOUND.toSeconds() + "s; it keeps running ('job "
                    + n + "' shows its output, 'cancel " + n + "' stops it)");
            return ExitCode.FAILED.code();
        }
        err.print(jobs.output(n)); // the job's own error, as a foreground run prints it; the end notice follows
        console.flushNotices();
        if (r.status() == TaskStatus.CANCELLED) {
            return 130;
        }
        return r.result() != null && r.result() != 0 ? r.result() : ExitCode.INTERNAL.code();
    }

    /** Keeps the address of each job that said it is ready as the setting {@code urlN}, once (an unset stays unset). */
    private void keepReadyAddresses() {
        for (TaskRecord<Integer> r : jobs.all()) {
            if (!readyKept.contains(r.number())) {
                jobs.readyAddress(r.number()).ifPresent(a -> {
                    readyKept.add(r.number());
                    settings.set("url" + r.number(), a);
                });
            }
        }
    }

    interface Work {
        int run() throws InterruptedException;
    }

    /** Runs {@code work} as the foreground command: Ctrl-C cancels it (or interrupts this thread). */
    private int inForeground(Work work) {
        Cancellation c = Cancellation.ofCurrentThread();
        foreground = c;
        try {
            return work.run();
        } catch (InterruptedException e) {
            console.err().println("apitool: interrupted");
            return 130;
        } finally {
            c.bind(null); // a Ctrl-C from now on interrupts nothing (not the next readLine)
            foreground = null;
            Thread.interrupted(); // a Ctrl-C that came as the command ended is spent
        }
    }

    /** Runs apitool with {@code args} in this thread, Ctrl-C being the current foreground cancellation. */
    private int runCommand(List<String> args, PrintWriter out, PrintWriter err, boolean interactive) {
        if (!args.isEmpty() && args.get(0).equals("shell")) {
            throw new InputException("already in the shell");
        }
        Cancellation c = foreground;
        return Apitool.run(context(c, interactive, base.env()), out, err, args.toArray(String[]::new));
    }

    private int runJob(List<String> args, JobOutput output, Cancellation cancellation) {
        if (!args.isEmpty() && args.get(0).equals("shell")) {
            new PrintWriter(output, true).println("apitool: error: already in the shell");
            return ExitCode.USAGE.code();
        }
        // 'cancel N' just after the start (a script does it) reaches the command once it registers its stop,
        // rather than interrupting its start-up; a second 'cancel N' interrupts
        cancellation.expectAction();
        Map<String, String> env = new HashMap<>(base.env());
        env.put("APITOOL_STDERR_TTY", "0"); // no live progress drawn into a kept buffer
        PrintWriter w = new PrintWriter(output, true);
        return Apitool.run(context(cancellation, false, env), w, w, args.toArray(String[]::new));
    }

    private Context context(Cancellation c, boolean interactive, Map<String, String> env) {
        return new Context(env, () -> new ByteArrayInputStream(new byte[0]), base.workDir(), base.clock(), interactive,
                c::onCancel, c::ready);
    }

    /** Runs {@code command} for {@code $(…)} and returns its standard output; its errors go to the shell's stderr. */
    private String substitute(String command) {
        ShellLine line = ShellLine.parse(command);
        if (line.empty() || line.background()) {
            throw new InputException("$(" + command + ") needs one apitool command, in the foreground");
        }
        List<String> words = expander.words(line);
        if (builtins.has(words.get(0))) {
            throw new InputException("$(" + words.get(0) + " …): only apitool commands can be substituted, not the shell's '"
                    + words.get(0) + "'");
        }
        StringWriter out = new StringWriter();
        int code = runCommand(expander.withSettings(base, words), new PrintWriter(out), console.err(), false);
        if (code != 0) {
            throw new SubstitutionFailed(code);
        }
        return out.toString();
    }

    /** A {@code $(…)} command failed; it has said why, and the line ends with its exit code. */
    static final class SubstitutionFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        SubstitutionFailed(int code) {
            super(null, null, false, false);
            this.code = code;
        }
    }
}
