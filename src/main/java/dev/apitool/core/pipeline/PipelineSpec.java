package dev.apitool.core.pipeline;

import java.util.List;

/**
 * A pipeline spec ({@code apiVersion: apitool/v1}) bound to records: named services, the global
 * middleware list (outermost first) and the routes in spec order. Type-specific settings stay
 * {@link Node}s until the middleware's or handler's factory reads them into its own settings record.
 *
 * @param file the spec's file name, as messages print it
 * @param services named shared objects (stores, key sets, collections, upstreams), in spec order
 * @param middleware the global chain, outermost first
 * @param routes the routes, in spec order
 */
public record PipelineSpec(String file, List<Service> services, List<Step> middleware, List<Route> routes) {

    public PipelineSpec {
        services = List.copyOf(services);
        middleware = List.copyOf(middleware);
        routes = List.copyOf(routes);
    }

    /**
     * A named service.
     *
     * @param name its name, which middleware and handlers refer to
     * @param type what it is: {@code store}, {@code keys}, {@code collection}, {@code upstream}
     * @param node its mapping in the spec
     */
    public record Service(String name, String type, Node node) {}

    /**
     * One middleware in a chain.
     *
     * @param type the registry name, e.g. {@code rate-limit}
     * @param label its name in traces, logs and exclusions: the {@code name:} given, else the type
     * @param node its mapping in the spec, whose other keys are the type's parameters
     */
    public record Step(String type, String label, Node node) {}

    /**
     * The handler at the end of a route.
     *
     * @param type the registry name, e.g. {@code collection}
     * @param node its mapping in the spec
     */
    public record HandlerRef(String type, Node node) {}

    /**
     * One route.
     *
     * @param method the method, upper case ({@code *} for any)
     * @param path the path pattern: literal segments, {@code {param}} segments and a final {@code *}
     * @param name the route's (the handler's) name, as {@code pipeline routes} prints it
     * @param handler the handler
     * @param middleware middleware this route adds inside the global chain, outermost first
     * @param exclude labels of global middleware this route skips
     * @param node the route's mapping in the spec
     */
    public record Route(String method, String path, String name, HandlerRef handler, List<Step> middleware,
            List<String> exclude, Node node) {

        public Route {
            middleware = List.copyOf(middleware);
            exclude = List.copyOf(exclude);
        }
    }
}
