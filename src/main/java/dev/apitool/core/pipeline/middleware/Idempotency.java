package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.idempotency.IdempotencyGuard;
import dev.apitool.core.idempotency.IdempotencySettings;
import dev.apitool.core.idempotency.IdempotencyStore;
import dev.apitool.core.idempotency.IdempotencyStores;
import dev.apitool.core.idempotency.Profile;
import dev.apitool.core.io.InputException;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code idempotency}: the {@code core.idempotency} guard as a layer of the onion. A repeated
 * {@code Idempotency-Key} with the same request gets the stored response (errors included) with
 * {@code Idempotent-Replayed: true}; another request under the key 422, one while the first is in
 * flight 409, a missing key 400 when {@code required} (draft-ietf-httpapi-idempotency-key-header-07;
 * {@code profile: stripe} for Stripe's codes). {@code store} is {@code memory} (default) or
 * {@code redis://HOST:PORT}, so several servers share their keys; a Redis store is closed with
 * the pipeline.
 */
final class Idempotency implements Factory<Middleware> {

    @Override
    public String type() {
        return "idempotency";
    }

    @Override
    public List<String> parameters() {
        return List.of("store", "ttl", "lease", "methods", "required", "fingerprint", "profile", "max-key-length");
    }

    @Override
    public String summary() {
        return "Replays the stored response of a repeated Idempotency-Key (422 other request, 409 in flight).";
    }

    @Override
    public Middleware create(Node node, Build build) {
        String storeSpec = node.text("store", "memory").strip();
        boolean storeKnown = storeSpec.equals("memory") || storeSpec.startsWith("redis://") || storeSpec.startsWith("rediss://");
        if (!storeKnown) {
            node.get("store").error("unknown store '" + storeSpec + "' (expected memory or redis://HOST:PORT)");
        }
        Profile profile = Profile.byId(node.text("profile", "ietf").strip());
        if (profile == null) {
            node.get("profile").error("unknown profile '" + node.text("profile", "") + "' (expected ietf or stripe)");
        }
        if (!storeKnown || profile == null) {
            return null;
        }
        Set<String> methods = new LinkedHashSet<>();
        for (String m : node.has("methods") ? node.strings("methods") : List.of("POST", "PATCH")) {
            methods.add(m.strip().toUpperCase(Locale.ROOT));
        }
        Duration ttl = node.duration("ttl", Duration.ofHours(24));
        Duration lease = node.duration("lease", Duration.ofSeconds(30));
        boolean required = node.bool("required", false);
        List<String> fingerprint = node.has("fingerprint") ? node.strings("fingerprint") : List.of();
        int maxKeyLength = (int) node.whole("max-key-length", 255, 1, 8192);
        IdempotencyStore store = store(node, build);
        if (store == null || ttl == null || lease == null) {
            return null;
        }
        IdempotencySettings settings;
        try {
            settings = IdempotencySettings.builder(store).ttl(ttl).lease(lease).methods(methods).required(required)
                    .fingerprintHeaders(fingerprint).profile(profile).maxKeyLength(maxKeyLength).build();
        } catch (InputException | IllegalArgumentException e) {
            node.error(e.getMessage());
            return null;
        }
        return Middleware.of(new IdempotencyGuard(settings, IdempotencyGuard.epochMicros(build.env().clock()))::handle);
    }

    /** Opens the store: memory per middleware, Redis through the container so it is closed with the pipeline. */
    private static IdempotencyStore store(Node node, Build build) {
        String spec = node.text("store", "memory").strip();
        String name = "idempotency store of " + build.label();
        try {
            if (!build.container().has(name)) {
                build.container().register(name, "idempotency store", c -> IdempotencyStores.open(spec));
            }
            return build.container().get(name, IdempotencyStore.class, "idempotency store", null);
        } catch (InputException e) {
            node.get("store").error(e.getMessage());
            return null;
        }
    }
}
