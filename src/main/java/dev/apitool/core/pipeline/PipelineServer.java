package dev.apitool.core.pipeline;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Pipeline} behind core's HTTP server ({@code pipeline serve}). {@link #swap} puts a newly
 * built pipeline in place for the next request (a reload); the old one is closed once its requests
 * in flight have finished. {@link #shutdown} stops accepting, lets requests in flight finish within
 * a bound, and closes the services.
 */
public final class PipelineServer implements AutoCloseable {

    /** A pipeline and how many of its requests are in flight. */
    private static final class Generation {
        final Pipeline pipeline;
        final AtomicInteger inFlight = new AtomicInteger();
        volatile boolean retired;

        Generation(Pipeline pipeline) {
            this.pipeline = pipeline;
        }

        void done() {
            if (inFlight.decrementAndGet() == 0 && retired) {
                closeQuietly();
            }
        }

        void retire() {
            retired = true;
            if (inFlight.get() == 0) {
                closeQuietly();
            }
        }

        private synchronized void closeQuietly() {
            try {
                pipeline.close();
            } catch (RuntimeException e) {
                // a service that fails to close must not stop the server
            }
        }
    }

    private final AtomicReference<Generation> current;
    private final HttpServer server;

    private PipelineServer(AtomicReference<Generation> current, HttpServer server) {
        this.current = current;
        this.server = server;
    }

    /**
     * Returns a server answering with {@code pipeline}, listening as {@code options} say.
     *
     * @throws dev.apitool.core.http.HttpException when the address cannot be bound
     */
    public static PipelineServer start(Pipeline pipeline, HttpServerOptions options) {
        AtomicReference<Generation> current = new AtomicReference<>(new Generation(pipeline));
        RequestHandler handler = request -> {
            Generation g = current.get();
            g.inFlight.incrementAndGet();
            CompletionStage<ServerResponse> s;
            try {
                s = g.pipeline.handle(request);
            } catch (RuntimeException e) {
                g.done();
                throw e;
            }
            var f = s.toCompletableFuture();
            if (f.isDone()) {
                g.done();
                return f;
            }
            return f.whenComplete((r, e) -> g.done());
        };
        return new PipelineServer(current, HttpServer.start(options, handler));
    }

    /** Returns the address the server listens on. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** Puts {@code next} in place for new requests; the previous pipeline closes when its requests have finished. */
    public void swap(Pipeline next) {
        Generation old = current.getAndSet(new Generation(next));
        old.retire();
    }

    /** Returns the number of responses started. */
    public long requestsServed() {
        return server.requestsServed();
    }

    /**
     * Stops accepting, waits up to {@code grace} for requests in flight, closes connections and then
     * the pipeline's services; returns whether every request in flight finished.
     */
    public boolean shutdown(Duration grace) {
        boolean drained = server.shutdown(grace);
        current.get().retire();
        return drained;
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }
}
