package dev.apitool.core.load;

import dev.apitool.core.http.Transport;
import dev.apitool.core.load.engine.Engine;
import dev.apitool.core.load.plan.RequestPlan;

/**
 * Runs one load test: the public face of {@code core.load}. A {@link LoadSpec} says what to run,
 * a {@link RequestPlan} what to send, a {@link LoadListener} hears each second as it is merged, and
 * the result is a {@link LoadReport}. The event loops, connections and Netty stay inside
 * {@code core.load.engine}. The run always ends by itself (see {@link LoadSpec#stopAfter()});
 * {@link #interrupt()} (Ctrl-C) stops it early and the report then says so.
 */
public final class LoadRunner {

    private final Engine engine;

    public LoadRunner(LoadSpec spec, Transport transport) {
        this(spec, transport, RequestPlan.single(spec));
    }

    /** Returns a runner sending {@code plan}'s requests (a targets file, per-request parts) rather than the spec's one. */
    public LoadRunner(LoadSpec spec, Transport transport, RequestPlan plan) {
        this.engine = new Engine(spec, transport, plan);
    }

    /** Returns a runner on the best transport (epoll where available). */
    public static LoadRunner of(LoadSpec spec) {
        return new LoadRunner(spec, Transport.auto());
    }

    /** Returns a runner of {@code plan} on the best transport (epoll where available). */
    public static LoadRunner of(LoadSpec spec, RequestPlan plan) {
        return new LoadRunner(spec, Transport.auto(), plan);
    }

    /**
     * Runs the test and returns its report.
     *
     * @throws dev.apitool.core.io.InputException when the URL is not http or https or its host does not resolve
     * @throws dev.apitool.core.io.InputException when the {@code --cacert} file cannot be used
     */
    public LoadReport run() {
        return run(LoadListener.NONE);
    }

    /**
     * Runs the test, telling {@code listener} (on this thread) of its start, of each second merged
     * over every event loop, and of its end, and returns its report.
     */
    public LoadReport run(LoadListener listener) {
        return engine.run(listener);
    }

    /** Stops the run from any thread: no new requests; in-flight ones get the grace period; {@link #run} then reports. */
    public void interrupt() {
        engine.interrupt();
    }
}
