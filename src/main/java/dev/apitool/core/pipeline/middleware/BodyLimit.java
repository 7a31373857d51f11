package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.List;

/** {@code body-limit}: answers 413 to a request whose body is larger than {@code max}. */
final class BodyLimit implements Factory<Middleware> {

    record Settings(long max) {}

    @Override
    public String type() {
        return "body-limit";
    }

    @Override
    public List<String> parameters() {
        return List.of("max");
    }

    @Override
    public String summary() {
        return "Answers 413 to a request body larger than 'max' (e.g. 64KiB).";
    }

    @Override
    public Middleware create(Node node, Build build) {
        if (!node.has("max")) {
            node.error("missing max (expected a size such as 64KiB)");
        }
        Settings s = new Settings(node.size("max", 1 << 20, 1L << 30));
        String label = build.label();
        return (ex, next) -> {
            int n = ex.request().body().length;
            if (n > s.max()) {
                ex.note(label, n + " bytes > " + s.max());
                return Responses.now(Responses.error(ex, 413, "Request body is " + n + " bytes, larger than " + s.max()));
            }
            return next.handle(ex);
        };
    }
}
