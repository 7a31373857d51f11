/**
 * Rate limiting: what a limiter decides for each request, exactly, in virtual or real time.
 *
 * <p>A {@link dev.apitool.core.ratelimit.Limiter} applies one
 * {@link dev.apitool.core.ratelimit.Policy} through one
 * {@link dev.apitool.core.ratelimit.StateStore}: {@code decide(key, cost, nowMicros)} returns a
 * {@link dev.apitool.core.ratelimit.Decision} (allowed, delayed or limited, with remaining quota,
 * retry-after and reset-after) and, through a {@link dev.apitool.core.ratelimit.HeaderProfile},
 * the headers a server would send: the IETF draft's {@code RateLimit-Policy}/{@code RateLimit}
 * (draft-ietf-httpapi-ratelimit-headers-11), its earlier {@code RateLimit-Limit/Remaining/Reset},
 * or {@code X-RateLimit-*}, and {@code Retry-After} (RFC 9110 section 10.2.3) on rejection.
 *
 * <p>The clock is always passed in, never read: simulations run in virtual time, a server passes
 * a monotonic clock. A policy is a pure function {@code (state, now, cost) -> (decision, state)}
 * over a small {@code long[]} per key, all integers with every intermediate value below 2^53, so
 * the in-memory store and a Redis store running the same step as a Lua script (Lua numbers are
 * doubles) decide bit-identically. The algorithms and their sources are in
 * {@link dev.apitool.core.ratelimit.policy}; the stores in {@link dev.apitool.core.ratelimit.store}.
 */
package dev.apitool.core.ratelimit;
