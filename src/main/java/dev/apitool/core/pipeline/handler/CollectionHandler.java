package dev.apitool.core.pipeline.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Exchange;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Page;
import dev.apitool.core.pipeline.Responses;
import java.util.List;
import java.util.Map;

/**
 * {@code collection}: a small REST resource over a {@link Collection}, the way json-server serves
 * one. On a path without a parameter: {@code GET} lists ({@code ?page=&page_size=} paginates, with
 * {@code X-Total-Count}), {@code POST} creates (201 with the stored item). On a path whose last
 * parameter is the id: {@code GET} reads, {@code PUT}/{@code PATCH} replaces, {@code DELETE}
 * removes (204); a missing id is 404.
 */
final class CollectionHandler implements Factory<Handler> {

    private static final long MAX_PAGE_SIZE = 1000;

    @Override
    public String type() {
        return "collection";
    }

    @Override
    public List<String> parameters() {
        return List.of("collection");
    }

    @Override
    public String summary() {
        return "A REST resource in memory: list (paginated), create, read, replace, delete.";
    }

    @Override
    public Handler create(Node node, Build build) {
        Collection c;
        if (node.has("collection")) {
            c = build.service(node.get("collection"), Collection.class, "collection", "collection handler \"" + build.label() + "\"");
            if (c == null) {
                return null;
            }
        } else {
            String resource = build.path().substring(1).split("/", -1)[0];
            String name = "/" + resource;
            synchronized (build.container()) {
                if (!build.container().has(name)) {
                    build.container().register(name, "collection", k -> new Collection("id"));
                }
            }
            c = build.container().get(name, Collection.class, null);
        }
        return ex -> Responses.now(handle(c, ex));
    }

    private static ServerResponse handle(Collection c, Exchange ex) {
        String id = null;
        for (Map.Entry<String, String> e : ex.params().entrySet()) {
            id = e.getValue();
        }
        String method = ex.request().method();
        if (id == null) {
            return switch (method) {
                case "GET", "HEAD" -> list(c, ex);
                case "POST" -> {
                    JsonNode body = Responses.parse(ex.request().body());
                    if (!(body instanceof ObjectNode o)) {
                        yield Responses.error(ex, 400, "The body must be a JSON object");
                    }
                    ObjectNode created = c.create(o);
                    yield created == null ? Responses.error(ex, 507, "The collection is full")
                            : Responses.json(201, created);
                }
                default -> Responses.error(ex, 405, "Method not allowed").withHeader("Allow", "GET, HEAD, POST");
            };
        }
        return switch (method) {
            case "GET", "HEAD" -> {
                ObjectNode o = c.get(id);
                yield o == null ? Responses.error(ex, 404, "Not found") : Responses.json(200, o);
            }
            case "PUT", "PATCH" -> {
                JsonNode body = Responses.parse(ex.request().body());
                if (!(body instanceof ObjectNode o)) {
                    yield Responses.error(ex, 400, "The body must be a JSON object");
                }
                ObjectNode r = c.replace(id, o);
                yield r == null ? Responses.error(ex, 404, "Not found") : Responses.json(200, r);
            }
            case "DELETE" -> c.delete(id) ? new ServerResponse(204, null, null, null, null) : Responses.error(ex, 404, "Not found");
            default -> Responses.error(ex, 405, "Method not allowed").withHeader("Allow", "GET, HEAD, PUT, PATCH, DELETE");
        };
    }

    private static ServerResponse list(Collection c, Exchange ex) {
        String page = null;
        String size = null;
        for (String pair : ex.request().query().split("&")) {
            if (pair.startsWith("page=")) {
                page = pair.substring(5);
            } else if (pair.startsWith("page_size=")) {
                size = pair.substring(10);
            }
        }
        int total = c.size();
        ArrayNode out = Responses.JSON.createArrayNode();
        if (page == null && size == null) {
            out.addAll(c.slice(0, total));
        } else {
            long p = number(page, 1);
            long s = number(size, 10);
            if (p < 1 || s < 1 || s > MAX_PAGE_SIZE) {
                return Responses.error(ex, 400, "page must be 1 or more and page_size 1 to " + MAX_PAGE_SIZE);
            }
            out.addAll(c.slice(Math.multiplyHigh(p - 1, s) != 0 ? Long.MAX_VALUE : (p - 1) * s, s));
            ex.put(Page.KEY, new Page(total, p, s));
        }
        return Responses.json(200, out).withHeader("X-Total-Count", Integer.toString(total));
    }

    private static long number(String s, long fallback) {
        if (s == null || s.isEmpty()) {
            return fallback;
        }
        return s.matches("\\d{1,9}") ? Long.parseLong(s) : -1;
    }
}
