package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import java.util.List;

/**
 * {@code idempotency}: replays the stored response of a repeated {@code Idempotency-Key}. Its
 * engine lives in its own core package; until it is wired in here, a spec that names it is refused
 * by {@code pipeline check}. Wiring it is this one class: return
 * {@code Middleware.of(guard)} for the guard {@code (request, next) -> stage}.
 */
final class Idempotency implements Factory<Middleware> {

    @Override
    public String type() {
        return "idempotency";
    }

    @Override
    public List<String> parameters() {
        return List.of("store", "ttl", "header", "methods");
    }

    @Override
    public String summary() {
        return "Replays the stored response of a repeated Idempotency-Key (not yet available).";
    }

    @Override
    public String unavailable() {
        return "idempotency keys are being built in their own package and will be wired in here";
    }

    @Override
    public Middleware create(Node node, Build build) {
        return null;
    }
}
