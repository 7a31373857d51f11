package dev.apitool.core.ratelimit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The three ways servers tell clients about rate limits. Every profile adds {@code Retry-After}
 * (delay-seconds, RFC 9110 section 10.2.3) to a rejection when some wait will admit the request.
 * Seconds are always rounded up, so a client that waits as told is never early; {@code Reset}
 * values are delta-seconds, as the core has no wall clock (a front end with one may convert).
 */
public enum HeaderProfile {

    /**
     * The current IETF draft (draft-ietf-httpapi-ratelimit-headers-11, May 2026): structured-field
     * lists {@code RateLimit-Policy: "name";q=100;w=60} and {@code RateLimit: "name";r=50;t=30},
     * with {@code qu="concurrent-requests"} for a concurrency limit and no {@code w}/{@code t}
     * when the quota has no time window.
     */
    IETF("ietf") {
        @Override
        void add(Map<String, String> h, String name, Quota q, Decision d) {
            String id = sfString(name);
            StringBuilder policy = new StringBuilder(id).append(";q=").append(q.limit());
            if (!Quota.REQUESTS.equals(q.unit())) {
                policy.append(";qu=").append(sfString(q.unit()));
            }
            if (q.windowMicros() > 0) {
                policy.append(";w=").append(Math.max(1, seconds(q.windowMicros())));
            }
            h.put("RateLimit-Policy", policy.toString());
            StringBuilder limit = new StringBuilder(id).append(";r=").append(d.remaining());
            if (q.windowMicros() > 0) {
                limit.append(";t=").append(seconds(d.resetAfterMicros()));
            }
            h.put("RateLimit", limit.toString());
        }
    },

    /** The earlier drafts' three fields (up to draft-ietf-httpapi-ratelimit-headers-06): {@code RateLimit-Limit/Remaining/Reset}. */
    IETF_LEGACY("ietf-legacy") {
        @Override
        void add(Map<String, String> h, String name, Quota q, Decision d) {
            trio(h, "RateLimit-", q, d);
        }
    },

    /** The de-facto {@code X-RateLimit-Limit/Remaining/Reset} (Reset in delta-seconds). */
    X_RATELIMIT("x-ratelimit") {
        @Override
        void add(Map<String, String> h, String name, Quota q, Decision d) {
            trio(h, "X-RateLimit-", q, d);
        }
    };

    private final String label;

    HeaderProfile(String label) {
        this.label = label;
    }

    /** Returns the profile's name on the command line: {@code ietf}, {@code ietf-legacy}, {@code x-ratelimit}. */
    public String label() {
        return label;
    }

    /** Returns the profile called {@code label}, as {@link #label()} spells it. */
    public static HeaderProfile named(String label) {
        for (HeaderProfile p : values()) {
            if (p.label.equals(label.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown header profile '" + label + "': expected ietf, ietf-legacy or x-ratelimit");
    }

    /**
     * Returns the headers, in the order a server would write them, for {@code decision} under a
     * policy called {@code name} advertising {@code quota}.
     */
    public Map<String, String> headers(String name, Quota quota, Decision decision) {
        Map<String, String> h = new LinkedHashMap<>();
        add(h, name, quota, decision);
        if (decision.outcome() == Outcome.LIMITED && decision.retryAfterMicros() != Decision.NEVER) {
            h.put("Retry-After", Long.toString(Math.max(1, seconds(decision.retryAfterMicros()))));
        }
        return Collections.unmodifiableMap(h);
    }

    abstract void add(Map<String, String> h, String name, Quota q, Decision d);

    private static void trio(Map<String, String> h, String prefix, Quota q, Decision d) {
        h.put(prefix + "Limit", Long.toString(q.limit()));
        h.put(prefix + "Remaining", Long.toString(d.remaining()));
        if (q.windowMicros() > 0) {
            h.put(prefix + "Reset", Long.toString(seconds(d.resetAfterMicros())));
        }
    }

    /** Returns microseconds as whole seconds, rounded up. */
    static long seconds(long micros) {
        return micros <= 0 ? 0 : (micros - 1) / 1_000_000 + 1;
    }

    /** Returns {@code s} as a structured-field String (RFC 9651 section 3.3.3): quoted, {@code "} and {@code \} escaped. */
    static String sfString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("policy name must be printable ASCII: " + s);
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
