package dev.apitool.core.health;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real {@link HttpServer} on an ephemeral loopback port for health tests, answering by path:
 * routes are added with {@link #route}, unknown paths get 404. Delays come from a timer thread, so
 * one I/O thread serves hundreds of slow requests at once. Optionally TLS with a self-signed
 * certificate for {@code localhost} valid until a chosen instant.
 */
public final class TestServer implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "health-test-timer");
        t.setDaemon(true);
        return t;
    });

    private final Map<String, RequestHandler> routes = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final SelfSignedCertificate certificate;

    private TestServer(SelfSignedCertificate certificate) {
        this.certificate = certificate;
        RequestHandler dispatch = request -> {
            RequestHandler h = routes.get(request.path());
            return h != null ? h.handle(request) : CompletableFuture.completedFuture(ServerResponse.text(404, "no route\n"));
        };
        HttpServerOptions options = HttpServerOptions.loopback();
        if (certificate != null) {
            try {
                SslContext ctx = SslContextBuilder.forServer(certificate.key(), certificate.cert()).sslProvider(SslProvider.JDK).build();
                options = options.withTls(ctx);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.server = HttpServer.start(options, dispatch);
    }

    /** Returns a plain http server. */
    public static TestServer start() {
        return new TestServer(null);
    }

    /** Returns an https server whose self-signed certificate for localhost expires at {@code notAfter}. */
    public static TestServer startTls(Instant notAfter) {
        try {
            SelfSignedCertificate c = SelfSignedCertificate.builder().fqdn("localhost").algorithm("EC").bits(256)
                    .notBefore(Date.from(notAfter.minus(Duration.ofDays(365)))).notAfter(Date.from(notAfter)).build();
            return new TestServer(c);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    /** Answers {@code path} with {@code handler}. */
    public TestServer route(String path, RequestHandler handler) {
        routes.put(path, handler);
        return this;
    }

    /** Answers {@code path} with {@code fn}'s response after {@code delay}. */
    public TestServer route(String path, Duration delay, Function<dev.apitool.core.http.ServerRequest, ServerResponse> fn) {
        return route(path, request -> {
            CompletableFuture<ServerResponse> f = new CompletableFuture<>();
            TIMER.schedule(() -> f.complete(fn.apply(request)), delay.toNanos(), TimeUnit.NANOSECONDS);
            return f;
        });
    }

    /** Answers {@code path} with 200 "ok" after {@code delay}. */
    public TestServer ok(String path, Duration delay) {
        return route(path, delay, r -> ServerResponse.text(200, "ok\n"));
    }

    /** Answers {@code path} with this status, content type and body at once. */
    public TestServer answer(String path, int status, String contentType, String body) {
        return route(path, RequestHandler.of(r -> new ServerResponse(status, Headers.of("Content-Type", contentType),
                body.getBytes(StandardCharsets.UTF_8), null, ServerResponse.Ending.KEEP_ALIVE)));
    }

    /** Returns {@code http(s)://127.0.0.1:PORT/path}. */
    public String url(String path) {
        return server.uri(path).toString();
    }

    public int port() {
        return server.port();
    }

    /** Returns the number of requests answered so far. */
    public long requests() {
        return server.requestsServed();
    }

    /** Returns the number of connections accepted so far (connect checks send no request). */
    public long connections() {
        return server.connectionsAccepted();
    }

    /** Returns the PEM file of the certificate (for --cacert). */
    public Path certificatePem() {
        return certificate.certificate().toPath();
    }

    /** Returns a loopback port nothing listens on: connecting to it is refused. */
    public static int refusedPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        if (certificate != null) {
            certificate.delete();
        }
    }
}
