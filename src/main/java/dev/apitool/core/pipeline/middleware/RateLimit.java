package dev.apitool.core.pipeline.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.io.InputException;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Exchange;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.HeaderProfile;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import dev.apitool.core.ratelimit.store.RedisStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * {@code rate-limit}: any policy {@code ratelimit simulate} takes, on a store (memory, or a Redis
 * {@code store} service shared by several servers), keyed by client address, a header or a JWT
 * claim. A refused request gets 429 with {@code Retry-After} and the profile's headers; a delayed
 * one (nginx's {@code delay}) is served after its delay. Time is the monotonic clock in memory and
 * the wall clock on Redis, where several servers must agree on it.
 */
final class RateLimit implements Factory<Middleware> {

    /** Where a request's key comes from. */
    enum KeyKind { IP, HEADER, CLAIM, GLOBAL }

    record Settings(Policy policy, KeyKind keyKind, String keyName, HeaderProfile profile) {}

    @Override
    public String type() {
        return "rate-limit";
    }

    @Override
    public List<String> parameters() {
        return List.of("policy", "key", "store", "headers");
    }

    @Override
    public String summary() {
        return "Limits requests per key (ip, header:NAME, claim:NAME, global) with any ratelimit policy; 429 + Retry-After.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        String spec = node.required("policy", "a policy such as token-bucket:capacity=5,rate=2/s");
        Policy policy = null;
        if (spec != null) {
            try {
                policy = Registry.parse(spec);
            } catch (InputException e) {
                node.get("policy").error(e.getMessage());
            }
        }
        String key = node.text("key", "ip").strip();
        KeyKind kind;
        String keyName = null;
        if (key.equals("ip")) {
            kind = KeyKind.IP;
        } else if (key.equals("global")) {
            kind = KeyKind.GLOBAL;
        } else if (key.startsWith("header:") && key.length() > 7) {
            kind = KeyKind.HEADER;
            keyName = key.substring(7);
        } else if (key.startsWith("claim:") && key.length() > 6) {
            kind = KeyKind.CLAIM;
            keyName = key.substring(6);
        } else {
            node.get("key").error("bad key '" + key + "' (expected ip, global, header:NAME or claim:NAME)");
            kind = KeyKind.IP;
        }
        HeaderProfile profile = HeaderProfile.IETF;
        String p = node.text("headers", "ietf");
        try {
            profile = HeaderProfile.named(p);
        } catch (IllegalArgumentException e) {
            node.get("headers").error("unknown header profile '" + p + "' (expected ietf, ietf-legacy or x-ratelimit)");
        }
        StateStore store = node.has("store")
                ? build.service(node.get("store"), StateStore.class, "store", "rate-limit \"" + build.label() + "\"") : new MemoryStore();
        if (policy == null || store == null) {
            return null;
        }
        Settings s = new Settings(policy, kind, keyName, profile);
        Limiter limiter = Limiter.of(policy, store);
        LongSupplier micros = clock(store, build);
        String label = build.label();
        var timer = build.timer();
        return (ex, next) -> {
            String k = key(ex, s);
            long now = micros.getAsLong();
            Decision d = limiter.decide(k, 1, now);
            Map<String, String> headers = limiter.headers(d, s.profile());
            if (d.outcome() == Outcome.LIMITED) {
                ex.note(label, "limited " + k);
                ServerResponse r = Responses.error(ex, 429, "Too many requests");
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    r = r.withHeader(h.getKey(), h.getValue());
                }
                return Responses.now(r);
            }
            ex.note(label, (d.outcome() == Outcome.DELAYED ? "delayed " + d.delayMicros() + "us " : "allowed ") + k
                    + ", remaining " + d.remaining());
            CompletableFuture<ServerResponse> served;
            if (d.outcome() == Outcome.DELAYED && d.delayMicros() > 0) {
                served = new CompletableFuture<>();
                timer.schedule(() -> {
                    try {
                        next.handle(ex).whenComplete((r, e) -> {
                            if (e != null) {
                                served.completeExceptionally(e);
                            } else {
                                served.complete(r);
                            }
                        });
                    } catch (Exception e) {
                        served.completeExceptionally(e);
                    }
                }, d.delayMicros(), TimeUnit.MICROSECONDS);
            } else {
                served = next.handle(ex).toCompletableFuture();
            }
            return served.whenComplete((r, e) -> limiter.release(k, 1, micros.getAsLong())).thenApply(r -> {
                ServerResponse out = r;
                for (Map.Entry<String, String> h : headers.entrySet()) {
                    out = out.withHeader(h.getKey(), h.getValue());
                }
                return out;
            });
        };
    }

    private static LongSupplier clock(StateStore store, Build build) {
        if (store instanceof RedisStore) {
            var wall = build.env().clock();
            return () -> wall.millis() * 1000;
        }
        var nanos = build.env().nanoTime();
        long origin = nanos.getAsLong();
        return () -> (nanos.getAsLong() - origin) / 1000;
    }

    private static String key(Exchange ex, Settings s) {
        String k = switch (s.keyKind()) {
            case IP -> ex.request().remote() == null ? "local" : ex.request().remote().getAddress().getHostAddress();
            case HEADER -> ex.request().header(s.keyName());
            case CLAIM -> {
                JsonNode claims = ex.get(JwtAuth.CLAIMS);
                JsonNode v = claims == null ? null : claims.get(s.keyName());
                yield v == null || v.isContainerNode() ? null : v.asText();
            }
            case GLOBAL -> "global";
        };
        return k == null || k.isEmpty() ? "anonymous" : k.length() > 256 ? k.substring(0, 256) : k;
    }
}
