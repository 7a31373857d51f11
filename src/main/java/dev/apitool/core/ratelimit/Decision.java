package dev.apitool.core.ratelimit;

/**
 * One limiter decision for one request, all times in microseconds relative to the decision's
 * {@code now}.
 *
 * @param outcome allowed, delayed or limited
 * @param delayMicros how long a {@link Outcome#DELAYED} request waits before it is served; 0 otherwise
 * @param remaining quota units still available right after this decision, 0 or more
 * @param retryAfterMicros for a {@link Outcome#LIMITED} request, how long until the same request
 *     would be admitted if nothing else arrives; {@link #NEVER} when no wait will do (its cost
 *     exceeds the whole quota, or it waits on a release nobody scheduled); 0 when admitted
 * @param resetAfterMicros how long until the key's quota is fully restored, 0 or more; {@link #NEVER}
 *     when it never is (a bucket with no refill)
 */
public record Decision(Outcome outcome, long delayMicros, long remaining, long retryAfterMicros, long resetAfterMicros) {

    /** {@link #retryAfterMicros()} of a request no wait will admit; {@link #resetAfterMicros()} of a quota that never resets. */
    public static final long NEVER = -1;

    public Decision {
        if (outcome == null || delayMicros < 0 || remaining < 0 || retryAfterMicros < NEVER || resetAfterMicros < NEVER) {
            throw new IllegalArgumentException("invalid decision: " + outcome + " delay=" + delayMicros
                    + " remaining=" + remaining + " retryAfter=" + retryAfterMicros + " resetAfter=" + resetAfterMicros);
        }
    }

    /** Returns an {@link Outcome#ALLOWED} decision. */
    public static Decision allowed(long remaining, long resetAfterMicros) {
        return new Decision(Outcome.ALLOWED, 0, remaining, 0, resetAfterMicros);
    }

    /** Returns a {@link Outcome#DELAYED} decision. */
    public static Decision delayed(long delayMicros, long remaining, long resetAfterMicros) {
        return new Decision(Outcome.DELAYED, delayMicros, remaining, 0, resetAfterMicros);
    }

    /** Returns a {@link Outcome#LIMITED} decision. */
    public static Decision limited(long remaining, long retryAfterMicros, long resetAfterMicros) {
        return new Decision(Outcome.LIMITED, 0, remaining, retryAfterMicros, resetAfterMicros);
    }

    /** Returns whether the request is served, now or after a delay. */
    public boolean admitted() {
        return outcome.admitted();
    }
}
