package dev.apitool.core.idempotency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whose rules the guard answers by, and the tester checks: the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header-07, section 2.7) or Stripe's API
 * (stripe.com/docs/api/idempotent_requests). They differ in few places: a key reused with another
 * request is 422 in the draft and 400 at Stripe; errors are {@code application/problem+json}
 * (RFC 9457) in the draft and Stripe's {@code {"error": {"type": "idempotency_error", …}}}; the
 * draft's keys are quoted structured-field strings, Stripe's bare.
 */
public enum Profile {
    /** draft-ietf-httpapi-idempotency-key-header-07. */
    IETF(422),
    /** Stripe's idempotent requests. */
    STRIPE(400);

    /** Why the guard refused a request. */
    public enum Refusal {
        /** No key on a method that requires one: 400 in both. */
        MISSING(400, "Idempotency-Key is missing", "idempotency-key-missing"),
        /** A key that is empty, too long or malformed: 400 in both. */
        INVALID(400, "Idempotency-Key is not valid", "idempotency-key-invalid"),
        /** The key's first request is still being processed: 409 in both. */
        IN_FLIGHT(409, "A request with this Idempotency-Key is being processed", "idempotency-key-in-flight"),
        /** The key was used with another request: the profile's own status. */
        MISMATCH(0, "Idempotency-Key is already used with another request", "idempotency-key-reused");

        final int status;
        final String title;
        final String slug;

        Refusal(int status, String title, String slug) {
            this.status = status;
            this.title = title;
            this.slug = slug;
        }
    }

    private final int mismatchStatus;

    Profile(int mismatchStatus) {
        this.mismatchStatus = mismatchStatus;
    }

    /** Returns the status this profile answers {@code refusal} with. */
    public int status(Refusal refusal) {
        return refusal == Refusal.MISMATCH ? mismatchStatus : refusal.status;
    }

    /** Returns the media type of refusal bodies. */
    public String contentType() {
        return this == IETF ? "application/problem+json" : "application/json";
    }

    /** Returns the body of a refusal: an RFC 9457 problem, or Stripe's error object. */
    public byte[] body(Refusal refusal, String detail) {
        ObjectNode doc = Json.object();
        if (this == IETF) {
            doc.put("type", "https://apitool.dev/problems/" + refusal.slug);
            doc.put("title", refusal.title);
            doc.put("status", status(refusal));
            doc.put("detail", detail);
        } else {
            ObjectNode error = doc.putObject("error");
            error.put("type", "idempotency_error");
            error.put("message", detail);
        }
        return Json.compact(doc).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns the key as this profile's clients send it: quoted (IETF) or bare (Stripe). */
    public String headerValue(String key) {
        return this == IETF ? IdempotencyKey.quote(key) : key;
    }

    /** Returns the name users type: {@code ietf} or {@code stripe}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the profile named {@code ietf} or {@code stripe} (any case), or null. */
    public static Profile byId(String id) {
        for (Profile p : values()) {
            if (p.id().equalsIgnoreCase(id)) {
                return p;
            }
        }
        return null;
    }
}
