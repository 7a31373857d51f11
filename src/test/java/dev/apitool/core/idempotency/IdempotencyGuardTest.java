package dev.apitool.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The guard in virtual time, over a memory store, with handlers that count their runs. */
class IdempotencyGuardTest {

    private final AtomicLong nowMicros = new AtomicLong(1_000_000);
    private final AtomicInteger runs = new AtomicInteger();
    private final MemoryIdempotencyStore store = new MemoryIdempotencyStore();

    /** Charges the amount in the body and answers with a new transaction id each run. */
    private final RequestHandler chargeCard = RequestHandler.of(req -> ServerResponse.text(201,
            "{\"charged\":" + req.bodyText() + ",\"tx_id\":\"tx_" + runs.incrementAndGet() + "\"}"));

    private IdempotencyGuard guard(IdempotencySettings.Builder b) {
        return new IdempotencyGuard(b.build(), nowMicros::get);
    }

    private static ServerRequest post(String key, String body) {
        Headers h = key == null ? Headers.EMPTY : Headers.of(IdempotencyKey.HEADER, key);
        return new ServerRequest("POST", "/charges", h, body.getBytes(StandardCharsets.UTF_8), null, true);
    }

    private static ServerResponse call(IdempotencyGuard g, ServerRequest req, RequestHandler next) throws Exception {
        return g.handle(req, next).toCompletableFuture().getNow(null);
    }

    private static String said(ServerResponse r) {
        return "true".equals(r.headers().first(IdempotencyKey.REPLAYED_HEADER)) ? "returned cached result" : "executed handler";
    }

    @Test
    void seedScenario_inVirtualTime_executesCachesExecutesAndExpires() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store).ttl(Duration.ofMillis(500)));
        List<String> lines = new ArrayList<>();
        ServerResponse first = call(g, post("req-abc", "99.99"), chargeCard);
        lines.add("First call: " + said(first));
        ServerResponse second = call(g, post("req-abc", "99.99"), chargeCard);
        lines.add("Second call (same key): " + said(second));
        ServerResponse third = call(g, post("req-xyz", "49.99"), chargeCard);
        lines.add("Different key: " + said(third));
        nowMicros.addAndGet(600_000);
        ServerResponse fourth = call(g, post("req-abc", "99.99"), chargeCard);
        lines.add("After TTL: " + said(fourth) + (said(fourth).startsWith("executed") ? " (cache expired)" : ""));

        assertThat(lines).containsExactly("First call: executed handler", "Second call (same key): returned cached result",
                "Different key: executed handler", "After TTL: executed handler (cache expired)");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.status()).isEqualTo(201);
        assertThat(new String(fourth.body(), StandardCharsets.UTF_8)).contains("tx_3");
        assertThat(runs).hasValue(3);
    }

    @Test
    void sameKeyOtherBody_ietf_is422ProblemJson() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store));
        call(g, post("k1", "1"), chargeCard);
        ServerResponse r = call(g, post("\"k1\"", "2"), chargeCard);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.headers().first("Content-Type")).isEqualTo("application/problem+json");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"status\":422").contains("\"title\":");
        assertThat(runs).hasValue(1);
    }

    @Test
    void sameKeyOtherBody_stripe_is400StripeError() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store).profile(Profile.STRIPE));
        call(g, post("k1", "1"), chargeCard);
        ServerResponse r = call(g, post("k1", "2"), chargeCard);
        assertThat(r.status()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"type\":\"idempotency_error\"");
    }

    @Test
    void sameKeyWhileFirstRuns_is409_andAfterItFinishes_replays() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store));
        CompletableFuture<ServerResponse> slow = new CompletableFuture<>();
        CompletableFuture<ServerResponse> first = g.handle(post("k", "1"), req -> slow).toCompletableFuture();
        ServerResponse during = call(g, post("k", "1"), chargeCard);
        assertThat(during.status()).isEqualTo(409);
        slow.complete(ServerResponse.text(200, "done"));
        assertThat(first.getNow(null).status()).isEqualTo(200);
        ServerResponse after = call(g, post("k", "1"), chargeCard);
        assertThat(after.headers().first(IdempotencyKey.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(new String(after.body(), StandardCharsets.UTF_8)).isEqualTo("done");
        assertThat(runs).hasValue(0);
    }

    @Test
    void crashedRequest_afterItsLease_keyRunsAgain() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store).lease(Duration.ofSeconds(5)));
        g.handle(post("k", "1"), req -> new CompletableFuture<>()); // never finishes
        assertThat(call(g, post("k", "1"), chargeCard).status()).isEqualTo(409);
        nowMicros.addAndGet(5_000_000);
        assertThat(call(g, post("k", "1"), chargeCard).status()).isEqualTo(201);
        assertThat(runs).hasValue(1);
    }

    @Test
    void errorResponse_isStoredAndReplayed() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store));
        RequestHandler failsOnce = RequestHandler.of(req -> runs.incrementAndGet() == 1
                ? ServerResponse.text(500, "card processor down") : ServerResponse.text(201, "charged"));
        call(g, post("k", "1"), failsOnce);
        ServerResponse again = call(g, post("k", "1"), failsOnce);
        assertThat(again.status()).isEqualTo(500);
        assertThat(new String(again.body(), StandardCharsets.UTF_8)).isEqualTo("card processor down");
        assertThat(runs).hasValue(1);
    }

    @Test
    void handlerThrows_claimReleased_retryRuns() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store));
        assertThatThrownBy(() -> g.handle(post("k", "1"), req -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(call(g, post("k", "1"), chargeCard).status()).isEqualTo(201);
        CompletableFuture<ServerResponse> failed = CompletableFuture.failedFuture(new IllegalStateException("late boom"));
        assertThat(g.handle(post("k2", "1"), req -> failed).toCompletableFuture()).isCompletedExceptionally();
        assertThat(call(g, post("k2", "1"), chargeCard).status()).isEqualTo(201);
    }

    @Test
    void missingKey_requiredOrNot() throws Exception {
        ServerResponse refused = call(guard(IdempotencySettings.builder(store).required(true)), post(null, "1"), chargeCard);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("idempotency-key-missing");
        ServerResponse passed = call(guard(IdempotencySettings.builder(store)), post(null, "1"), chargeCard);
        assertThat(passed.status()).isEqualTo(201);
    }

    @Test
    void badKeys_are400_andOtherMethodsPassThrough() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store).maxKeyLength(8));
        assertThat(call(g, post("123456789", "1"), chargeCard).status()).isEqualTo(400);
        assertThat(call(g, post("\"unclosed", "1"), chargeCard).status()).isEqualTo(400);
        ServerRequest twoKeys = new ServerRequest("POST", "/charges", Headers.of(IdempotencyKey.HEADER, "a", IdempotencyKey.HEADER, "b"),
                new byte[0], null, true);
        assertThat(call(g, twoKeys, chargeCard).status()).isEqualTo(400);
        ServerRequest get = new ServerRequest("GET", "/charges", Headers.of(IdempotencyKey.HEADER, "k"), new byte[0], null, true);
        call(g, get, chargeCard);
        call(g, get, chargeCard);
        assertThat(runs).hasValue(2);
    }

    @Test
    void quotedAndBareForms_nameTheSameKey() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store));
        call(g, post("\"abc\"", "1"), chargeCard);
        assertThat(call(g, post("abc", "1"), chargeCard).headers().first(IdempotencyKey.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void fingerprintHeaders_countWhenConfigured() throws Exception {
        IdempotencyGuard g = guard(IdempotencySettings.builder(store).fingerprintHeaders(List.of("Authorization")));
        ServerRequest alice = new ServerRequest("POST", "/c", Headers.of(IdempotencyKey.HEADER, "k", "Authorization", "alice"),
                new byte[0], null, true);
        ServerRequest bob = new ServerRequest("POST", "/c", Headers.of(IdempotencyKey.HEADER, "k", "Authorization", "bob"),
                new byte[0], null, true);
        call(g, alice, chargeCard);
        assertThat(call(g, bob, chargeCard).status()).isEqualTo(422);
    }
}
