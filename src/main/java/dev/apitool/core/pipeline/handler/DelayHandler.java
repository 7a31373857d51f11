package dev.apitool.core.pipeline.handler;

import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code delay}: answers after a fixed latency ({@code fixed}) or a uniformly random one between
 * {@code min} and {@code max}, with the response {@code static} would send. The wait is on the
 * pipeline's timer, so no thread is held.
 */
final class DelayHandler implements Factory<Handler> {

    record Settings(long minNanos, long maxNanos, ServerResponse response) {}

    @Override
    public String type() {
        return "delay";
    }

    @Override
    public List<String> parameters() {
        return List.of("fixed", "min", "max", "status", "headers", "body", "json");
    }

    @Override
    public String summary() {
        return "Answers after a fixed or random latency (fixed, or min and max).";
    }

    @Override
    public Handler create(Node node, Build build) {
        Duration fixed = node.duration("fixed", null);
        Duration min = node.duration("min", null);
        Duration max = node.duration("max", null);
        if ((fixed == null) == (min == null || max == null)) {
            node.error("delay needs fixed: or both min: and max: (e.g. fixed: 100ms)");
            return null;
        }
        long lo = fixed != null ? fixed.toNanos() : min.toNanos();
        long hi = fixed != null ? fixed.toNanos() : max.toNanos();
        if (lo > hi || hi > Duration.ofMinutes(10).toNanos()) {
            node.error("delay from " + lo / 1_000_000 + "ms to " + hi / 1_000_000 + "ms is out of range (expected min <= max <= 10m)");
            return null;
        }
        ServerResponse r = StaticHandler.response(node, build, 200);
        Settings s = new Settings(lo, hi, r);
        var timer = build.timer();
        return ex -> {
            long wait = s.minNanos() == s.maxNanos() ? s.minNanos() : ThreadLocalRandom.current().nextLong(s.minNanos(), s.maxNanos() + 1);
            CompletableFuture<ServerResponse> out = new CompletableFuture<>();
            timer.schedule(() -> out.complete(s.response()), wait, TimeUnit.NANOSECONDS);
            return out;
        };
    }
}
