package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@code timeout}: answers 504 when the layers inside it have not answered within {@code after}. */
final class Timeout implements Factory<Middleware> {

    record Settings(Duration after) {}

    @Override
    public String type() {
        return "timeout";
    }

    @Override
    public List<String> parameters() {
        return List.of("after");
    }

    @Override
    public String summary() {
        return "Answers 504 when the inner layers take longer than 'after'.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        Duration after = node.duration("after", Duration.ofSeconds(30));
        if (after.isZero() || after.compareTo(Duration.ofHours(1)) > 0) {
            node.get("after").error("timeout " + after + " is out of range (expected more than 0, at most 1h)");
        }
        Settings s = new Settings(after);
        String label = build.label();
        var timer = build.timer();
        return (ex, next) -> {
            CompletionStage<ServerResponse> inner = next.handle(ex);
            CompletableFuture<ServerResponse> f = inner.toCompletableFuture();
            if (f.isDone()) {
                return f;
            }
            CompletableFuture<ServerResponse> out = new CompletableFuture<>();
            ScheduledFuture<?> t = timer.schedule(() -> {
                if (out.complete(Responses.error(ex, 504, "Timed out after " + s.after().toMillis() + "ms"))) {
                    ex.note(label, "timed out");
                }
            }, s.after().toNanos(), TimeUnit.NANOSECONDS);
            f.whenComplete((r, e) -> {
                t.cancel(false);
                if (e != null) {
                    out.completeExceptionally(e);
                } else {
                    out.complete(r);
                }
            });
            return out;
        };
    }
}
