package dev.apitool.core.load.engine;

import dev.apitool.core.http.Dialer;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.Origin;
import dev.apitool.core.http.Transport;
import dev.apitool.core.io.InputException;
import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.LoadListener;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Measurement;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.time.Durations;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The event loops of one load run (wrk's {@code main}): makes the run's one
 * {@link dev.apitool.core.http.Dialer} and resolves the target through it once (or takes its
 * {@code --resolve} address), encodes the requests once, starts one {@link LoadLoop} per event loop,
 * waits for all of them, and merges their statistics. It owns the event loop group and always
 * shuts it down. The run always ends by itself: by {@code -d}, or for a {@code -n} run by the count
 * or its maximum duration, each request bounded by the timeout, the in-flight ones by a grace
 * period, and the whole run by a hard bound past the deadline. {@link #interrupt()} stops it early.
 * {@link dev.apitool.core.load.LoadRunner} is the public face; this is the only part of the run
 * that touches Netty.
 */
public final class Engine {

    private final LoadSpec spec;
    private final Transport transport;
    private final RequestPlan plan;
    /** The time and timers of the run: the system's, or a test's virtual ones. */
    private final LoadClock clock;
    private volatile List<LoadLoop> loops = List.of();
    private volatile boolean interrupted;

    /** Returns the engine of a run of {@code plan} under {@code spec} on {@code transport}. */
    public Engine(LoadSpec spec, Transport transport, RequestPlan plan) {
        this(spec, transport, plan, LoadClock.SYSTEM);
    }

    /** Returns the engine of a run whose loops read the time and set their timers on {@code clock}. */
    Engine(LoadSpec spec, Transport transport, RequestPlan plan, LoadClock clock) {
        this.spec = spec;
        this.transport = transport;
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * Runs the test, telling {@code listener} (on this thread) of its start, of each second merged
     * over every event loop, and of its end, and returns its report.
     *
     * @throws InputException when the URL is not http or https or its host does not resolve
     */
    public LoadReport run(LoadListener listener) {
        int threads = spec.effectiveThreads();
        long warmupNanos = 0;
        long warmupCount = 0;
        String warmup;
        if (spec.warmup() == null && spec.duration() != null) {
            warmupNanos = Math.min(1_000_000_000L, spec.duration().toNanos() / 10);
            warmup = Durations.format(Duration.ofNanos(warmupNanos));
        } else if (spec.warmup() == null) {
            warmupCount = spec.requests() * 5 / 100;
            warmup = warmupCount == 0 ? "none" : "first " + warmupCount + " requests";
        } else {
            warmupNanos = spec.warmup().toNanos();
            warmup = warmupNanos == 0 ? "none" : Durations.format(spec.warmup());
        }
        RefreshingToken.Token token = plan.jwt() == null ? null : plan.jwt().current();
        try (Templates templates = Templates.encode(plan, token == null ? null : token.ascii())) {
            templates.checkCopies(plan, spec.socketsNeeded(),
                    spec.open() && spec.maxInFlight() > spec.connections() ? "--max-in-flight" : "-c");
            // one dialer for the run: the address resolved once, one TLS context for https, connect and handshake bounded by the timeout
            Dialer dialer = Dialer.direct(transport, spec.url(), spec.connect(), spec.timeout());
            Origin origin = origin(dialer);
            InetSocketAddress address = resolve(dialer, origin);
            EventLoopGroup group = transport.newGroup(threads, "apitool-load");
            try {
                CountDownLatch done = new CountDownLatch(threads);
                long t0 = clock.nanoTime();
                Intervals intervals = new Intervals(threads, t0, listener);
                listener.started(System.currentTimeMillis(), spec, warmup);
                List<LoadLoop> list = new ArrayList<>();
                Iterator<EventExecutor> executors = group.iterator();
                for (int i = 0; i < threads; i++) {
                    LoopShare share = LoopShare.of(spec, i, threads, warmupCount);
                    list.add(new LoadLoop(i, threads, (EventLoop) executors.next(), spec,
                            new LoopRequests(plan, templates, token, share, i), dialer, origin, address, done,
                            warmupNanos, share, intervals, clock));
                }
                loops = list;
                for (LoadLoop l : list) {
                    l.eventLoop().execute(l::start);
                }
                if (interrupted) {
                    interrupt();
                }
                if (!await(intervals)) {
                    for (LoadLoop l : list) {
                        l.eventLoop().execute(l::finish);
                    }
                    done.await(5, TimeUnit.SECONDS);
                }
                intervals.drain();
                List<Measurement> stats = new ArrayList<>();
                for (LoadLoop l : list) {
                    stats.add(l.stats().snapshot());
                }
                Measurement total = Measurement.sum(stats);
                boolean aborted = list.stream().anyMatch(l -> l.abortReason() != null);
                StoppedBy stoppedBy = interrupted ? StoppedBy.INTERRUPT : aborted ? StoppedBy.ERROR
                        : spec.requests() > 0 && total.started() >= spec.requests() ? StoppedBy.REQUESTS
                        : spec.duration() == null ? StoppedBy.MAX_DURATION : StoppedBy.DURATION;
                LoadReport report = LoadReport.merge(spec, transport.name(), threads, stats, warmup, stoppedBy, plan.summary(),
                        spec.measuredTargetRps(warmupNanos, warmupCount));
                long from = total.firstMeasuredNanos();
                long to = total.lastMeasuredNanos();
                listener.finished(report, from == Long.MAX_VALUE ? 0 : from - t0, to == Long.MIN_VALUE ? 0 : to - t0);
                return report;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the load run", e);
            } finally {
                group.shutdownGracefully(0, 500, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    /** Returns the run's loops, once {@link #run} has made them (for tests that look into a loop). */
    List<LoadLoop> loops() {
        return loops;
    }

    /** Stops the run from any thread: no new requests; in-flight ones get the grace period; {@link #run} then reports. */
    public void interrupt() {
        interrupted = true;
        for (LoadLoop l : loops) {
            try {
                l.eventLoop().execute(l::interrupt);
            } catch (RejectedExecutionException e) {
                // the run has ended and its event loops are gone (Ctrl-C just as it ended): nothing to stop
            }
        }
    }

    /**
     * Waits for every loop, merging their intervals as they come: past a deadline, no longer than it
     * plus the grace period, the connect timeout and 5 s.
     */
    private boolean await(Intervals intervals) throws InterruptedException {
        long bound = spec.stopAfter().plus(spec.grace()).plus(spec.timeout()).plusSeconds(5).toNanos();
        return intervals.await(bound);
    }

    private Origin origin(Dialer dialer) {
        try {
            return dialer.origin(spec.url());
        } catch (HttpException e) {
            throw new InputException("expected an http:// or https:// URL with a host, not '" + spec.url() + "'", e);
        }
    }

    /** Returns the target's address: its {@code --resolve} address (the name stays in Host and TLS), or one lookup. */
    private InetSocketAddress resolve(Dialer dialer, Origin origin) {
        try {
            return dialer.resolveNow(origin);
        } catch (HttpException e) {
            throw new InputException("cannot resolve host '" + spec.url().getHost() + "': " + e.getCause().getMessage(), e);
        }
    }
}
