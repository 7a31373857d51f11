/**
 * The rate-limiting algorithms, each a {@link dev.apitool.core.ratelimit.Policy} with its own
 * settings, a declared name and a parser for its policy string, all found through the
 * {@link dev.apitool.core.ratelimit.policy.Registry} (the shape of Caffeine's simulator).
 *
 * <ul>
 *   <li>{@code token-bucket}: Turner's token bucket (1986), as in Guava and Bucket4j:
 *       starts full, refills continuously, exactly, in integer units.
 *   <li>{@code gcra}: the generic cell rate algorithm (ITU-T I.371), the leaky bucket as a
 *       meter, with redis-cell's {@code CL.THROTTLE} semantics (limit = burst + 1).
 *   <li>{@code nginx}: ngx_http_limit_req_module.c ported line by line, its C beside the Java:
 *       milli-request excess, millisecond clock, {@code rate * 1000 / scale} (so 1r/m is 16),
 *       burst, {@code nodelay} and {@code delay=N}; several zones on one request in
 *       {@link dev.apitool.core.ratelimit.policy.NginxZones}.
 *   <li>{@code fixed-window}: a counter per window aligned to the clock's epoch or to a key's
 *       first request (the Redis INCR/EXPIRE pattern).
 *   <li>{@code sliding-log}: the exact sliding window, one entry per admitted request (the Redis
 *       sorted-set pattern).
 *   <li>{@code sliding-window}: Cloudflare's sliding window counter (2017), the previous window
 *       weighted by the share still covered, compared exactly in integers.
 *   <li>{@code concurrency}: at most {@code max} in flight (Stripe's concurrent requests
 *       limiter, 2017), released by the request's known duration or by an explicit release.
 * </ul>
 *
 * <p>Each policy but {@code concurrency} takes {@code consume-rejected=true|false}, default false:
 * refused requests are not charged, as in nginx and redis-cell, so {@code Retry-After}
 * stays true and a retrying client does not lock itself out (see {@code BasePolicy}). Each
 * policy's Javadoc states its 2^53 bound, checked when it is built.
 */
package dev.apitool.core.ratelimit.policy;
