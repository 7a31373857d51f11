package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import java.util.List;
import java.util.Map;

/**
 * {@code headers}: sets and removes response headers ({@code add}, {@code remove}) and sets request
 * headers the inner layers see ({@code request}).
 */
final class HeaderRules implements Factory<Middleware> {

    record Settings(Map<String, String> add, List<String> remove, Map<String, String> request) {}

    @Override
    public String type() {
        return "headers";
    }

    @Override
    public List<String> parameters() {
        return List.of("add", "remove", "request");
    }

    @Override
    public String summary() {
        return "Sets (add) and removes (remove) response headers; sets request headers (request).";
    }

    @Override
    public Middleware create(Node node, Build build) {
        Settings s = new Settings(node.stringMap("add"), node.strings("remove"), node.stringMap("request"));
        for (String key : List.of("add", "request")) {
            node.entries(key).forEach((name, v) -> {
                try {
                    Headers.of(name, v.text(""));
                } catch (IllegalArgumentException e) {
                    v.keyError("bad header: " + e.getMessage());
                }
            });
        }
        return (ex, next) -> {
            if (!s.request().isEmpty()) {
                ServerRequest r = ex.request();
                Headers h = r.headers();
                for (Map.Entry<String, String> e : s.request().entrySet()) {
                    h = h.set(e.getKey(), e.getValue());
                }
                ex.request(new ServerRequest(r.method(), r.target(), h, r.body(), r.remote(), r.keepAlive()));
            }
            return next.handle(ex).thenApply(r -> {
                Headers h = r.headers();
                for (String name : s.remove()) {
                    h = h.without(name);
                }
                for (Map.Entry<String, String> e : s.add().entrySet()) {
                    h = h.set(e.getKey(), e.getValue());
                }
                return new ServerResponse(r.status(), h, r.body(), r.stream(), r.ending());
            });
        };
    }
}
