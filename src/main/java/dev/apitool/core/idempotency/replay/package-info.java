/**
 * {@code apitool idempotency replay}: a conformance tester for an API's Idempotency-Key handling,
 * judged from outside as a client sees it, against draft-ietf-httpapi-idempotency-key-header-07 or
 * Stripe's rules.
 *
 * <p>{@link dev.apitool.core.idempotency.replay.ReplayProbe} sends the call under fresh keys in the
 * sequences each {@link dev.apitool.core.idempotency.replay.Rule} needs (repeats one after another
 * and at once, a new key, another body, no key, an over-long key, both key forms, two calls that
 * overlap, a call after the TTL); {@code Checks} tells executed from replayed by the
 * {@code Idempotent-Replayed} header where the API sends it, otherwise by whether the response
 * differs from the key's first, and says "inconclusive" where neither tells. Reports are text (the
 * basic sequence in the words of the classic cache example, then each rule), JSON
 * ({@code schemas/idempotency-replay.schema.json}) and JUnit XML.
 */
package dev.apitool.core.idempotency.replay;
