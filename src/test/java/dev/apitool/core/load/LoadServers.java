package dev.apitool.core.load;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Loopback servers for load tests: fast, freezing, resetting, silent; and a port nobody listens on. */
public final class LoadServers {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "load-test-timer");
        t.setDaemon(true);
        return t;
    });

    private LoadServers() {}

    /** Returns a server answering every request at once with 200 and "ok". */
    public static HttpServer ok() {
        return start(RequestHandler.of(r -> ServerResponse.text(200, "ok")));
    }

    /** Returns a server on {@code threads} I/O threads using {@code handler}. */
    public static HttpServer start(RequestHandler handler, int threads) {
        return HttpServer.start(HttpServerOptions.loopback().withIoThreads(threads), handler);
    }

    public static HttpServer start(RequestHandler handler) {
        return start(handler, 1);
    }

    /**
     * Returns a server that stops answering for {@code freezeMs} at the start of every second (from
     * its start): a request arriving in a frozen window is answered when the window ends.
     */
    public static HttpServer freezing(long freezeMs) {
        long start = System.nanoTime();
        return start(r -> {
            long intoSecondMs = (System.nanoTime() - start) / 1_000_000 % 1000;
            ServerResponse ok = ServerResponse.text(200, "ok");
            if (intoSecondMs >= freezeMs) {
                return CompletableFuture.completedFuture(ok);
            }
            CompletableFuture<ServerResponse> f = new CompletableFuture<>();
            TIMER.schedule(() -> f.complete(ok), freezeMs - intoSecondMs, TimeUnit.MILLISECONDS);
            return f;
        });
    }

    /** Returns a server that never answers. */
    public static HttpServer silent() {
        return start(r -> new CompletableFuture<>());
    }

    /** Returns a URI on loopback where nothing listens (connections are refused). */
    public static URI refused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }
}
