package dev.apitool.core.idempotency;

/**
 * A store's answer to a request under a key.
 *
 * @param outcome what the caller may do
 * @param stored the response to replay when {@code outcome} is {@link Outcome#REPLAY}, else null
 */
public record Claim(Outcome outcome, StoredResponse stored) {

    /** What the caller may do. */
    public enum Outcome {
        /** The key is new (or expired): the caller runs the request and then completes or releases the key. */
        CLAIMED,
        /** The key's first request is still running (its lease has not run out). */
        IN_FLIGHT,
        /** The key was claimed with another fingerprint. */
        MISMATCH,
        /** The key's request finished: replay {@link #stored}. */
        REPLAY
    }

    static final Claim CLAIMED = new Claim(Outcome.CLAIMED, null);
    static final Claim IN_FLIGHT = new Claim(Outcome.IN_FLIGHT, null);
    static final Claim MISMATCH = new Claim(Outcome.MISMATCH, null);
}
