package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * {@code request-id}: gives every request an id, the client's own when it sent a sane one, and
 * returns it in the same header; other middleware (logging, error bodies) read it from the exchange.
 */
final class RequestId implements Factory<Middleware> {

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The settings: the header name. */
    record Settings(String header) {}

    @Override
    public String type() {
        return "request-id";
    }

    @Override
    public List<String> parameters() {
        return List.of("header");
    }

    @Override
    public String summary() {
        return "Gives each request an id (the client's X-Request-Id when sane) and returns it.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        Settings s = new Settings(node.text("header", "X-Request-Id"));
        String label = build.label();
        return (ex, next) -> {
            String incoming = ex.request().header(s.header());
            String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : newId();
            ex.put(Responses.REQUEST_ID, id);
            if (!id.equals(incoming)) {
                ServerRequest r = ex.request();
                ex.request(new ServerRequest(r.method(), r.target(), r.headers().set(s.header(), id), r.body(), r.remote(), r.keepAlive()));
            }
            if (ex.tracing()) {
                ex.note(label, "id " + id);
            }
            return next.handle(ex).thenApply(resp -> resp.withHeader(s.header(), id));
        };
    }

    private static String newId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }
}
