package dev.apitool.core.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What an {@link HttpServer} does with a request: answers it now or later. A stage that fails,
 * or a handler that throws, becomes a 500. Called on the connection's event loop: hand slow work
 * to another executor and complete the stage from there.
 */
@FunctionalInterface
public interface RequestHandler {

    /** Returns the response to {@code request}, possibly not yet complete. */
    CompletionStage<ServerResponse> handle(ServerRequest request) throws Exception;

    /** Returns a handler that answers synchronously with {@code fn}. */
    static RequestHandler of(Function<ServerRequest, ServerResponse> fn) {
        return request -> CompletableFuture.completedFuture(fn.apply(request));
    }
}
