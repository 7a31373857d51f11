package dev.apitool.core.pipeline;

import dev.apitool.core.http.ServerResponse;
import java.util.concurrent.CompletionStage;

/**
 * The one request-handler interface of a pipeline: a route's handler, and the "next" every
 * middleware calls. It answers now or later; a stage that fails, or a handler that throws,
 * becomes a 500.
 */
@FunctionalInterface
public interface Handler {

    /** Returns the response to the exchange's request, possibly not yet complete. */
    CompletionStage<ServerResponse> handle(Exchange exchange) throws Exception;
}
