package dev.apitool.core.idempotency.replay;

import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.idempotency.IdempotencyKey;
import dev.apitool.core.idempotency.Profile;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What {@code idempotency replay} sends. Defaults ({@link #builder}): 3 calls one after another,
 * 10 at once, no TTL wait, the in-flight check on the call's own URL, the IETF profile, 255-character
 * keys.
 *
 * @param calls the calls to probe: one (every rule) or recorded ones ({@code --from}: the replay
 *     rules on each); an {@code Idempotency-Key} header in a call is replaced by fresh keys
 * @param subjects names each call in the report (same size as {@code calls})
 * @param recorded whether the calls came from a file (then only the per-call rules run)
 * @param repeat calls under one key one after another, 2 to 100
 * @param concurrency calls under one key at once, 2 to 1000
 * @param ttl the API's TTL to wait out and check, or null to skip that rule
 * @param slowUri a route slower than a round trip, for the in-flight check, or null for the call's own
 * @param profile whose status codes to expect
 * @param maxKeyLength the longest key the API should accept; the over-long probe sends one more
 */
public record ReplayOptions(List<HttpRequest> calls, List<String> subjects, boolean recorded, int repeat, int concurrency,
        Duration ttl, URI slowUri, Profile profile, int maxKeyLength) {

    public ReplayOptions {
        calls = List.copyOf(calls);
        subjects = List.copyOf(subjects);
        if (calls.isEmpty() || calls.size() != subjects.size()) {
            throw new IllegalArgumentException("one subject per call, at least one call: " + calls.size() + "/" + subjects.size());
        }
        if (repeat < 2 || repeat > 100 || concurrency < 2 || concurrency > 1000) {
            throw new IllegalArgumentException("repeat 2..100, concurrency 2..1000: " + repeat + ", " + concurrency);
        }
    }

    /** Returns a builder for probing {@code call} with the defaults above. */
    public static Builder builder(HttpRequest call, String subject) {
        return new Builder(List.of(call), List.of(subject), false);
    }

    /** Returns a builder for probing recorded calls. */
    public static Builder recorded(List<HttpRequest> calls, List<String> subjects) {
        return new Builder(calls, subjects, true);
    }

    /** Builds options from the defaults. */
    public static final class Builder {
        private final List<HttpRequest> calls;
        private final List<String> subjects;
        private final boolean recorded;
        private int repeat = 3;
        private int concurrency = 10;
        private Duration ttl;
        private URI slowUri;
        private Profile profile = Profile.IETF;
        private int maxKeyLength = IdempotencyKey.DEFAULT_MAX_LENGTH;

        private Builder(List<HttpRequest> calls, List<String> subjects, boolean recorded) {
            this.calls = calls;
            this.subjects = subjects;
            this.recorded = recorded;
        }

        public Builder repeat(int v) {
            repeat = v;
            return this;
        }

        public Builder concurrency(int v) {
            concurrency = v;
            return this;
        }

        public Builder ttl(Duration v) {
            ttl = v;
            return this;
        }

        public Builder slowUri(URI v) {
            slowUri = v;
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

        public ReplayOptions build() {
            return new ReplayOptions(calls, subjects, recorded, repeat, concurrency, ttl, slowUri, profile, maxKeyLength);
        }
    }
}
