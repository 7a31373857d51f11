package dev.apitool.core.idempotency;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small API on a real {@link HttpServer} (ephemeral loopback port) for idempotency tests: every
 * POST bumps a counter and answers {@code 201 {"count":N}}; {@code /slow} answers after 300 ms,
 * {@code /fails-first} answers 500 to its first call and 201 after, {@code /never} never answers.
 * With a guard, every route runs behind it; without, the routes run bare.
 */
public final class CountingApi implements AutoCloseable {

    public final AtomicInteger runs = new AtomicInteger();
    private final AtomicInteger failsFirst = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "counting-api-timer");
        t.setDaemon(true);
        return t;
    });
    public final HttpServer server;

    /** Starts the API, behind {@code guard} unless it is null. */
    public CountingApi(IdempotencyGuard guard, long handlerDelayMillis) {
        RequestHandler routes = req -> route(req, handlerDelayMillis);
        RequestHandler front = guard == null ? routes : req -> guard.handle(req, routes);
        server = HttpServer.start(HttpServerOptions.loopback().withIoThreads(2), front);
    }

    private CompletableFuture<ServerResponse> route(ServerRequest req, long delayMillis) {
        String path = req.path();
        if (path.endsWith("/never")) {
            return new CompletableFuture<>();
        }
        ServerResponse response;
        if (path.endsWith("/fails-first") && failsFirst.getAndIncrement() == 0) {
            runs.incrementAndGet();
            response = ServerResponse.text(500, "{\"error\":\"card processor down\"}");
        } else {
            response = ServerResponse.text(201, "{\"count\":" + runs.incrementAndGet() + "}")
                    .withHeader("Content-Type", "application/json");
        }
        long delay = path.endsWith("/slow") ? 300 : delayMillis;
        if (delay == 0) {
            return CompletableFuture.completedFuture(response);
        }
        CompletableFuture<ServerResponse> later = new CompletableFuture<>();
        timer.schedule(() -> later.complete(response), delay, TimeUnit.MILLISECONDS);
        return later;
    }

    /** Returns the URL of {@code path} on this API. */
    public String url(String path) {
        return server.uri(path).toString();
    }

    @Override
    public void close() {
        server.close();
        timer.shutdownNow();
    }
}
