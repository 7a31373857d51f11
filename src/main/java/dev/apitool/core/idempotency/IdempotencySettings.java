package dev.apitool.core.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an {@link IdempotencyGuard} treats requests. Defaults ({@link #builder}): a 24 h TTL (Stripe's),
 * a 1 min lease for a request in flight, POST and PATCH, key optional, fingerprint of method, path
 * and body only, the IETF profile, keys up to 255 characters.
 *
 * @param ttl how long a finished response is replayed, positive
 * @param lease how long a request may run holding its key before another may claim it, positive
 *     (longer than the slowest handler, or a slow request can run twice)
 * @param store where keys live; the guard does not close it
 * @param methods the methods that use keys, upper case; others pass through untouched
 * @param required whether a request without a key is refused (400) rather than passed through
 * @param fingerprintHeaders request headers that count in the fingerprint besides method, path and body
 * @param profile whose status codes and error bodies to answer with
 * @param maxKeyLength the longest key accepted, 1 or more
 */
public record IdempotencySettings(Duration ttl, Duration lease, IdempotencyStore store, Set<String> methods,
        boolean required, List<String> fingerprintHeaders, Profile profile, int maxKeyLength) {

    public IdempotencySettings {
        positive(ttl, "ttl");
        positive(lease, "lease");
        Objects.requireNonNull(store, "store");
        methods = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        fingerprintHeaders = List.copyOf(fingerprintHeaders);
        Objects.requireNonNull(profile, "profile");
        if (maxKeyLength < 1) {
            throw new IllegalArgumentException("maxKeyLength must be positive: " + maxKeyLength);
        }
    }

    /** Returns a builder with the defaults above and {@code store}. */
    public static Builder builder(IdempotencyStore store) {
        return new Builder(store);
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Builds settings from the defaults. */
    public static final class Builder {
        private final IdempotencyStore store;
        private Duration ttl = Duration.ofHours(24);
        private Duration lease = Duration.ofMinutes(1);
        private Set<String> methods = Set.of("POST", "PATCH");
        private boolean required;
        private List<String> fingerprintHeaders = List.of();
        private Profile profile = Profile.IETF;
        private int maxKeyLength = IdempotencyKey.DEFAULT_MAX_LENGTH;

        private Builder(IdempotencyStore store) {
            this.store = store;
        }

        public Builder ttl(Duration v) {
            ttl = v;
            return this;
        }

        public Builder lease(Duration v) {
            lease = v;
            return this;
        }

        public Builder methods(Set<String> v) {
            methods = v;
            return this;
        }

        public Builder required(boolean v) {
            required = v;
            return this;
        }

        public Builder fingerprintHeaders(List<String> v) {
            fingerprintHeaders = v;
            return this;
        }

        public Builder profile(Profile v) {
            profile = v;
            return this;
        }

        public Builder maxKeyLength(int v) {
            maxKeyLength = v;
            return this;
        }

        public IdempotencySettings build() {
            return new IdempotencySettings(ttl, lease, store, methods, required, fingerprintHeaders, profile, maxKeyLength);
        }
    }
}
