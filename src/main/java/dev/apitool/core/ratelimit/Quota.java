package dev.apitool.core.ratelimit;

/**
 * What a policy advertises to clients in its headers: {@code limit} quota units per
 * {@code windowMicros} (the draft's {@code q} and {@code w}).
 *
 * @param limit quota units the policy grants at most at once, 1 or more
 * @param windowMicros the time the quota spans (a fixed window, or how long an empty bucket takes
 *     to refill), or 0 when the quota has no time window (a concurrency limit)
 * @param unit the draft's quota unit: {@code requests} or {@code concurrent-requests}
 */
public record Quota(long limit, long windowMicros, String unit) {

    /** The draft's default unit: the quota counts requests. */
    public static final String REQUESTS = "requests";

    /** The draft's unit for concurrency limits: the quota counts requests in flight. */
    public static final String CONCURRENT_REQUESTS = "concurrent-requests";
}
