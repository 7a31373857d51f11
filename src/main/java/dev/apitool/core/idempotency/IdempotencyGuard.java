package dev.apitool.core.idempotency;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Idempotency-Key handling in front of any {@link RequestHandler}, as
 * draft-ietf-httpapi-idempotency-key-header-07 (or Stripe, per {@link Profile}) says: the first
 * request under a key runs the handler and its response (status, headers, body, errors included)
 * is stored for the TTL; the same key with the same fingerprint gets the stored response again,
 * marked {@code Idempotent-Replayed: true}; the same key with another fingerprint is refused
 * (422, Stripe 400); the same key while the first request runs is refused (409); a missing key
 * where one is required, or a malformed or over-long one, is refused (400). Refusals are
 * {@code application/problem+json} (Stripe: its error object). Methods outside the settings pass
 * through untouched.
 *
 * <p>Per-key exclusion comes from the store's atomic claim: of any number of concurrent requests
 * with one key, exactly one runs the handler. A handler that throws or fails its stage, or answers
 * with a stream or an aborted connection, stores nothing: its claim is released and a retry runs
 * again. The store is called synchronously on the calling thread (a memory store decides under a
 * lock; a Redis store makes one round trip).
 *
 * <p>This is the pipeline's {@code idempotency} middleware: {@code guard.handle(request, next)}.
 */
public final class IdempotencyGuard {

    private final IdempotencySettings settings;
    private final LongSupplier nowMicros;

    /**
     * Returns a guard on {@code clock}: microseconds, the same clock on every instance that shares
     * the store (epoch microseconds for a shared Redis; any clock, virtual in tests, for memory).
     */
    public IdempotencyGuard(IdempotencySettings settings, LongSupplier nowMicros) {
        this.settings = settings;
        this.nowMicros = nowMicros;
    }

    /** Returns a guard on the system clock's epoch microseconds (shareable across processes). */
    public IdempotencyGuard(IdempotencySettings settings) {
        this(settings, epochMicros(Clock.systemUTC()));
    }

    /** Returns {@code clock}'s time in microseconds since the epoch. */
    public static LongSupplier epochMicros(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
        };
    }

    /** Returns the settings. */
    public IdempotencySettings settings() {
        return settings;
    }

    /** Returns the response to {@code request}: {@code next}'s, a stored one, or a refusal. */
    public CompletionStage<ServerResponse> handle(ServerRequest request, RequestHandler next) throws Exception {
        if (!settings.methods().contains(request.method())) {
            return next.handle(request);
        }
        List<String> values = request.headers().all(IdempotencyKey.HEADER);
        if (values.isEmpty()) {
            return settings.required()
                    ? refuse(Profile.Refusal.MISSING, request.method() + " requests need an Idempotency-Key header")
                    : next.handle(request);
        }
        if (values.size() > 1) {
            return refuse(Profile.Refusal.INVALID, "the request has " + values.size() + " Idempotency-Key headers; send one");
        }
        IdempotencyKey.Parsed key = IdempotencyKey.parse(values.get(0), settings.maxKeyLength());
        if (!key.ok()) {
            return refuse(Profile.Refusal.INVALID, key.problem());
        }
        String fingerprint = Fingerprint.of(request.method(), request.target(), settings.fingerprintHeaders(),
                request::header, request.body());
        String token = Long.toHexString(ThreadLocalRandom.current().nextLong()) + Long.toHexString(System.nanoTime());
        IdempotencyStore store = settings.store();
        Claim claim = store.claim(key.key(), fingerprint, token, nowMicros.getAsLong(), micros(settings.lease()));
        switch (claim.outcome()) {
            case REPLAY:
                return CompletableFuture.completedFuture(claim.stored().replay());
            case IN_FLIGHT:
                return refuse(Profile.Refusal.IN_FLIGHT, "the first request with this key has not finished; retry later");
            case MISMATCH:
                return refuse(Profile.Refusal.MISMATCH,
                        "this key was used with a different request (method, path, body or fingerprinted headers)");
            default:
                break;
        }
        CompletionStage<ServerResponse> stage;
        try {
            stage = next.handle(request);
        } catch (Exception | Error e) {
            store.release(key.key(), token);
            throw e;
        }
        return stage.handle((response, failure) -> {
            if (failure != null || response == null) {
                store.release(key.key(), token);
                throw failure instanceof CompletionException c ? c : new CompletionException(failure);
            }
            if (response.stream() != null || response.ending() == ServerResponse.Ending.ABORT
                    || response.ending() == ServerResponse.Ending.RESET) {
                store.release(key.key(), token);
                return response;
            }
            store.complete(key.key(), token, StoredResponse.of(response), nowMicros.getAsLong(), micros(settings.ttl()));
            return response;
        });
    }

    private CompletionStage<ServerResponse> refuse(Profile.Refusal refusal, String detail) {
        Profile p = settings.profile();
        return CompletableFuture.completedFuture(new ServerResponse(p.status(refusal),
                Headers.of("Content-Type", p.contentType()), p.body(refusal, detail), null, ServerResponse.Ending.KEEP_ALIVE));
    }

    private static long micros(java.time.Duration d) {
        return d.toNanos() / 1000;
    }
}
