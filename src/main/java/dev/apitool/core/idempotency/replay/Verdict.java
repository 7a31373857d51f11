package dev.apitool.core.idempotency.replay;

/** How a rule came out. */
public enum Verdict {
    /** The API behaved as the rule says. */
    PASS("pass"),
    /** The API did not; the evidence says how. */
    FAIL("fail"),
    /** The rule does not apply to this call (no body to vary, no TTL given, a first call that did not fail). */
    NOT_APPLICABLE("n/a"),
    /** From outside, the responses cannot tell: identical and not marked as replays. */
    INCONCLUSIVE("inconclusive");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** Returns the word reports use. */
    public String word() {
        return word;
    }
}
