package dev.apitool.core.load.engine;

import dev.apitool.core.http.Transport;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.plan.RequestPlan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A load run on real loopback sockets whose time is a {@link VirtualClock}: started on its own
 * thread, it waits at virtual time {@link VirtualClock#START} until the test moves the clock. The
 * loops' connections come up before the schedule begins, so the schedule starts at exactly
 * {@code START}.
 */
final class VirtualRun {

    final VirtualClock clock = new VirtualClock();
    private final Engine engine;
    private final int threads;
    private final CompletableFuture<LoadReport> report;

    private VirtualRun(LoadSpec spec, LoadListener listener) {
        this.engine = new Engine(spec, Transport.auto(), RequestPlan.single(spec), clock);
        this.threads = spec.effectiveThreads();
        this.report = CompletableFuture.supplyAsync(() -> engine.run(listener), r -> {
            Thread t = new Thread(r, "virtual-load-run");
            t.setDaemon(true);
            t.start();
        });
    }

    /** Starts {@code spec}'s run and returns once every loop's schedule has begun (at {@link VirtualClock#START}). */
    static VirtualRun start(LoadSpec spec, LoadListener listener) throws Exception {
        VirtualRun run = new VirtualRun(spec, listener);
        VirtualClock.await("the run's loops", () -> run.engine.loops().size() == run.threads || run.report.isDone());
        for (LoadLoop l : run.loops()) {
            VirtualClock.await("loop " + l + "'s connections", () -> run.report.isDone() || call(l, l::scheduling));
        }
        return run;
    }

    List<LoadLoop> loops() {
        return engine.loops();
    }

    /** Moves the time to {@code sinceStart} past the schedule's start, each timer on its loop. */
    void advanceTo(Duration sinceStart) throws Exception {
        clock.advanceTo(VirtualClock.at(sinceStart));
    }

    /** Moves the time to {@code sinceStart} in one task on the (first) loop: it reads no answer meanwhile. */
    void advanceOnLoop(Duration sinceStart) throws Exception {
        clock.advanceOn(loops().get(0).eventLoop(), VirtualClock.at(sinceStart));
    }

    /**
     * Waits until no request is in flight and no connection is being opened on any loop: every answer
     * to what was sent has been read, and no due request waits for a connection.
     */
    void awaitIdle() throws Exception {
        for (LoadLoop l : loops()) {
            VirtualClock.await("loop's answers", () -> report.isDone() || call(l, () -> l.inFlight() == 0 && l.connecting() == 0));
        }
    }

    /** Returns the report, once the run has ended by itself. */
    LoadReport report() throws Exception {
        return report.get(30, TimeUnit.SECONDS);
    }

    private static boolean call(LoadLoop l, java.util.concurrent.Callable<Boolean> c) {
        try {
            return VirtualClock.on(l.eventLoop(), c);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return true; // the run has ended and its loops are gone: nothing is in flight or waiting
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
