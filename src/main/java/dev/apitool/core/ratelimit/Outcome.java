package dev.apitool.core.ratelimit;

/** What a limiter decided for one request. */
public enum Outcome {
    /** Served now. */
    ALLOWED("allowed"),
    /** Served after {@link Decision#delayMicros()} (nginx {@code limit_req} without {@code nodelay}). */
    DELAYED("delayed"),
    /** Refused; the canonical word (printed {@code rate_limited}; HTTP sends 429 or 503). */
    LIMITED("limited");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** Returns the lowercase word reports and JSON use: {@code allowed}, {@code delayed}, {@code limited}. */
    public String label() {
        return label;
    }

    /** Returns whether the request is served, now or after a delay. */
    public boolean admitted() {
        return this != LIMITED;
    }
}
