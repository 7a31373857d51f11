package dev.apitool.core.pipeline.handler;

import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The handler types by name; adding one is a class implementing {@link Factory} and one line here. */
public final class Handlers {

    private static final Map<String, Factory<Handler>> ALL = new LinkedHashMap<>();

    static {
        add(new StaticHandler());
        add(new EchoHandler());
        add(new CollectionHandler());
        add(new CounterHandler());
        add(new DelayHandler());
        add(new FailHandler());
        add(new ProxyHandler());
    }

    private Handlers() {}

    private static void add(Factory<Handler> f) {
        ALL.put(f.type(), f);
    }

    /** Returns every handler type, in documentation order. */
    public static List<Factory<Handler>> all() {
        return List.copyOf(ALL.values());
    }

    /** Returns the handler of {@code route}, or null after recording its problems. */
    public static Handler create(PipelineSpec.Route route, Build build) {
        Node node = route.handler().node();
        Node typeAt = node.json().isTextual() ? node : node.get("type");
        Factory<Handler> f = ALL.get(route.handler().type());
        if (f == null) {
            String near = Node.closest(route.handler().type(), ALL.keySet());
            typeAt.error("unknown handler '" + route.handler().type() + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                    + " (expected " + String.join(", ", ALL.keySet()) + ")");
            return null;
        }
        List<String> keys = new ArrayList<>(List.of("type"));
        keys.addAll(f.parameters());
        node.allowOnly(keys, f.type() + " handler");
        return f.create(node, build);
    }
}
