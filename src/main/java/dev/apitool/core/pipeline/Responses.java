package dev.apitool.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The responses every part of a pipeline builds: JSON bodies, and errors in one shape,
 * {@code {"message": "Not found", "code": 404, ...}}, which the {@code envelope} middleware
 * turns into the envelope's {@code error}.
 */
public final class Responses {

    /** The JSON mapper of the pipeline (no pretty printing). */
    public static final ObjectMapper JSON = new ObjectMapper();

    /** The request id, set by the {@code request-id} middleware, echoed in error bodies. */
    public static final Exchange.Key<String> REQUEST_ID = new Exchange.Key<>("request-id");

    private static final Headers JSON_TYPE = Headers.of("Content-Type", "application/json");

    private Responses() {}

    /** Returns a JSON response. */
    public static ServerResponse json(int status, JsonNode body) {
        try {
            return new ServerResponse(status, JSON_TYPE, JSON.writeValueAsBytes(body), null, ServerResponse.Ending.KEEP_ALIVE);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a JSON response with these raw bytes. */
    public static ServerResponse json(int status, byte[] body) {
        return new ServerResponse(status, JSON_TYPE, body, null, ServerResponse.Ending.KEEP_ALIVE);
    }

    /** Returns the error body {@code {"message", "code"}} plus the exchange's request id when it has one. */
    public static ObjectNode errorBody(Exchange exchange, int status, String message) {
        ObjectNode o = JSON.createObjectNode().put("message", message).put("code", status);
        String id = exchange == null ? null : exchange.get(REQUEST_ID);
        if (id != null) {
            o.put("requestId", id);
        }
        return o;
    }

    /** Returns an error response in the pipeline's error shape. */
    public static ServerResponse error(Exchange exchange, int status, String message) {
        return json(status, errorBody(exchange, status, message));
    }

    /** Returns a completed stage of {@code response}. */
    public static CompletionStage<ServerResponse> now(ServerResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    /** Returns the body parsed as JSON, or null when it is not JSON. */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Returns a UTF-8 string's bytes. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
