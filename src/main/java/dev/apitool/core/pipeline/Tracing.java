package dev.apitool.core.pipeline;

import dev.apitool.core.http.ServerResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How the engine wraps each layer of a chain: a failure (a throw or a failed stage) becomes a 500
 * in the error shape at the layer where it happened, so outer layers still see a response; with a
 * trace, a layer that says nothing gets a plain line on the way in and on the way out.
 */
final class Tracing {

    private Tracing() {}

    /** Returns {@code handler} with failures turned into 500s. */
    static Handler guard(Handler handler, Environment env) {
        return ex -> recover(ex, call(handler, ex), env);
    }

    /** Returns {@code middleware} around {@code next}, failures turned into 500s. */
    static Handler layer(Middleware middleware, Handler next, Environment env) {
        return ex -> {
            CompletionStage<ServerResponse> s;
            try {
                s = middleware.handle(ex, next);
            } catch (Exception | Error e) {
                s = CompletableFuture.failedFuture(e);
            }
            return recover(ex, s, env);
        };
    }

    /** Returns the traced form of {@link #handler}: a line for the handler. */
    static Handler handler(Handler handler, String routeName, Environment env) {
        return ex -> {
            if (routeName != null) {
                ex.trace().line("Handler: " + routeName);
            }
            return recover(ex, call(handler, ex), env);
        };
    }

    /** Returns the traced form of {@link #layer}. */
    static Handler layer(String label, Middleware middleware, Handler next, Environment env) {
        return ex -> {
            Trace t = ex.trace();
            long start = env.nanoTime().getAsLong();
            int entered = t.size();
            int[] back = {-1};
            Handler tracedNext = e2 -> {
                if (t.size() == entered) {
                    t.note(label, "->");
                }
                CompletionStage<ServerResponse> s = next.handle(e2);
                return s.whenComplete((r, e) -> back[0] = t.size());
            };
            CompletionStage<ServerResponse> s;
            try {
                s = middleware.handle(ex, tracedNext);
            } catch (Exception | Error e) {
                s = CompletableFuture.failedFuture(e);
            }
            return recover(ex, s, env).thenApply(r -> {
                if (back[0] < 0 && t.size() == entered) {
                    t.note(label, "answered " + r.status() + " " + millis(env, start));
                } else if (back[0] >= 0 && t.size() == back[0]) {
                    t.note(label, "<- " + r.status() + " " + millis(env, start));
                }
                return r;
            });
        };
    }

    private static String millis(Environment env, long start) {
        return String.format(Locale.ROOT, "(%.2f ms)", (env.nanoTime().getAsLong() - start) / 1e6);
    }

    private static CompletionStage<ServerResponse> call(Handler h, Exchange ex) {
        try {
            return h.handle(ex);
        } catch (Exception | Error e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static CompletionStage<ServerResponse> recover(Exchange ex, CompletionStage<ServerResponse> s, Environment env) {
        if (s instanceof CompletableFuture<ServerResponse> f && f.isDone() && !f.isCompletedExceptionally() && f.getNow(null) != null) {
            return f;
        }
        return s.handle((r, e) -> {
            if (e == null && r != null) {
                return r;
            }
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            String id = ex.get(Responses.REQUEST_ID);
            env.log().accept("apitool: error: " + ex.request().method() + " " + ex.request().path()
                    + (id == null ? "" : " [" + id + "]") + ": "
                    + (cause == null ? "no response" : cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            return Responses.error(ex, 500, "Internal server error");
        });
    }
}
