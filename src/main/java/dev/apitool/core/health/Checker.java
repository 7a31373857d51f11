package dev.apitool.core.health;

import dev.apitool.core.http.CallTiming;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.time.Durations;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Checks endpoints, all at once: one {@link HttpClient} for the run, started before any clock
 * runs, one future per endpoint, each attempt bounded by the endpoint's timeout, so a run takes about as long as its slowest check
 * (all at once, each under its own timeout, as {@code asyncio.gather} with {@code wait_for}). An unhealthy attempt is retried
 * {@code retries} times, after {@code retryBackoff}, doubled before each further retry. An HTTP
 * check's latency is the request's own, from its write to the end of the response (curl's
 * {@code time_total} less {@code time_connect}); a connect check's is the connect.
 * {@code tcp://} targets connect directly even when a proxy is configured (a proxy would answer
 * for them); {@code tls://} targets tunnel through it as https does.
 */
public final class Checker implements AutoCloseable {

    private final HttpClient client;
    private final Clock wallClock;
    private final LongSupplier nanoClock;

    /**
     * Returns a checker whose client is made with {@code options} (see {@link #optionsFor}).
     *
     * @param wallClock the time certificates are judged at and runs are stamped with
     */
    public Checker(HttpClientOptions options, Clock wallClock) {
        this(options, wallClock, System::nanoTime);
    }

    /** For tests: a chosen clock for latencies. */
    Checker(HttpClientOptions options, Clock wallClock, LongSupplier nanoClock) {
        this.client = new HttpClient(options);
        this.wallClock = wallClock;
        this.nanoClock = nanoClock;
        client.warmUp(); // timeouts and latencies start after this: they bound and time requests, not the JVM
    }

    /**
     * Returns {@code base} fitted to checking {@code endpoints} at once: a pool per origin as large
     * as the number of endpoints (200 checks of one server must not queue for 8 connections), and
     * connect and acquire timeouts no shorter than the longest endpoint timeout, which bounds every
     * attempt by itself.
     */
    public static HttpClientOptions optionsFor(List<Endpoint> endpoints, HttpClientOptions base) {
        Duration longest = Duration.ofMillis(1);
        for (Endpoint e : endpoints) {
            longest = e.timeout().compareTo(longest) > 0 ? e.timeout() : longest;
        }
        return base.toBuilder()
                .connectTimeout(longest)
                .acquireTimeout(longest)
                .maxConnectionsPerOrigin(Math.max(base.maxConnectionsPerOrigin(), endpoints.size()))
                .build();
    }

    /** Returns a report of every endpoint, once all checks are done. */
    public CompletableFuture<HealthReport> run(List<Endpoint> endpoints) {
        Instant startedAt = wallClock.instant();
        long start = nanoClock.getAsLong();
        List<CompletableFuture<EndpointResult>> checks = new ArrayList<>(endpoints.size());
        for (Endpoint e : endpoints) {
            checks.add(check(e));
        }
        return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<EndpointResult> results = new ArrayList<>(checks.size());
            checks.forEach(c -> results.add(c.join()));
            return HealthReport.of(results, startedAt, Duration.ofNanos(nanoClock.getAsLong() - start));
        });
    }

    /**
     * Runs every check and waits for the report.
     *
     * @throws InterruptedException when interrupted while waiting (Ctrl-C under {@code --watch})
     */
    public HealthReport runAndWait(List<Endpoint> endpoints) throws InterruptedException {
        try {
            return run(endpoints).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("health run failed: " + e.getCause(), e.getCause());
        }
    }

    /** Returns the result of checking {@code e}, retries included; it never completes exceptionally. */
    public CompletableFuture<EndpointResult> check(Endpoint e) {
        return attempt(e, 1);
    }

    private CompletableFuture<EndpointResult> attempt(Endpoint e, int n) {
        return once(e, n).thenCompose(r -> {
            if (r.status() != HealthStatus.UNHEALTHY || n > e.retries()) {
                return CompletableFuture.completedFuture(r);
            }
            Duration pause = backoff(e.retryBackoff(), n);
            Executor later = CompletableFuture.delayedExecutor(pause.toNanos(), TimeUnit.NANOSECONDS);
            return CompletableFuture.supplyAsync(() -> n + 1, later).thenCompose(next -> attempt(e, next));
        });
    }

    /** Returns the pause before retry {@code n} (1-based): {@code first}, doubled each time, at most a minute. */
    static Duration backoff(Duration first, int n) {
        Duration d = first;
        for (int i = 1; i < n && d.compareTo(Duration.ofMinutes(1)) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : d;
    }

    private CompletableFuture<EndpointResult> once(Endpoint e, int n) {
        long start = nanoClock.getAsLong();
        CompletableFuture<Observation> seen;
        if (e.target().isHttp()) {
            HttpRequest request = new HttpRequest(e.method(), e.target().uri(), e.headers(), e.body(), e.timeout());
            CallTiming timing = new CallTiming();
            seen = client.send(request, timing).thenApply(r -> Observation.of(r, timing.exchange()));
        } else {
            URI uri = e.target().uri();
            seen = (e.target().kind() == Target.Kind.TCP ? client.connectDirect(uri) : client.connect(uri)).thenApply(c -> {
                try {
                    return Observation.connection(since(start), c.peerCertificates());
                } finally {
                    c.close();
                }
            });
        }
        CompletableFuture<EndpointResult> result = seen.handle((o, t) -> t == null
                ? Verdicts.judge(e, o, wallClock.instant(), n)
                : Verdicts.failed(e, reason(e, t), n));
        return result.completeOnTimeout(Verdicts.failed(e, timeout(e), n), e.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private Duration since(long start) {
        return Duration.ofNanos(nanoClock.getAsLong() - start);
    }

    private static String timeout(Endpoint e) {
        return "timeout after " + Durations.format(e.timeout());
    }

    /** Returns the short words for a failure where there are some: {@code Connection refused}, {@code timeout after 100ms}. */
    static String reason(Endpoint e, Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        if (c instanceof HttpException h) {
            return switch (h.kind()) {
                case CONNECT_REFUSED -> "Connection refused";
                case TIMEOUT -> timeout(e);
                default -> h.getMessage();
            };
        }
        return "error: " + c;
    }

    /** Closes the client(s); checks in flight fail. */
    @Override
    public void close() {
        client.close();
    }
}
