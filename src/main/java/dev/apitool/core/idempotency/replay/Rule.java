package dev.apitool.core.idempotency.replay;

/** The rules {@code idempotency replay} checks, each with a stable id for reports. */
public enum Rule {
    SEQUENTIAL("replay.sequential", "same key and body, one call after another: the handler runs once, the rest get the stored response"),
    MARKED("replay.marked", "replays say so with Idempotent-Replayed: true"),
    FRESH_KEY("key.fresh", "a new key runs the handler again"),
    CONCURRENT("replay.concurrent", "same key, many calls at once: the handler runs once, the rest get the stored response or 409"),
    MISMATCH("key.reused", "same key with another body is refused (422; Stripe 400)"),
    IN_FLIGHT("key.in-flight", "same key while the first call runs is refused with 409"),
    ERROR_REPLAYED("replay.error", "a failed first call is replayed as stored, not run again"),
    MISSING("key.missing", "a call without a key is refused (400) or runs; never mistaken for another key"),
    TOO_LONG("key.too-long", "an over-long key is refused with 400"),
    QUOTED("key.quoted", "the key as a quoted structured-field string (the draft's form) is honoured"),
    BARE("key.bare", "the key bare, without quotes (Stripe's form), is honoured"),
    TTL("ttl.expiry", "after the TTL the key runs the handler again");

    private final String id;
    private final String title;

    Rule(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** Returns the id used in reports, e.g. {@code replay.sequential}. */
    public String id() {
        return id;
    }

    /** Returns what the rule says, in one line. */
    public String title() {
        return title;
    }
}
