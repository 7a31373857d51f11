package dev.apitool.core.pipeline;

import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.util.concurrent.CompletionStage;

/**
 * One layer of the onion (Koa, Express, Starlette): it sees the request on the way in, calls
 * {@code next} (or answers itself, short-circuiting), and sees the response on the way out.
 */
@FunctionalInterface
public interface Middleware {

    /** Returns the response, usually {@code next}'s, possibly changed. */
    CompletionStage<ServerResponse> handle(Exchange exchange, Handler next) throws Exception;

    /** A middleware over plain requests, the shape of a guard in another core package (idempotency). */
    @FunctionalInterface
    interface Guard {
        CompletionStage<ServerResponse> handle(ServerRequest request, RequestHandler next) throws Exception;
    }

    /** Returns a middleware that runs {@code guard}; a request it rewrites goes on with the same exchange. */
    static Middleware of(Guard guard) {
        return (exchange, next) -> guard.handle(exchange.request(), request -> {
            exchange.request(request);
            return next.handle(exchange);
        });
    }
}
