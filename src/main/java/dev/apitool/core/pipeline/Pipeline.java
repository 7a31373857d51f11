package dev.apitool.core.pipeline;

import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.pipeline.handler.Handlers;
import dev.apitool.core.pipeline.middleware.Middlewares;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The in-process engine: a spec's routes, each with its chain of middleware composed around its
 * handler once, at build time (the onion: the first middleware listed is the outermost), a router
 * in front, and the services the container built. {@code pipeline run} calls {@link #handle}
 * directly; {@code pipeline serve} puts it behind core's HTTP server. Requests that match no route
 * still pass the global chain (so they are logged and enveloped) to a 404, 405 or OPTIONS answer.
 */
public final class Pipeline implements AutoCloseable {

    /** A route as {@code pipeline routes} lists it. */
    public record RouteInfo(String method, String path, String name, String handler, List<String> chain) {}

    private record Entry(RouteInfo info, Map<String, String> none, Handler plain, Handler traced) {}

    private static final Exchange.Key<Router.Match<Entry>> MISS = new Exchange.Key<>("miss");

    private final Router<Entry> router;
    private final List<RouteInfo> routes;
    private final Handler fallbackPlain;
    private final Handler fallbackTraced;
    private final Container container;
    private final ScheduledThreadPoolExecutor timer;
    private final Environment env;

    private Pipeline(Router<Entry> router, List<RouteInfo> routes, Handler fallbackPlain, Handler fallbackTraced,
            Container container, ScheduledThreadPoolExecutor timer, Environment env) {
        this.router = router;
        this.routes = routes;
        this.fallbackPlain = fallbackPlain;
        this.fallbackTraced = fallbackTraced;
        this.container = container;
        this.timer = timer;
        this.env = env;
    }

    /**
     * Returns the pipeline {@code yaml} describes, with its warnings in {@code warnings}.
     *
     * @throws SpecException listing every problem when the spec has errors
     */
    public static Pipeline load(byte[] yaml, String file, Environment env, List<Problems.Problem> warnings) {
        SpecReader.Result read = SpecReader.read(yaml, file, env.inputs().environment());
        Pipeline p = build(read.spec(), read.problems(), env);
        if (read.problems().hasErrors()) {
            p.close();
            throw new SpecException(read.problems().all());
        }
        warnings.addAll(read.problems().warnings());
        return p;
    }

    /** Returns every problem of the spec in {@code yaml}: it is read and built (services connect), then closed. */
    public static Problems check(byte[] yaml, String file, Environment env) {
        SpecReader.Result read = SpecReader.read(yaml, file, env.inputs().environment());
        try (Pipeline p = build(read.spec(), read.problems(), env)) {
            return read.problems();
        }
    }

    /**
     * Returns the routes of the spec in {@code yaml} without building anything, {@code ${NAME}}
     * references left as written; problems go to {@code problems}.
     */
    public static List<RouteInfo> routes(byte[] yaml, String file, List<Problems.Problem> problems) {
        return routes(yaml, file, null, problems);
    }

    /**
     * Returns the routes of the spec in {@code yaml} without building anything, {@code ${NAME}}
     * references expanded from {@code env} (when not null); problems go to {@code problems}.
     */
    public static List<RouteInfo> routes(byte[] yaml, String file, Environment env, List<Problems.Problem> problems) {
        SpecReader.Result read = SpecReader.read(yaml, file, env == null ? null : env.inputs().environment());
        problems.addAll(read.problems().all());
        List<RouteInfo> out = new ArrayList<>();
        for (PipelineSpec.Route r : read.spec().routes()) {
            out.add(new RouteInfo(r.method(), r.path(), r.name(), r.handler().type(), chainLabels(read.spec(), r)));
        }
        return out;
    }

    private static List<String> chainLabels(PipelineSpec spec, PipelineSpec.Route r) {
        List<String> out = new ArrayList<>();
        for (PipelineSpec.Step s : spec.middleware()) {
            if (!r.exclude().contains(s.label())) {
                out.add(s.label());
            }
        }
        r.middleware().forEach(s -> out.add(s.label()));
        return out;
    }

    static Pipeline build(PipelineSpec spec, Problems problems, Environment env) {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "apitool-pipeline-timer");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        Container container = new Container();
        try {
            Services.register(spec.services(), container, env, timer);
            Map<String, Middleware> global = new java.util.LinkedHashMap<>();
            for (PipelineSpec.Step s : spec.middleware()) {
                global.put(s.label(), Middlewares.create(s, new Build(container, env, s.label(), timer, null)));
            }
            Router<Entry> router = new Router<>();
            List<RouteInfo> infos = new ArrayList<>();
            Set<String> warned = new LinkedHashSet<>();
            for (PipelineSpec.Route r : spec.routes()) {
                List<Layer> layers = new ArrayList<>();
                for (PipelineSpec.Step s : spec.middleware()) {
                    if (!r.exclude().contains(s.label())) {
                        layers.add(new Layer(s, global.get(s.label())));
                    }
                }
                for (int i = 0; i < r.exclude().size(); i++) {
                    String x = r.exclude().get(i);
                    if (spec.middleware().stream().noneMatch(s -> s.label().equals(x))) {
                        String near = Node.closest(x, spec.middleware().stream().map(PipelineSpec.Step::label).toList());
                        Node ex = r.node().get("exclude");
                        (ex.json().isArray() ? ex.items().get(i) : ex).error("exclude names '" + x + "', which is not in the global middleware"
                                + (near == null ? "" : "; did you mean '" + near + "'?"));
                    }
                }
                for (PipelineSpec.Step s : r.middleware()) {
                    layers.add(new Layer(s, Middlewares.create(s, new Build(container, env, s.label(), timer, null))));
                }
                Ordering.check(layers.stream().map(Layer::step).toList(), problems, warned);
                Handler h = Handlers.create(r, new Build(container, env, r.name(), timer, r.path()));
                RouteInfo info = new RouteInfo(r.method(), r.path(), r.name(), r.handler().type(),
                        layers.stream().map(l -> l.step().label()).toList());
                infos.add(info);
                Handler plain = h == null ? null : compose(layers, h, r.name(), false, env);
                Handler traced = h == null ? null : compose(layers, h, r.name(), true, env);
                router.add(r.method(), r.path(), new Entry(info, Map.of(), plain, traced));
            }
            for (int i = 0; i < spec.routes().size(); i++) {
                int by = router.shadowedBy(i);
                if (by >= 0) {
                    PipelineSpec.Route r = spec.routes().get(i);
                    PipelineSpec.Route first = spec.routes().get(by);
                    String where = first.node().problems() == null ? "" : " (" + first.method() + " " + first.path() + ")";
                    r.node().get("path").error((r.path().equals(first.path()) ? "duplicate route " : "route ")
                            + r.method() + " " + r.path() + (r.path().equals(first.path()) ? " is already defined" : " is shadowed by an earlier route")
                            + where + "; it can never match");
                }
            }
            Ordering.check(spec.middleware(), problems, warned);
            Services.touchAll(spec.services(), container);
            List<Layer> globalLayers = spec.middleware().stream().map(s -> new Layer(s, global.get(s.label()))).toList();
            Handler miss = Pipeline::miss;
            return new Pipeline(router, List.copyOf(infos), compose(globalLayers, miss, null, false, env),
                    compose(globalLayers, miss, null, true, env), container, timer, env);
        } catch (RuntimeException e) {
            container.close();
            timer.shutdownNow();
            throw e;
        }
    }

    private record Layer(PipelineSpec.Step step, Middleware middleware) {}

    private static Handler compose(List<Layer> layers, Handler terminal, String routeName, boolean traced, Environment env) {
        Handler h = traced ? Tracing.handler(terminal, routeName, env) : Tracing.guard(terminal, env);
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (l.middleware() == null) {
                continue;
            }
            h = traced ? Tracing.layer(l.step().label(), l.middleware(), h, env) : Tracing.layer(l.middleware(), h, env);
        }
        return h;
    }

    private static CompletionStage<ServerResponse> miss(Exchange ex) {
        Router.Match<Entry> m = ex.get(MISS);
        if (m instanceof Router.WrongMethod<Entry> w) {
            String allow = String.join(", ", w.allow());
            if (ex.request().method().equals("OPTIONS")) {
                return Responses.now(new ServerResponse(204, dev.apitool.core.http.Headers.of("Allow", allow), null, null, null));
            }
            return Responses.now(Responses.error(ex, 405, "Method not allowed").withHeader("Allow", allow));
        }
        return Responses.now(Responses.error(ex, 404, "Not found"));
    }

    /** Returns the response to {@code request}. */
    public CompletionStage<ServerResponse> handle(ServerRequest request) {
        return handle(request, null);
    }

    /** Returns the response to {@code request}, adding the onion's events to {@code trace} when it is not null. */
    public CompletionStage<ServerResponse> handle(ServerRequest request, Trace trace) {
        long now = env.nanoTime().getAsLong();
        Router.Match<Entry> m = router.match(request.method(), request.path());
        try {
            if (m instanceof Router.Found<Entry> f && f.target().plain() != null) {
                Exchange ex = new Exchange(request, f.params(), f.target().info().name(), trace, now);
                return (trace == null ? f.target().plain() : f.target().traced()).handle(ex);
            }
            Exchange ex = new Exchange(request, Map.of(), null, trace, now);
            ex.put(MISS, m);
            return (trace == null ? fallbackPlain : fallbackTraced).handle(ex);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Returns the routes in spec order. */
    public List<RouteInfo> routes() {
        return routes;
    }

    /** Closes every service, the last built first, and stops the timer. */
    @Override
    public void close() {
        try {
            container.close();
        } finally {
            timer.shutdownNow();
        }
    }
}
