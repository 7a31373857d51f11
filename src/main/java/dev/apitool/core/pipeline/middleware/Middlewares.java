package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The middleware types by name. Adding one is a class implementing {@link Factory} and one line
 * here; {@code pipeline check} then knows its parameters.
 */
public final class Middlewares {

    private static final Map<String, Factory<Middleware>> ALL = new LinkedHashMap<>();

    static {
        add(new RequestId());
        add(new Logging());
        add(new Timing());
        add(new Cors());
        add(new HeaderRules());
        add(new JwtAuth());
        add(new RateLimit());
        add(new Idempotency());
        add(new Validate());
        add(new Envelope());
        add(new Timeout());
        add(new BodyLimit());
    }

    private Middlewares() {}

    private static void add(Factory<Middleware> f) {
        ALL.put(f.type(), f);
    }

    /** Returns every middleware type, in documentation order. */
    public static List<Factory<Middleware>> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * Returns the middleware {@code step} describes, or null after recording its problems
     * (unknown type with did-you-mean, a type not yet available, unknown or bad parameters).
     */
    public static Middleware create(PipelineSpec.Step step, Build build) {
        Node node = step.node();
        Node typeAt = node.json().isTextual() ? node : node.get("type");
        Factory<Middleware> f = ALL.get(step.type());
        if (f == null) {
            String near = Node.closest(step.type(), ALL.keySet());
            typeAt.error("unknown middleware '" + step.type() + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                    + " (expected " + String.join(", ", ALL.keySet()) + ")");
            return null;
        }
        if (f.unavailable() != null) {
            typeAt.error("middleware '" + f.type() + "' is not yet available: " + f.unavailable());
            return null;
        }
        List<String> keys = new ArrayList<>(List.of("type", "name"));
        keys.addAll(f.parameters());
        node.allowOnly(keys, f.type() + " middleware");
        return f.create(node, build);
    }
}
