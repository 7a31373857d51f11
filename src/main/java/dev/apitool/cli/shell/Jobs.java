package dev.apitool.cli.shell;

import dev.apitool.core.shell.Redactor;
import dev.apitool.core.tasks.TaskQueue;
import dev.apitool.core.tasks.TaskRecord;
import dev.apitool.core.tasks.TaskStatus;
import dev.apitool.core.time.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The shell's background jobs: commands run on a {@link TaskQueue}, numbered from 1 as in a
 * POSIX shell, each with its output kept in a {@link JobOutput}. A job's result is its exit code.
 * A notice is given when a job ends ({@code [1] done (exit 0) load …}); a cancelled job shows
 * {@code cancelled}, not the exit code its command returns when stopped ({@code job N} shows what it
 * printed, such as a load test's partial report).
 */
final class Jobs {

    /** Most jobs that run at once; more wait for a free worker. */
    static final int WORKERS = 8;
    /** Most jobs a session may start. */
    static final int CAPACITY = 1000;

    /** What a job runs: its command words, writing to the given output, cancelled through the given cancellation. */
    interface Runner {
        int run(List<String> args, JobOutput output, dev.apitool.core.tasks.Cancellation cancellation);
    }

    private final TaskQueue<Integer> queue;
    private final Map<Integer, JobOutput> outputs = new ConcurrentHashMap<>();
    private final Map<Integer, String> commands = new ConcurrentHashMap<>();

    Jobs(Consumer<String> notices) {
        this.queue = new TaskQueue<>(WORKERS, CAPACITY, 1, System::nanoTime, rec -> notices.accept(notice(rec)));
        queue.start();
    }

    /** Starts {@code args} (shown as {@code line}, masked) as a job and returns its number. */
    int start(String line, List<String> args, Runner runner) {
        JobOutput output = new JobOutput();
        String shown = Redactor.line(line);
        synchronized (this) {
            int n = queue.enqueue(shown, c -> runner.run(args, output, c));
            outputs.put(n, output);
            commands.put(n, shown);
            return n;
        }
    }

    Optional<TaskRecord<Integer>> job(int n) {
        synchronized (this) {
            return queue.status(n);
        }
    }

    List<TaskRecord<Integer>> all() {
        return queue.list();
    }

    List<TaskRecord<Integer>> running() {
        return all().stream().filter(r -> !r.status().ended()).toList();
    }

    String output(int n) {
        JobOutput o = outputs.get(n);
        return o == null ? "" : o.text();
    }

    boolean cancel(int n) {
        return queue.cancel(n);
    }

    Optional<TaskRecord<Integer>> await(int n, Duration timeout) throws InterruptedException {
        return queue.await(n, timeout);
    }

    /** Waits up to {@code timeout} for job {@code n} to say it is ready or to end; returns its record then. */
    Optional<TaskRecord<Integer>> awaitReady(int n, Duration timeout) throws InterruptedException {
        return queue.awaitReady(n, timeout);
    }

    /** Returns the address job {@code n} gave when it said it was ready, if it did. */
    Optional<String> readyAddress(int n) {
        return queue.readyAddress(n);
    }

    /** Cancels every job and waits at most {@code bound}; returns whether all ended. */
    boolean shutdown(Duration bound) throws InterruptedException {
        return queue.shutdown(bound);
    }

    /** Returns the {@code jobs} line of {@code r}: number, status, elapsed, command, and for an ended job its exit code and last line. */
    String line(TaskRecord<Integer> r) {
        StringBuilder s = new StringBuilder();
        s.append('[').append(r.number()).append("]  ").append(pad(r.status().label(), 9)).append(' ')
                .append(pad(elapsed(r.elapsed()), 7))
                .append(' ').append(r.name());
        String result = r.status().ended() ? result(r, o -> o.lastLine())
                : readyAddress(r.number()).map(a -> "ready: " + a).orElse("");
        if (!result.isEmpty()) {
            s.append("  — ").append(result);
        }
        return s.toString();
    }

    private String notice(TaskRecord<Integer> r) {
        String result = result(r, o -> "");
        return "[" + r.number() + "] " + r.status().label() + (result.isEmpty() ? "" : " (" + result + ")") + "  " + r.name()
                + (r.status().ended() ? "  (job " + r.number() + " shows its output)" : "");
    }

    private String result(TaskRecord<Integer> r, Function<JobOutput, String> more) {
        if (!r.status().ended()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (r.result() != null && r.status() != TaskStatus.CANCELLED) { // cancelled says how it ended, not "exit 130"
            s.append("exit ").append(r.result());
        } else if (r.status() == TaskStatus.FAILED) {
            s.append("error: ").append(r.error());
        }
        JobOutput o = outputs.get(r.number());
        String last = o == null ? "" : more.apply(o);
        if (!last.isEmpty()) {
            s.append(s.length() > 0 ? ": " : "").append(last.length() > 72 ? last.substring(0, 71) + "…" : last);
        }
        return s.toString();
    }

    /** Returns {@code d} to the millisecond under a second, else to the second ({@code 250ms}, {@code 12s}, {@code 3m4s}). */
    static String elapsed(Duration d) {
        return Durations.format(d.compareTo(Duration.ofSeconds(1)) < 0 ? d.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)
                : d.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
