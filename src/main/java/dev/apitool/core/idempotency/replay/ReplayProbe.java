package dev.apitool.core.idempotency.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.Urls;
import dev.apitool.core.idempotency.IdempotencyKey;
import dev.apitool.core.idempotency.Profile;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

/**
 * Probes an API's Idempotency-Key handling from outside, as a client sees it: sends the call under
 * fresh keys in the sequences each {@link Rule} needs, then has {@link Checks} judge the answers.
 * A new key per run (a UUID) keeps runs from seeing each other's stored responses; a recorded
 * call's own key is replaced the same way. The first call failing outright (refused, timed out)
 * ends the run with its {@link HttpException}; later failures become evidence.
 */
public final class ReplayProbe {

    /** Waits; {@code Thread::sleep} in real runs. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final HttpClient client;
    private final LongSupplier nanoClock;
    private final Clock wall;
    private final Sleeper sleeper;
    private int calls;
    private boolean marks;

    /**
     * @param client sends the calls; its pool should allow {@code concurrency} connections per origin
     * @param nanoClock a monotonic clock (times evidence and the TTL wait)
     * @param wall the wall clock for the report's start time
     */
    public ReplayProbe(HttpClient client, LongSupplier nanoClock, Clock wall, Sleeper sleeper) {
        this.client = client;
        this.nanoClock = nanoClock;
        this.wall = wall;
        this.sleeper = sleeper;
    }

    /**
     * Returns the report for {@code options}.
     *
     * @throws HttpException when the first call gets no response at all
     * @throws InterruptedException when interrupted while waiting out the TTL
     */
    public ReplayReport run(ReplayOptions options) throws InterruptedException {
        Instant startedAt = wall.instant();
        long start = nanoClock.getAsLong();
        calls = 0;
        marks = false;
        List<RuleResult> results = new ArrayList<>();
        List<String> story = new ArrayList<>();
        for (int i = 0; i < options.calls().size(); i++) {
            probe(options, options.calls().get(i), options.subjects().get(i), results, i == 0 ? story : new ArrayList<>());
        }
        HttpRequest first = options.calls().get(0);
        return new ReplayReport(first.method(), Urls.redact(first.uri()), options.profile(), story, results, marks, calls,
                startedAt, Duration.ofNanos(nanoClock.getAsLong() - start));
    }

    private void probe(ReplayOptions o, HttpRequest call, String subject, List<RuleResult> results, List<String> story)
            throws InterruptedException {
        Profile p = o.profile();
        String keyA = newKey();
        List<Exchange> sequential = new ArrayList<>();
        for (int i = 1; i <= o.repeat(); i++) {
            Exchange e = send("#" + i, keyed(call, p.headerValue(keyA)));
            if (i == 1 && e.error() != null) {
                throw lastFailure;
            }
            sequential.add(e);
        }
        Probes seen = new Probes();
        seen.sequential = sequential;
        if (!o.recorded()) {
            seen.fresh = send("new key", keyed(call, p.headerValue(newKey())));
            seen.concurrent = concurrent(keyed(call, p.headerValue(newKey())), o.concurrency());
            byte[] other = otherBody(call.body());
            if (other != null) { // a key of its own: with a short --ttl, key A may expire before this call
                String keyM = p.headerValue(newKey());
                send("first body", keyed(call, keyM));
                seen.otherBody = send("other body", keyed(call, keyM).withBody(other));
            }
            seen.noKey = send("no key", call.withHeaders(call.headers().without(IdempotencyKey.HEADER)));
            String formKey = newKey();
            String otherForm = p == Profile.IETF ? formKey : IdempotencyKey.quote(formKey);
            seen.otherForm = List.of(send("other form #1", keyed(call, otherForm)), send("other form #2", keyed(call, otherForm)));
            String longKey = "apitool-" + "x".repeat(Math.max(0, o.maxKeyLength() + 1 - 8));
            seen.tooLong = send("long key", keyed(call, p.headerValue(longKey)));
            HttpRequest slow = keyed(o.slowUri() == null ? call
                    : new HttpRequest(call.method(), o.slowUri(), call.headers(), call.body(), call.timeout()), p.headerValue(newKey()));
            CompletableFuture<Exchange> a = sendAsync("in-flight first", slow);
            CompletableFuture<Exchange> b = sendAsync("in-flight second", slow);
            seen.inFlight = List.of(a.join(), b.join());
            if (o.ttl() != null) {
                long wait = sequential.get(0).answeredNanos() + o.ttl().toNanos() + margin(o.ttl()) - nanoClock.getAsLong();
                if (wait > 0) {
                    sleeper.sleepNanos(wait);
                }
                seen.afterTtl = send("after TTL", keyed(call, p.headerValue(keyA)));
            }
        }
        Checks checks = new Checks(p, subject, o);
        checks.judge(seen, results, story);
        marks |= checks.marksReplays();
    }

    /** The exchanges of one call's probe, for {@link Checks}. Null where not sent. */
    static final class Probes {
        List<Exchange> sequential;
        Exchange fresh;
        List<Exchange> concurrent;
        Exchange otherBody;
        Exchange noKey;
        List<Exchange> otherForm;
        Exchange tooLong;
        List<Exchange> inFlight;
        Exchange afterTtl;
    }

    private HttpException lastFailure;

    private Exchange send(String label, HttpRequest request) {
        return sendAsync(label, request).join();
    }

    private CompletableFuture<Exchange> sendAsync(String label, HttpRequest request) {
        calls++;
        long sent = nanoClock.getAsLong();
        return client.send(request).handle((r, failure) -> {
            long answered = nanoClock.getAsLong();
            if (failure == null) {
                return Exchange.of(label, r, sent, answered);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof HttpException h) {
                lastFailure = h;
                return Exchange.failed(label, h.getMessage(), sent, answered);
            }
            throw failure instanceof CompletionException c ? c : new CompletionException(failure);
        });
    }

    private List<Exchange> concurrent(HttpRequest request, int n) {
        List<CompletableFuture<Exchange>> pending = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            pending.add(sendAsync("at once #" + i, request));
        }
        List<Exchange> out = new ArrayList<>(n);
        for (CompletableFuture<Exchange> f : pending) {
            out.add(f.join());
        }
        return out;
    }

    private static HttpRequest keyed(HttpRequest call, String headerValue) {
        return call.withHeaders(call.headers().without(IdempotencyKey.HEADER).with(IdempotencyKey.HEADER, headerValue));
    }

    private static String newKey() {
        return "apitool-" + UUID.randomUUID();
    }

    /** Waits a little past the TTL: a tenth of it, at least 50 ms, at most 2 s. */
    private static long margin(Duration ttl) {
        return Math.min(Duration.ofSeconds(2).toNanos(), Math.max(Duration.ofMillis(50).toNanos(), ttl.toNanos() / 10));
    }

    /**
     * Returns another body for the reused-key check: a JSON object with one more member, anything
     * else with a space appended; null for no body (nothing to vary).
     */
    static byte[] otherBody(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode doc = Json.parse(body, "body");
            if (doc instanceof ObjectNode obj) {
                obj.put("apitoolProbe", UUID.randomUUID().toString());
                return Json.compact(obj).getBytes(StandardCharsets.UTF_8);
            }
        } catch (InputException notJson) {
            // any body will do: vary its bytes
        }
        byte[] out = java.util.Arrays.copyOf(body, body.length + 1);
        out[body.length] = ' ';
        return out;
    }
}
