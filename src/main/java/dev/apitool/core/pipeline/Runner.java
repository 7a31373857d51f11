package dev.apitool.core.pipeline;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.io.InputException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs requests through a {@link Pipeline} in-process, no sockets ({@code pipeline run}): each as
 * if from {@code 127.0.0.1}, waiting for its answer up to a bound, with the onion's trace when asked.
 */
public final class Runner {

    /** The address requests seem to come from. */
    public static final InetSocketAddress CLIENT = new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0);

    /**
     * One request's outcome.
     *
     * @param method the method sent
     * @param target the target sent
     * @param response the response (a {@code HEAD}'s without its body)
     * @param trace the onion's lines, empty when not traced
     */
    public record Result(String method, String target, ServerResponse response, List<String> trace) {}

    private Runner() {}

    /** Returns a request as {@code pipeline run} sends it. */
    public static ServerRequest request(String method, String target, Headers headers, byte[] body) {
        if (!target.startsWith("/")) {
            throw new InputException("path '" + target + "' must start with / (expected e.g. /users?page=2)");
        }
        return new ServerRequest(method, target, headers, body, CLIENT, true);
    }

    /**
     * Returns what {@code pipeline} answers to {@code request}.
     *
     * @throws InputException when no answer comes within {@code timeout}
     */
    public static Result run(Pipeline pipeline, ServerRequest request, boolean traced, Duration timeout) {
        Trace trace = traced ? new Trace() : null;
        ServerResponse r;
        try {
            r = pipeline.handle(request, trace).toCompletableFuture().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new InputException(request.method() + " " + request.path() + ": no response within " + timeout.toMillis() + "ms");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the pipeline failed outside its layers", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("interrupted");
        }
        if (request.method().equals("HEAD")) {
            r = new ServerResponse(r.status(), r.headers(), null, null, r.ending());
        }
        return new Result(request.method(), request.target(), r, trace == null ? List.of() : trace.lines());
    }
}
