package dev.apitool.core.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.Headers;
import dev.apitool.core.jwt.JwtIssuer;
import dev.apitool.core.jwt.KeyReader;
import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Spec;
import dev.apitool.core.load.plan.LoadTarget;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.time.ManualClock;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** One loop's request bytes: patched in place only when the last write of them is done, re-encoded when a token changes length. */
class LoopRequestsTest {

    private static final URI URL = URI.create("http://127.0.0.1:9/pay");
    private static final LoadSpec SPEC = Spec.to(URL).connections(1).threads(1).requests(100).build();

    private static String text(ByteBuf b) {
        return b.toString(b.readerIndex(), b.readableBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String header(String request, String name) {
        for (String line : request.split("\r\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    @Test
    void aCopyStillBeingWritten_isNeverPatched_theConnectionTakesAFreshOne() {
        RequestPlan plan = RequestPlan.of(List.of(new LoadTarget("POST", URL, Headers.EMPTY, "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "t:1:1")),
                "t", RequestPlan.Order.ROUND_ROBIN, null).withIdempotencyKey();
        try (Templates templates = Templates.encode(plan, null)) {
            LoopRequests loop = new LoopRequests(plan, templates, null, LoopShare.of(SPEC, 0, 1, 0), 0);
            LoopRequests.Slot slot = new LoopRequests.Slot();

            ByteBuf first = loop.next(slot);          // "in flight": not released yet
            String firstText = text(first);
            ByteBuf second = loop.next(slot);
            assertThat(second.unwrap()).isNotSameAs(first.unwrap());
            assertThat(text(first)).isEqualTo(firstText); // the write in flight is untouched
            assertThat(header(text(second), "Idempotency-Key")).isNotEqualTo(header(firstText, "Idempotency-Key"));
            ByteBuf secondCopy = second.unwrap();
            first.release();
            second.release();                          // both writes done

            ByteBuf third = loop.next(slot);
            assertThat(third.unwrap()).isSameAs(secondCopy); // done: patched in place, no new buffer
            String key = header(text(third), "Idempotency-Key");
            assertThat(UUID.fromString(key).version()).isEqualTo(8);
            assertThat(UUID.fromString(key).variant()).isEqualTo(2);
            assertThat(key).endsWith("-000000000002");
            assertThat(text(third)).endsWith("\r\n\r\n{\"a\":1}").contains("Content-Length: 7\r\n");
            third.release();
            slot.release();
            loop.close();
        }
    }

    @Test
    void aNewToken_isPickedUpOnTheTick_andOneOfAnotherLength_reEncodesTheLoopsTemplates() {
        ManualClock clock = new ManualClock(Instant.ofEpochSecond(999_999_000)); // iat and exp of 9 digits
        JwtIssuer.Spec claims = new JwtIssuer.Spec(null, "load", null, List.of(), null, null, null, false, null, List.of(),
                null, null, null, List.of(), false);
        RefreshingToken source = new RefreshingToken(claims, KeyReader.secret(new byte[32], "test"), clock,
                Duration.ofMinutes(10), Duration.ofMinutes(5));
        List<LoadTarget> two = List.of(new LoadTarget("GET", URL, Headers.EMPTY, null, "t:1:1"),
                new LoadTarget("POST", URI.create("http://127.0.0.1:9/b"), Headers.EMPTY, "xyz".getBytes(StandardCharsets.UTF_8), "t:2:1"));
        RequestPlan plan = RequestPlan.of(two, "t", RequestPlan.Order.ROUND_ROBIN, null).withIdempotencyKey().withJwt(source);
        RefreshingToken.Token t1 = source.current();
        try (Templates templates = Templates.encode(plan, t1.ascii())) {
            LoopRequests loop = new LoopRequests(plan, templates, t1, LoopShare.of(SPEC, 0, 1, 0), 0);
            LoopRequests.Slot slot = new LoopRequests.Slot();
            assertThat(send(loop, slot)).contains("GET /pay ").contains("Bearer " + t1.text() + "\r\n");

            clock.advance(Duration.ofMinutes(5)); // due, same length
            assertThat(send(loop, slot)).as("not before the loop's tick").contains("Bearer " + t1.text() + "\r\n");
            loop.tick(System.nanoTime() + Duration.ofSeconds(2).toNanos());
            RefreshingToken.Token t2 = source.current();
            assertThat(t2.number()).isEqualTo(2);
            assertThat(t2.ascii()).hasSameSizeAs(t1.ascii());
            String r = send(loop, slot);
            assertThat(r).contains("GET /pay ").contains("Bearer " + t2.text() + "\r\n");
            assertThat(send(loop, slot)).contains("POST /b ").contains("Bearer " + t2.text() + "\r\n").endsWith("\r\n\r\nxyz");

            clock.set(Instant.ofEpochSecond(1_000_000_500)); // 10 digits: a longer token
            loop.tick(System.nanoTime() + Duration.ofSeconds(4).toNanos());
            RefreshingToken.Token t3 = source.current();
            assertThat(t3.ascii().length).isGreaterThan(t2.ascii().length);
            String longer = send(loop, slot);
            assertThat(longer).contains("GET /pay ").contains("Bearer " + t3.text() + "\r\n").endsWith("\r\n\r\n");
            assertThat(send(loop, slot)).contains("POST /b ").contains("Bearer " + t3.text() + "\r\n")
                    .contains("Content-Length: 3\r\n").endsWith("\r\n\r\nxyz");
            assertThat(header(longer, "Idempotency-Key")).endsWith("-000000000004");
            slot.release();
            loop.close();
        }
    }

    @Test
    void connectionsCopies_areBounded_onlyWithPerRequestParts() {
        RequestPlan plain = RequestPlan.of(List.of(new LoadTarget("POST", URL, Headers.EMPTY, new byte[2 << 20], "t:1:1")),
                "t", RequestPlan.Order.ROUND_ROBIN, null);
        try (Templates templates = Templates.encode(plain, null)) {
            templates.checkCopies(plain, 200); // one shared encoding: no copies
            RequestPlan keyed = plain.withIdempotencyKey();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> templates.checkCopies(keyed, 200))
                    .isInstanceOf(dev.apitool.core.io.InputException.class)
                    .hasMessageContaining("200 connections (-c 200) would take 400 MiB, over the 256 MiB bound");
            templates.checkCopies(keyed, 100);
        }
    }

    private static String send(LoopRequests loop, LoopRequests.Slot slot) {
        ByteBuf b = loop.next(slot);
        try {
            return text(b);
        } finally {
            b.release();
        }
    }
}
