package dev.apitool.core.tasks;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A bounded pool of worker threads over a bounded FIFO queue of {@link Task}s, with a record per
 * task (see the package doc). Workers are daemon threads: a task that ignores its cancellation
 * cannot keep the process alive. One lock guards the queue and every record; a listener given
 * at construction hears of each task as it ends, on the worker's thread, just before waiters see it end.
 */
public final class TaskQueue<T> {

    /** Most workers a queue may have. */
    public static final int MAX_WORKERS = 64;
    /** Most tasks a queue may hold, ended ones included. */
    public static final int MAX_TASKS = 100_000;

    private static final class Entry<T> {
        final int number;
        final String name;
        final Task<T> task;
        final Cancellation cancellation = new Cancellation(null);
        TaskStatus status = TaskStatus.PENDING;
        T result;
        String error;
        long startedNanos;
        long endedNanos;

        Entry(int number, String name, Task<T> task) {
            this.number = number;
            this.name = name;
            this.task = task;
        }
    }

    private final int workers;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final Consumer<TaskRecord<T>> onEnd;
    private final Map<Integer, Entry<T>> entries = new LinkedHashMap<>();
    private final Deque<Entry<T>> pending = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private int next;
    private int unfinished;
    private boolean running;
    private boolean stopping;

    /**
     * Returns a queue of {@code workers} (1 to {@link #MAX_WORKERS}) threads holding at most
     * {@code capacity} (1 to {@link #MAX_TASKS}) tasks in all, numbered from {@code firstNumber},
     * timing them with {@code nanoTime} (nanoseconds, monotonic), telling {@code onEnd} of each end.
     */
    public TaskQueue(int workers, int capacity, int firstNumber, LongSupplier nanoTime, Consumer<TaskRecord<T>> onEnd) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers must be 1.." + MAX_WORKERS + ": " + workers);
        }
        if (capacity < 1 || capacity > MAX_TASKS) {
            throw new IllegalArgumentException("capacity must be 1.." + MAX_TASKS + ": " + capacity);
        }
        this.workers = workers;
        this.capacity = capacity;
        this.next = firstNumber;
        this.nanoTime = nanoTime;
        this.onEnd = onEnd;
    }

    /** Starts the workers. */
    public synchronized void start() {
        if (running || stopping) {
            return;
        }
        running = true;
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(this::work, "apitool-task-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /** Enqueues {@code task} under {@code name} and returns its number; refused when full or stopping. */
    public synchronized int enqueue(String name, Task<T> task) {
        if (stopping) {
            throw new TaskRejectedException("the task queue is stopping");
        }
        if (entries.size() >= capacity) {
            throw new TaskRejectedException("the task queue is full (" + capacity + " tasks)");
        }
        Entry<T> e = new Entry<>(next++, name, task);
        e.cancellation.whenReady(this::readied);
        entries.put(e.number, e);
        pending.addLast(e);
        unfinished++;
        notifyAll();
        return e.number;
    }

    /** Returns the record of task {@code number}, if there is one. */
    public synchronized Optional<TaskRecord<T>> status(int number) {
        Entry<T> e = entries.get(number);
        return e == null ? Optional.empty() : Optional.of(record(e));
    }

    /** Returns the records of every task, in the order they were enqueued. */
    public synchronized List<TaskRecord<T>> list() {
        List<TaskRecord<T>> out = new ArrayList<>(entries.size());
        for (Entry<T> e : entries.values()) {
            out.add(record(e));
        }
        return out;
    }

    /**
     * Cancels task {@code number}: a pending one ends cancelled at once, a running one is asked to
     * stop through its {@link Cancellation} and ends cancelled when it returns. Returns false when
     * there is no such task or it has already ended.
     */
    public boolean cancel(int number) {
        Cancellation running;
        Entry<T> ended = null;
        synchronized (this) {
            Entry<T> e = entries.get(number);
            if (e == null || e.status.ended()) {
                return false;
            }
            if (e.status == TaskStatus.PENDING) {
                pending.remove(e);
                e.status = TaskStatus.CANCELLED;
                e.startedNanos = e.endedNanos = nanoTime.getAsLong();
                unfinished--;
                notifyAll();
                ended = e;
            }
            running = e.cancellation;
        }
        if (ended != null) {
            onEnd.accept(status(number).orElseThrow());
        } else {
            running.cancel();
        }
        return true;
    }

    /** Waits up to {@code timeout} for task {@code number} to end; returns its record then (ended or not), empty if unknown. */
    public synchronized Optional<TaskRecord<T>> await(int number, Duration timeout) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        Entry<T> e = entries.get(number);
        if (e == null) {
            return Optional.empty();
        }
        waitUntil(() -> e.status.ended(), deadline);
        return Optional.of(record(e));
    }

    /**
     * Waits up to {@code timeout} for task {@code number} to say it is ready ({@link Cancellation#ready})
     * or to end, whichever comes first; returns its record then, empty if unknown. Whether it became
     * ready is {@link #readyAddress}.
     */
    public synchronized Optional<TaskRecord<T>> awaitReady(int number, Duration timeout) throws InterruptedException {
        long deadline = nanoTime.getAsLong() + timeout.toNanos();
        Entry<T> e = entries.get(number);
        if (e == null) {
            return Optional.empty();
        }
        waitUntil(() -> e.status.ended() || e.cancellation.readyAddress().isPresent(), deadline);
        return Optional.of(record(e));
    }

    /** Returns the address task {@code number} gave when it said it was ready, if it did (it may have ended since). */
    public Optional<String> readyAddress(int number) {
        Cancellation c;
        synchronized (this) {
            Entry<T> e = entries.get(number);
            if (e == null) {
                return Optional.empty();
            }
            c = e.cancellation;
        }
        return c.readyAddress();
    }

    private synchronized void readied() {
        notifyAll();
    }

    /** Drains the queue: waits until every task enqueued so far has ended, then stops the workers and joins them. */
    public void stop() throws InterruptedException {
        synchronized (this) {
            while (unfinished > 0) {
                wait();
            }
            stopping = true;
            notifyAll();
        }
        for (Thread t : workersCopy()) {
            t.join();
        }
    }

    /**
     * Cancels every pending and running task and stops the workers, waiting at most {@code bound}
     * for them; returns whether every task ended within it.
     */
    public boolean shutdown(Duration bound) throws InterruptedException {
        List<Integer> numbers;
        synchronized (this) {
            stopping = true;
            numbers = new ArrayList<>(entries.keySet());
            notifyAll();
        }
        for (int n : numbers) {
            cancel(n);
        }
        long deadline = nanoTime.getAsLong() + bound.toNanos();
        for (Thread t : workersCopy()) {
            long left = deadline - nanoTime.getAsLong();
            if (left > 0) {
                t.join(Math.max(1, left / 1_000_000));
            }
        }
        synchronized (this) {
            return unfinished == 0;
        }
    }

    private synchronized List<Thread> workersCopy() {
        return new ArrayList<>(threads);
    }

    private void waitUntil(java.util.function.BooleanSupplier done, long deadlineNanos) throws InterruptedException {
        while (!done.getAsBoolean()) {
            long left = deadlineNanos - nanoTime.getAsLong();
            if (left <= 0) {
                return;
            }
            // the wait is bounded by the real time left; the clock only decides when to give up
            wait(Math.max(1, Math.min(left / 1_000_000, 100)));
        }
    }

    private void work() {
        while (true) {
            Entry<T> e;
            synchronized (this) {
                while (pending.isEmpty() && !stopping) {
                    try {
                        wait();
                    } catch (InterruptedException ex) {
                        return;
                    }
                }
                if (pending.isEmpty()) {
                    return;
                }
                e = pending.removeFirst();
                e.status = TaskStatus.RUNNING;
                e.startedNanos = nanoTime.getAsLong();
                e.cancellation.bind(Thread.currentThread());
            }
            runOne(e);
        }
    }

    private void runOne(Entry<T> e) {
        T result = null;
        String error = null;
        try {
            result = e.task.run(e.cancellation);
        } catch (Exception | LinkageError | AssertionError ex) {
            error = ex.getMessage() != null ? ex.getMessage() : ex.toString();
        } finally {
            e.cancellation.bind(null);
            Thread.interrupted(); // a cancel's interrupt ends with the task, not with the worker
        }
        TaskStatus status = e.cancellation.cancelled() ? TaskStatus.CANCELLED : error != null ? TaskStatus.FAILED : TaskStatus.DONE;
        long endedNanos = nanoTime.getAsLong();
        // the listener hears first, so whoever waits for the task finds its notice already given
        onEnd.accept(new TaskRecord<>(e.number, e.name, status, result, error, Duration.ofNanos(Math.max(0, endedNanos - e.startedNanos))));
        synchronized (this) {
            e.result = result;
            e.error = error;
            e.status = status;
            e.endedNanos = endedNanos;
            unfinished--;
            notifyAll();
        }
    }

    private TaskRecord<T> record(Entry<T> e) {
        long elapsed = switch (e.status) {
            case PENDING -> 0;
            case RUNNING -> nanoTime.getAsLong() - e.startedNanos;
            default -> e.endedNanos - e.startedNanos;
        };
        return new TaskRecord<>(e.number, e.name, e.status, e.result, e.error, Duration.ofNanos(Math.max(0, elapsed)));
    }
}
