package dev.apitool.core.pipeline.middleware;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import dev.apitool.core.redact.Redact;
import java.util.List;
import java.util.Locale;

/**
 * {@code logging}: one line per request once its response is known, as text
 * ({@code 127.0.0.1 GET /users 200 0.42ms id=…}) or as a JSON line. The query string is left out:
 * it may carry secrets; a request target in absolute form is shown with its credentials masked, and
 * control characters in it escaped ({@link Redact}).
 */
final class Logging implements Factory<Middleware> {

    /** The line format. */
    enum Format { TEXT, JSON }

    record Settings(Format format) {}

    @Override
    public String type() {
        return "logging";
    }

    @Override
    public List<String> parameters() {
        return List.of("format");
    }

    @Override
    public String summary() {
        return "Logs one line per request (text or json) with status, time and request id.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        String f = node.text("format", "text").strip().toLowerCase(Locale.ROOT);
        if (!f.equals("text") && !f.equals("json")) {
            node.get("format").error("unknown log format '" + f + "' (expected text or json)");
        }
        Settings s = new Settings(f.equals("json") ? Format.JSON : Format.TEXT);
        String label = build.label();
        var log = build.env().log();
        var clock = build.env().nanoTime();
        return (ex, next) -> {
            String method = ex.request().method();
            String raw = ex.request().path();
            boolean plain = plain(raw);
            String path = plain ? raw : Redact.shown(raw);
            ex.note(label, method + " " + path);
            long start = clock.getAsLong();
            return next.handle(ex).thenApply(r -> {
                double ms = (clock.getAsLong() - start) / 1e6;
                String id = ex.get(Responses.REQUEST_ID);
                String client = ex.request().remote() == null ? "-" : ex.request().remote().getAddress().getHostAddress();
                if (s.format() == Format.JSON) {
                    ObjectNode o = Responses.JSON.createObjectNode().put("client", client).put("method", method)
                            .put("path", plain ? raw : Redact.text(raw)).put("status", r.status()).put("ms", Math.round(ms * 1000) / 1000.0);
                    if (id != null) {
                        o.put("requestId", id);
                    }
                    log.accept(o.toString());
                } else {
                    log.accept(String.format(Locale.ROOT, "%s %s %s %d %.2fms%s", client, method, path, r.status(), ms,
                            id == null ? "" : " id=" + id));
                }
                ex.note(label, "Response: " + r.status());
                return r;
            });
        };
    }

    /** Whether {@code path} is an origin-form path of printable ASCII, with nothing to mask or escape (the common case, kept cheap). */
    private static boolean plain(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }
}
