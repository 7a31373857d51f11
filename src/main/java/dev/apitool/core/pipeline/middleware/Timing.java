package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import java.util.List;
import java.util.Locale;

/** {@code timing}: adds {@code Server-Timing: app;dur=MS} (W3C Server Timing) for the time inside it. */
final class Timing implements Factory<Middleware> {

    @Override
    public String type() {
        return "timing";
    }

    @Override
    public List<String> parameters() {
        return List.of("metric");
    }

    @Override
    public String summary() {
        return "Adds Server-Timing: app;dur=MS with the time spent inside it.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        String metric = node.text("metric", "app");
        if (!metric.matches("[A-Za-z0-9_-]{1,32}")) {
            node.get("metric").error("bad metric name '" + metric + "' (expected a token such as app)");
        }
        String label = build.label();
        var clock = build.env().nanoTime();
        return (ex, next) -> {
            ex.note(label, "Processing...");
            long start = clock.getAsLong();
            return next.handle(ex).thenApply(r -> {
                long nanos = clock.getAsLong() - start;
                if (ex.tracing()) {
                    ex.note(label, String.format(Locale.ROOT, "Response time: %.2fs", nanos / 1e9));
                }
                return r.withHeader("Server-Timing", String.format(Locale.ROOT, "%s;dur=%.3f", metric, nanos / 1e6));
            });
        };
    }
}
