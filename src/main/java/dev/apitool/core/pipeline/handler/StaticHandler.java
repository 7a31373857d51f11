package dev.apitool.core.pipeline.handler;

import dev.apitool.core.io.Limit;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.io.InputException;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code static}: one fixed response, built once: {@code status}, {@code headers}, and a body from
 * {@code body} (text), {@code json} (any YAML value, sent as JSON) or {@code bodyFile}.
 */
final class StaticHandler implements Factory<Handler> {

    /** The settings: the response sent every time. */
    record Settings(ServerResponse response) {}

    @Override
    public String type() {
        return "static";
    }

    @Override
    public List<String> parameters() {
        return List.of("status", "headers", "body", "json", "bodyFile");
    }

    @Override
    public String summary() {
        return "Answers with a fixed status, headers and body (body, json or bodyFile).";
    }

    @Override
    public Handler create(Node node, Build build) {
        ServerResponse r = response(node, build, 200);
        if (r == null) {
            return null;
        }
        CompletableFuture<ServerResponse> done = CompletableFuture.completedFuture(r);
        return ex -> done;
    }

    /** Returns the response {@code node}'s status, headers and body describe, or null after recording problems. */
    static ServerResponse response(Node node, Build build, int defaultStatus) {
        int status = (int) node.whole("status", defaultStatus, 100, 599);
        int bodies = (node.has("body") ? 1 : 0) + (node.has("json") ? 1 : 0) + (node.has("bodyFile") ? 1 : 0);
        if (bodies > 1) {
            node.error("give at most one of body:, json: and bodyFile:");
        }
        byte[] body = new byte[0];
        String type = null;
        if (node.has("json")) {
            body = Responses.JSON.valueToTree(node.json().get("json")).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            type = "application/json";
        } else if (node.has("body")) {
            body = Responses.utf8(node.text("body", ""));
            type = "text/plain; charset=utf-8";
        } else if (node.has("bodyFile")) {
            try {
                body = build.env().inputs().readPathOrStdin(node.text("bodyFile", ""), "bodyFile", Limit.BODY).bytes();
            } catch (InputException e) {
                node.get("bodyFile").error(e.getMessage());
            }
        }
        Headers h = Headers.EMPTY;
        if (type != null) {
            h = h.with("Content-Type", type);
        }
        for (Map.Entry<String, String> e : node.stringMap("headers").entrySet()) {
            try {
                h = h.set(e.getKey(), e.getValue());
            } catch (IllegalArgumentException ex) {
                node.get("headers").get(e.getKey()).keyError("bad header: " + ex.getMessage());
            }
        }
        return new ServerResponse(status, h, body, null, ServerResponse.Ending.KEEP_ALIVE);
    }
}
