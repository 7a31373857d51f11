package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 requests, 32 in flight over a pool of 8, with a seeded mix of server failures (500s,
 * truncated bodies, empty replies, resets, announced and unannounced closes) and client timeouts:
 * every call ends, and afterwards no connection is left in use or open beyond the pool's bound.
 * Nothing depends on the machine's speed: a call that should time out goes to a server that never
 * answers it, the others have no deadline (nor a short wait for the pool), and "every call ends" fails
 * only when the calls stop ending (no call ended for a minute), not when they are slow.
 */
@Timeout(600)
class ConnectionLeakTest {

    private static final int REQUESTS = 10_000;
    private static final int IN_FLIGHT = 32;
    private static final int POOL = 8;

    /** The longest any call may go without another one ending: longer means calls are stuck, not slow. */
    private static final long STALL_SECONDS = 60;

    private enum Outcome { OK, ERROR_500, TRUNCATED, EMPTY, RESET, CLOSE, QUIET_CLOSE, SILENT, STREAMED }

    private static ServerResponse respond(Outcome o) {
        return switch (o) {
            case OK, SILENT -> ServerResponse.text(200, "ok");
            case ERROR_500 -> ServerResponse.text(500, "boom");
            case TRUNCATED -> ServerResponse.truncated(200, 500, new byte[50]);
            case EMPTY -> ServerResponse.emptyReply();
            case RESET -> ServerResponse.reset();
            case CLOSE -> ServerResponse.text(200, "bye").withEnding(ServerResponse.Ending.CLOSE);
            case QUIET_CLOSE -> ServerResponse.text(200, "bye").withEnding(ServerResponse.Ending.ABORT);
            case STREAMED -> TestHandlers.large(64 * 1024);
        };
    }

    private static Outcome pick(SplittableRandom random) {
        int p = random.nextInt(100);
        return p < 70 ? Outcome.OK : p < 75 ? Outcome.ERROR_500 : p < 79 ? Outcome.TRUNCATED : p < 82 ? Outcome.EMPTY
                : p < 84 ? Outcome.RESET : p < 89 ? Outcome.CLOSE : p < 94 ? Outcome.QUIET_CLOSE : p < 96 ? Outcome.SILENT
                : Outcome.STREAMED;
    }

    private static int sum(Map<Outcome, AtomicInteger> counts, Outcome... outcomes) {
        int n = 0;
        for (Outcome o : outcomes) {
            n += counts.get(o).get();
        }
        return n;
    }

    @Test
    void tenThousandRequests_randomFailures_noConnectionLeaks() throws Exception {
        RequestHandler handler = r -> {
            Outcome o = Outcome.valueOf(r.header("X-Outcome"));
            // never answered: the call can only end by the client's own timeout, however slow the machine
            return o == Outcome.SILENT ? new CompletableFuture<>() : CompletableFuture.completedFuture(respond(o));
        };
        HttpServer server = HttpServer.start(HttpServerOptions.loopback(), handler);
        // no default deadline and a long wait for the pool: only the silent calls' own 5 ms timeout ends a call early
        HttpClient client = new HttpClient(HttpClientOptions.builder().maxConnectionsPerOrigin(POOL).ioThreads(1)
                .requestTimeout(Duration.ZERO).acquireTimeout(Duration.ofMinutes(5)).build());
        try {
            URI uri = server.uri("/mixed");
            SplittableRandom random = new SplittableRandom(20240607L);
            Outcome[] plan = new Outcome[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                plan[i] = pick(random);
            }
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(REQUESTS);
            Map<String, AtomicInteger> results = new ConcurrentHashMap<>();
            Map<Outcome, AtomicInteger> planned = new EnumMap<>(Outcome.class);
            for (Outcome o : plan) {
                planned.computeIfAbsent(o, k -> new AtomicInteger()).incrementAndGet();
            }
            Runnable[] chain = new Runnable[1];
            chain[0] = () -> {
                int i = next.getAndIncrement();
                if (i >= REQUESTS) {
                    return;
                }
                HttpRequest request = HttpRequest.of("GET", uri).withHeader("X-Outcome", plan[i].name());
                if (plan[i] == Outcome.SILENT) {
                    request = request.withTimeout(Duration.ofMillis(5));
                }
                client.send(request).whenComplete((r, e) -> {
                    String key = e == null ? "status " + r.status()
                            : e instanceof HttpException h ? h.kind().name() : "unexpected " + e;
                    results.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                    done.countDown();
                    chain[0].run();
                });
            };
            for (int i = 0; i < IN_FLIGHT; i++) {
                chain[0].run();
            }

            long left = done.getCount();
            while (!done.await(STALL_SECONDS, TimeUnit.SECONDS)) {
                assertThat(done.getCount()).as("calls still ending (none ended for %d s); results so far %s", STALL_SECONDS, results)
                        .isLessThan(left);
                left = done.getCount();
            }

            assertThat(results.keySet()).as("results %s", results).allMatch(k -> !k.startsWith("unexpected"));
            assertThat(results.get("status 500").get()).isEqualTo(planned.get(Outcome.ERROR_500).get());
            assertThat(results.get("TIMEOUT").get()).isEqualTo(planned.get(Outcome.SILENT).get());
            assertThat(results.get("status 200").get()).as("stale keep-alive connections are retried transparently")
                    .isEqualTo(sum(planned, Outcome.OK, Outcome.CLOSE, Outcome.QUIET_CLOSE, Outcome.STREAMED));
            assertThat(results.get("RESET").get()).isEqualTo(sum(planned, Outcome.TRUNCATED, Outcome.EMPTY, Outcome.RESET));
            PoolStats stats = client.pool(uri).stats();
            assertThat(stats.inUse()).as("%s", stats).isZero();
            assertThat(stats.waiting()).as("%s", stats).isZero();
            assertThat(stats.open()).as("%s", stats).isLessThanOrEqualTo(POOL);
            Await.until(() -> server.openConnections() <= POOL, Duration.ofSeconds(30),
                    () -> "server open " + server.openConnections() + ", pool " + client.pool(uri).stats());

            client.close();
            Await.until(() -> server.openConnections() == 0, Duration.ofSeconds(30),
                    () -> "server open after close " + server.openConnections());
        } finally {
            client.close();
            server.close();
        }
    }
}
