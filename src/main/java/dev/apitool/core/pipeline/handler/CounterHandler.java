package dev.apitool.core.pipeline.handler;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** {@code counter}: answers {@code {"count": N}}, how many times it ran, so tests see side effects (a retried POST). */
final class CounterHandler implements Factory<Handler> {

    @Override
    public String type() {
        return "counter";
    }

    @Override
    public List<String> parameters() {
        return List.of("status");
    }

    @Override
    public String summary() {
        return "Answers {\"count\": N}: how many times it ran.";
    }

    @Override
    public Handler create(Node node, Build build) {
        int status = (int) node.whole("status", 200, 100, 599);
        AtomicLong count = new AtomicLong();
        return ex -> Responses.now(Responses.json(status, Responses.JSON.createObjectNode().put("count", count.incrementAndGet())));
    }
}
