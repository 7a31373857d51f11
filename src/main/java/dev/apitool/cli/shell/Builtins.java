package dev.apitool.cli.shell;

import dev.apitool.cli.Apitool;
import dev.apitool.cli.Context;
import dev.apitool.core.io.InputException;
import dev.apitool.core.shell.Settings;
import dev.apitool.core.tasks.TaskRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The shell's own commands: {@code help}, {@code set}, {@code unset}, {@code show settings},
 * {@code jobs}, {@code job N}, {@code wait [N]}, {@code cancel N} and {@code exit [CODE]}.
 */
final class Builtins {

    /** Longest wait for a cancelled job to end, and for every job on exit. */
    static final Duration CANCEL_BOUND = Duration.ofSeconds(10);

    static final Set<String> NAMES = Set.of("help", "set", "unset", "show", "jobs", "job", "wait", "cancel", "exit", "quit");

    private final Settings settings;
    private final Jobs jobs;
    private final Console console;
    private final Context context;

    Builtins(Settings settings, Jobs jobs, Console console, Context context) {
        this.settings = settings;
        this.jobs = jobs;
        this.console = console;
        this.context = context;
    }

    /** {@code exit}: leaves the shell with {@code code} (negative: the shell's own). */
    static final class Exit extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        Exit(int code) {
            super(null, null, false, false);
            this.code = code;
        }

        int code() {
            return code;
        }
    }

    boolean has(String word) {
        return NAMES.contains(word);
    }

    int run(List<String> words) throws InterruptedException {
        List<String> args = words.subList(1, words.size());
        PrintWriter out = console.out();
        try {
            switch (words.get(0)) {
                case "help" -> {
                    return help(args);
                }
                case "set" -> {
                    if (args.isEmpty()) {
                        settings.shown().forEach(out::println);
                        return 0;
                    }
                    if (args.size() != 2) {
                        throw new InputException("set takes NAME VALUE (quote a value with spaces: set NAME 'a b'); got "
                                + args.size() + " word" + (args.size() == 1 ? "" : "s"));
                    }
                    settings.set(args.get(0), args.get(1));
                    return 0;
                }
                case "unset" -> {
                    for (String name : args) {
                        if (!settings.unset(name)) {
                            throw new InputException("'" + name + "' is not set (see 'show settings')");
                        }
                    }
                    return 0;
                }
                case "show" -> {
                    if (!args.isEmpty() && !args.equals(List.of("settings"))) {
                        throw new InputException("show what? (expected: show settings)");
                    }
                    List<String> shown = settings.shown();
                    if (shown.isEmpty()) {
                        out.println("no settings (set NAME VALUE: url, output, secret, … or any option's long name)");
                    }
                    shown.forEach(out::println);
                    return 0;
                }
                case "jobs" -> {
                    jobs.all().forEach(r -> out.println(jobs.line(r)));
                    return 0;
                }
                case "job" -> {
                    TaskRecord<Integer> r = job(one(args, "job N"));
                    out.println(jobs.line(r));
                    out.print(jobs.output(r.number()));
                    return 0;
                }
                case "wait" -> {
                    return await(args);
                }
                case "cancel" -> {
                    return cancel(args);
                }
                default -> { // exit, quit
                    throw new Exit(args.isEmpty() ? -1 : code(args.get(0)));
                }
            }
        } finally {
            out.flush();
        }
    }

    private int help(List<String> args) {
        List<String> a = new ArrayList<>(args);
        a.add("--help");
        PrintWriter out = console.out();
        int code = Apitool.run(context, out, console.err(), a.toArray(String[]::new));
        if (args.isEmpty()) {
            out.println();
            out.println("In the shell: every command above without the 'apitool' prefix, and");
            out.println("  COMMAND … &          run as a background job        jobs, job N     list jobs, show one's output");
            out.println("  pipeline serve … &   waits until it listens: [N] … ready: URL, kept as $urlN ($url1/orders)");
            out.println("  wait [N]             wait for a job (or all)        cancel N        stop a job cleanly");
            out.println("  set NAME VALUE       a default for later commands   unset NAME      forget it");
            out.println("  show settings        the settings, secrets masked   exit, Ctrl-D    leave");
            out.println("  $NAME, $(COMMAND)    a setting, a command's output  Ctrl-C          cancel the running command");
            out.println("  help COMMAND         a command's help");
        }
        return code;
    }

    private int await(List<String> args) throws InterruptedException {
        List<Integer> numbers = new ArrayList<>();
        if (args.isEmpty()) {
            jobs.running().forEach(r -> numbers.add(r.number()));
        } else {
            numbers.add(job(one(args, "wait [N]")).number());
        }
        if (console.interactive() && !numbers.isEmpty()) {
            console.err().println("waiting for job" + (numbers.size() == 1 ? " " : "s ") + numbers.toString().replaceAll("[\\[\\]]", "")
                    + " (Ctrl-C stops waiting)");
            console.err().flush();
        }
        int code = 0;
        for (int n : numbers) {
            TaskRecord<Integer> r = jobs.await(n, Duration.ofDays(365)).orElseThrow();
            int c = r.result() != null ? r.result() : 4;
            code = code == 0 ? c : code;
        }
        console.flushNotices();
        return code;
    }

    private int cancel(List<String> args) throws InterruptedException {
        if (args.isEmpty()) {
            throw new InputException("cancel which job? (expected: cancel N; see 'jobs')");
        }
        int code = 0;
        for (String a : args) {
            TaskRecord<Integer> r = job(a);
            if (!jobs.cancel(r.number())) {
                console.err().println("apitool: job " + r.number() + " has already ended (" + r.status().label() + ")");
                continue;
            }
            TaskRecord<Integer> after = jobs.await(r.number(), CANCEL_BOUND).orElseThrow();
            if (!after.status().ended()) {
                console.err().println("apitool: job " + r.number() + " did not stop within " + CANCEL_BOUND.toSeconds() + "s; it is still asked to");
                code = 1;
            }
        }
        console.flushNotices();
        return code;
    }

    /**
     * Leaves after asking, when jobs are running, whether to cancel them; then cancels them within
     * {@link #CANCEL_BOUND}. Returns false when the person chose to stay.
     */
    boolean leave() {
        List<TaskRecord<Integer>> running = jobs.running();
        if (running.isEmpty()) {
            return true;
        }
        PrintWriter err = console.err();
        err.println(running.size() + " job" + (running.size() == 1 ? " is" : "s are") + " running:");
        running.forEach(r -> err.println("  " + jobs.line(r)));
        err.flush();
        if (!console.confirm("Cancel " + (running.size() == 1 ? "it" : "them") + " and leave? [y/N] ")) {
            return false;
        }
        try {
            if (!jobs.shutdown(CANCEL_BOUND)) {
                err.println("apitool: some jobs did not stop within " + CANCEL_BOUND.toSeconds() + "s; leaving anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        console.flushNotices();
        return true;
    }

    private TaskRecord<Integer> job(String word) {
        String digits = word.startsWith("%") ? word.substring(1) : word;
        Optional<TaskRecord<Integer>> r = Optional.empty();
        if (digits.matches("\\d{1,6}")) {
            r = jobs.job(Integer.parseInt(digits));
        }
        return r.orElseThrow(() -> new InputException("no job '" + word + "' (see 'jobs')"));
    }

    private static String one(List<String> args, String usage) {
        if (args.size() != 1) {
            throw new InputException("expected: " + usage);
        }
        return args.get(0);
    }

    private static int code(String word) {
        if (!word.matches("\\d{1,3}") || Integer.parseInt(word) > 255) {
            throw new InputException("exit code must be 0..255: '" + word + "'");
        }
        return Integer.parseInt(word);
    }
}
