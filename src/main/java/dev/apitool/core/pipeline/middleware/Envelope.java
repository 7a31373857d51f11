package dev.apitool.core.pipeline.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Page;
import dev.apitool.core.pipeline.Responses;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code envelope}: wraps every response of the layers inside it in one shape,
 * {@code {"success", "data", "error", "meta"}}: a success carries its body as {@code data}; an
 * error (status 400 or more) carries the pipeline's error object ({@code message}, {@code code},
 * and what else it had) as {@code error}; a page of a list adds {@code meta} with
 * {@code total}, {@code page} and {@code pages} = ceil(total / page_size). A body that is not JSON
 * becomes a string; an empty 204 or 304 stays empty.
 */
final class Envelope implements Factory<Middleware> {

    @Override
    public String type() {
        return "envelope";
    }

    @Override
    public List<String> parameters() {
        return List.of();
    }

    @Override
    public String summary() {
        return "Wraps responses as {success, data, error, meta}; errors of every layer inside in the same shape.";
    }

    /**
     * The last success wrapped without {@code meta}: a handler that answers with the same body
     * array every time ({@code static}) is wrapped once, not parsed and written again per request.
     */
    private record Last(byte[] body, int status, byte[] wrapped) {}

    @Override
    public Middleware create(Node node, Build build) {
        String label = build.label();
        AtomicReference<Last> last = new AtomicReference<>(new Last(null, 0, null));
        return (ex, next) -> next.handle(ex).thenApply(r -> {
            if (r.status() == 204 || r.status() == 304 || r.stream() != null || r.ending() != ServerResponse.Ending.KEEP_ALIVE
                    && r.ending() != ServerResponse.Ending.CLOSE) {
                return r;
            }
            boolean plain = r.status() < 400 && ex.get(Page.KEY) == null;
            Last l = last.get();
            if (plain && l.body() == r.body() && l.status() == r.status()) {
                ex.note(label, "ok " + r.status());
                return wrap(r, l.wrapped());
            }
            JsonNode body = Responses.parse(r.body());
            if (body == null && r.body().length > 0) {
                body = Responses.JSON.getNodeFactory().textNode(new String(r.body(), StandardCharsets.UTF_8));
            }
            ObjectNode env = Responses.JSON.createObjectNode();
            if (r.status() < 400) {
                env.put("success", true);
                env.set("data", body);
                env.putNull("error");
                Page page = ex.get(Page.KEY);
                if (page != null) {
                    env.putObject("meta").put("total", page.total()).put("page", page.page()).put("pages", page.pages());
                }
            } else {
                env.put("success", false);
                env.putNull("data");
                ObjectNode error;
                if (body instanceof ObjectNode o && o.has("message")) {
                    error = o;
                } else {
                    error = Responses.errorBody(ex, r.status(), body == null ? reason(r.status()) : body.asText());
                }
                error.put("code", r.status());
                env.set("error", error);
            }
            ex.note(label, (r.status() < 400 ? "ok " : "fail ") + r.status());
            byte[] wrapped = Responses.json(r.status(), env).body();
            if (plain && r.body().length > 0) {
                last.set(new Last(r.body(), r.status(), wrapped));
            }
            return wrap(r, wrapped);
        });
    }

    private static ServerResponse wrap(ServerResponse r, byte[] wrapped) {
        var h = r.headers().without("Content-Type").without("Content-Length");
        return new ServerResponse(r.status(), h.with("Content-Type", "application/json"), wrapped, null, r.ending());
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Content too large";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 504 -> "Gateway timeout";
            default -> status >= 500 ? "Internal server error" : "Error";
        };
    }
}
