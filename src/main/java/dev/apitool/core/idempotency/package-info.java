/**
 * Idempotency keys on the server side, and a tester for them from the client side.
 *
 * <p>{@link dev.apitool.core.idempotency.IdempotencyGuard} puts the {@code Idempotency-Key}
 * semantics of draft-ietf-httpapi-idempotency-key-header-07 (or Stripe's, by
 * {@link dev.apitool.core.idempotency.Profile}) in front of any {@code core.http} request handler:
 * the first request under a key runs, its response is stored with the request's
 * {@link dev.apitool.core.idempotency.Fingerprint} and replayed for the TTL; another request under
 * the key is refused (422), as is one that arrives while the first still runs (409). It grows the
 * classic in-process cache (check, lock per key, check again, run, store) into a store shaped like
 * {@code ratelimit.store}: one {@link dev.apitool.core.idempotency.IdempotencyStore} interface whose
 * decisions are each atomic (a claim with a lease, a completion with a TTL, a release), with the
 * time passed in, kept in memory (bounded: expired keys first, then least recently used) or in
 * Redis (each decision one Lua script), deciding alike on both.
 *
 * <p>{@code core.idempotency.replay} probes a live API for the same rules from outside.
 */
package dev.apitool.core.idempotency;
