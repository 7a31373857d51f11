package dev.apitool.core.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a piece of work is asked to stop, and how it says it is ready. The work registers actions
 * that stop it cleanly ({@link #onCancel}); {@link #cancel()} runs them, or interrupts the thread
 * the work runs on when it registered none. A second cancel also interrupts that thread: the user
 * asked twice. Work that serves others (a server bound and accepting) calls {@link #ready} once it
 * does, with the address it is reached at; whoever started it may wait for that
 * ({@link TaskQueue#awaitReady}). Thread-safe; an action registered after the cancel runs at once.
 */
public final class Cancellation {

    /** A registered action; closing it takes it back. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Runnable> actions = new ArrayList<>();
    private Thread worker;
    private int cancels;
    private boolean actionExpected;
    private String readyAddress;
    private Runnable readyListener = () -> { };

    /** Returns a cancellation for work running on {@code worker} (null: none yet, see {@link #bind}). */
    public Cancellation(Thread worker) {
        this.worker = worker;
    }

    /** Returns a cancellation for work that runs on the calling thread. */
    public static Cancellation ofCurrentThread() {
        return new Cancellation(Thread.currentThread());
    }

    /** Makes {@code thread} the one interrupted as the fallback (null: none). */
    public synchronized void bind(Thread thread) {
        this.worker = thread;
    }

    /**
     * Says that the work registers its stop action itself, perhaps only after a cancel has come (a
     * command still starting up): the first cancel then never interrupts, and the action runs as
     * it is registered. A repeated cancel still interrupts.
     */
    public synchronized void expectAction() {
        actionExpected = true;
    }

    /** Registers {@code action} to run on cancel, until the returned registration is closed. */
    public Registration onCancel(Runnable action) {
        boolean runNow;
        synchronized (this) {
            runNow = cancels > 0;
            if (!runNow) {
                actions.add(action);
            }
        }
        if (runNow) {
            action.run();
            return () -> { };
        }
        return () -> {
            synchronized (this) {
                actions.remove(action);
            }
        };
    }

    /** Asks the work to stop: runs the registered actions, or interrupts its thread when there are none (or on a repeat). */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            cancels++;
            run = new ArrayList<>(actions);
            if (((run.isEmpty() && !actionExpected) || cancels > 1) && worker != null) {
                worker.interrupt(); // under the lock: once bind(null) has returned, no interrupt reaches the thread
            }
        }
        for (Runnable r : run) {
            r.run();
        }
    }

    /**
     * Says the work is ready for others: a server bound and accepting, reached at {@code address}
     * (such as {@code http://127.0.0.1:41234}). Only the first call counts.
     */
    public void ready(String address) {
        Runnable listener;
        synchronized (this) {
            if (readyAddress != null) {
                return;
            }
            readyAddress = Objects.requireNonNull(address, "address");
            listener = readyListener;
        }
        listener.run();
    }

    /** Returns the address the work gave when it said it was ready, if it has. */
    public synchronized Optional<String> readyAddress() {
        return Optional.ofNullable(readyAddress);
    }

    /** Makes {@code listener} hear of {@link #ready} (on the work's thread, no lock held). */
    synchronized void whenReady(Runnable listener) {
        this.readyListener = listener;
    }

    /** Returns whether {@link #cancel()} was called. */
    public synchronized boolean cancelled() {
        return cancels > 0;
    }
}
