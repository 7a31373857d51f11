package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.time.Duration;
import java.util.List;

/**
 * {@code cors}: the Fetch standard's CORS protocol. A preflight ({@code OPTIONS} with {@code Origin}
 * and {@code Access-Control-Request-Method}) from an allowed origin is answered 204 here; other
 * requests from an allowed origin get {@code Access-Control-Allow-Origin}. Other origins get no
 * CORS headers, so the browser refuses.
 */
final class Cors implements Factory<Middleware> {

    record Settings(List<String> origins, List<String> methods, List<String> headers, Duration maxAge, boolean credentials) {}

    @Override
    public String type() {
        return "cors";
    }

    @Override
    public List<String> parameters() {
        return List.of("origins", "methods", "headers", "max-age", "credentials");
    }

    @Override
    public String summary() {
        return "Answers CORS preflights and adds Access-Control-Allow-Origin for allowed origins.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        List<String> origins = node.has("origins") ? node.strings("origins") : List.of("*");
        List<String> methods = node.has("methods") ? node.strings("methods") : List.of("GET", "POST", "PUT", "PATCH", "DELETE");
        List<String> headers = node.has("headers") ? node.strings("headers") : List.of("Content-Type", "Authorization");
        Settings s = new Settings(origins, methods, headers, node.duration("max-age", Duration.ofMinutes(10)),
                node.bool("credentials", false));
        if (s.credentials() && s.origins().contains("*")) {
            node.get("credentials").error("credentials: true needs explicit origins (browsers refuse * with credentials)");
        }
        String label = build.label();
        return (ex, next) -> {
            String origin = ex.request().header("Origin");
            if (origin == null) {
                return next.handle(ex);
            }
            boolean allowed = s.origins().contains("*") || s.origins().contains(origin);
            String allowOrigin = s.origins().contains("*") && !s.credentials() ? "*" : origin;
            if (ex.request().method().equals("OPTIONS") && ex.request().header("Access-Control-Request-Method") != null) {
                ex.note(label, "preflight from " + origin + (allowed ? "" : " refused"));
                if (!allowed) {
                    return Responses.now(new ServerResponse(204, Headers.of("Vary", "Origin"), null, null, null));
                }
                Headers h = Headers.of("Access-Control-Allow-Origin", allowOrigin,
                        "Access-Control-Allow-Methods", String.join(", ", s.methods()),
                        "Access-Control-Allow-Headers", String.join(", ", s.headers()),
                        "Access-Control-Max-Age", Long.toString(s.maxAge().toSeconds()), "Vary", "Origin");
                if (s.credentials()) {
                    h = h.with("Access-Control-Allow-Credentials", "true");
                }
                return Responses.now(new ServerResponse(204, h, null, null, null));
            }
            if (!allowed) {
                return next.handle(ex);
            }
            return next.handle(ex).thenApply(r -> {
                ServerResponse out = r.withHeader("Access-Control-Allow-Origin", allowOrigin).withHeader("Vary", "Origin");
                return s.credentials() ? out.withHeader("Access-Control-Allow-Credentials", "true") : out;
            });
        };
    }
}
