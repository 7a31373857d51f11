package dev.apitool.core.pipeline.handler;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import dev.apitool.core.pipeline.Upstream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code proxy}: forwards the request to an {@code upstream} service through core's HTTP client
 * (its keep-alive pool), the path appended to the upstream's base ({@code strip} removes a prefix
 * first), hop-by-hop headers dropped (RFC 9110 section 7.6.1); an upstream that cannot be reached
 * or does not answer in time is 502.
 */
final class ProxyHandler implements Factory<Handler> {

    private static final Set<String> HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "te",
            "trailer", "upgrade", "host", "content-length");

    record Settings(Upstream upstream, String strip) {}

    @Override
    public String type() {
        return "proxy";
    }

    @Override
    public List<String> parameters() {
        return List.of("upstream", "strip");
    }

    @Override
    public String summary() {
        return "Forwards to an upstream service through the client pool; 502 when it fails.";
    }

    @Override
    public Handler create(Node node, Build build) {
        if (!node.has("upstream")) {
            node.error("missing upstream (expected the name of an upstream service)");
            return null;
        }
        Upstream u = build.service(node.get("upstream"), Upstream.class, "upstream", "proxy handler \"" + build.label() + "\"");
        if (u == null) {
            return null;
        }
        Settings s = new Settings(u, node.text("strip", ""));
        String base = u.base().toString().replaceAll("/+$", "");
        return ex -> {
            var r = ex.request();
            String target = r.target();
            if (!s.strip().isEmpty() && target.startsWith(s.strip())) {
                target = target.substring(s.strip().length());
                target = target.startsWith("/") ? target : "/" + target;
            }
            Headers h = Headers.EMPTY;
            for (var name : headerNames(r.headers())) {
                for (String v : r.headers().all(name)) {
                    h = h.with(name, v);
                }
            }
            HttpRequest out = new HttpRequest(r.method(), URI.create(base + target), h, r.body(), null);
            return s.upstream().client().send(out).handle((resp, e) -> {
                if (e != null) {
                    return Responses.error(ex, 502, "Upstream failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
                }
                Headers back = Headers.EMPTY;
                for (var name : headerNames(resp.headers())) {
                    for (String v : resp.headers().all(name)) {
                        back = back.with(name, v);
                    }
                }
                return new ServerResponse(resp.status(), back, resp.body(), null, ServerResponse.Ending.KEEP_ALIVE);
            });
        };
    }

    private static List<String> headerNames(Headers headers) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        headers.forEach((k, v) -> {
            if (!HOP.contains(k.toLowerCase(Locale.ROOT))) {
                names.add(k);
            }
        });
        return List.copyOf(names);
    }
}
