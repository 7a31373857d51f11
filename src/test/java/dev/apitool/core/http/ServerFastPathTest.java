package dev.apitool.core.http;

import static dev.apitool.core.http.EmbeddedBytes.ascii;
import static dev.apitool.core.http.EmbeddedBytes.drainOutbound;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's per-request shortcuts on an EmbeddedChannel (bytes in, bytes out, virtual time):
 * body-less requests skip the aggregator yet reach the handler exactly as before, the idle timer,
 * response bytes encoded once per connection for a response object answered again, and the
 * server's own encoding of whole-body responses checked byte for byte against Netty's server codec.
 */
class ServerFastPathTest {

    private static final long IDLE = TimeUnit.SECONDS.toNanos(75);

    /** Sends {@code raw} through codec, [body-less completer], aggregator and handler; returns what the handler saw and the bytes out. */
    private static String run(String raw, boolean bodiless) {
        List<String> seen = new ArrayList<>();
        RequestHandler record = RequestHandler.of(r -> {
            seen.add(r.method() + " " + r.target() + " " + r.headers() + " body=" + r.bodyText() + " keepAlive=" + r.keepAlive());
            return TestHandlers.echo(r);
        });
        List<ChannelHandler> handlers = new ArrayList<>(List.of(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192)));
        if (bodiless) {
            handlers.add(new BodilessRequests(null));
        }
        handlers.add(new HttpObjectAggregator(16));
        handlers.add(new ServerHandler(record, new HttpServer.Counters(), 0));
        EmbeddedChannel ch = new EmbeddedChannel(handlers.toArray(ChannelHandler[]::new));
        ch.writeInbound(ascii(raw));
        ch.runPendingTasks();
        String out = String.join("\n", seen) + "\n---\n" + drainOutbound(ch) + "\nopen=" + ch.isOpen();
        ch.finishAndReleaseAll();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /a?x=1 HTTP/1.1\r\nHost: h\r\nX-Custom: c\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
        "HEAD /a HTTP/1.1\r\nHost: h\r\n\r\n",
        "GET /a HTTP/1.0\r\nHost: h\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /after HTTP/1.1\r\nHost: h\r\n\r\n",
        "POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
        "POST /big HTTP/1.1\r\nHost: h\r\nContent-Length: 64\r\n\r\n" + "0123456789012345678901234567890123456789012345678901234567890123",
        "GET /e HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n",
        "GET /a HTTP/1.1\r\nHost: h\r\n\r\nNOT A REQUEST\r\n\r\n",
    })
    void bodilessCompleter_anyRequest_handlerSeesAndAnswersExactlyAsThroughTheAggregator(String raw) {
        assertThat(run(raw, true)).isEqualTo(run(raw, false));
    }

    @Test
    void bodilessCompleter_getWithoutBody_isCompletedBeforeTheAggregatorWithContentLengthZero() {
        EmbeddedChannel ch = new EmbeddedChannel(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192), new BodilessRequests(null));
        ch.writeInbound(ascii("GET /a HTTP/1.1\r\nHost: h\r\n\r\nPOST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\n\r\nok"));

        Object first = ch.readInbound();
        assertThat(first).isInstanceOf(FullHttpRequest.class);
        assertThat(((FullHttpRequest) first).headers().get("content-length")).isEqualTo("0");
        Object post = ch.readInbound();
        assertThat(post).isInstanceOf(HttpRequest.class).isNotInstanceOf(FullHttpRequest.class);
        Object body = ch.readInbound();
        assertThat(body).isInstanceOf(HttpContent.class);
        ReferenceCountUtil.release(first);
        ReferenceCountUtil.release(body);
        ch.finishAndReleaseAll();
    }

    private static EmbeddedChannel idleChannel(RequestHandler handler) {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192), new BodilessRequests(null), new HttpObjectAggregator(1024),
                new ServerHandler(handler, new HttpServer.Counters(), IDLE));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    @Test
    void idleTimer_trafficMovesTheLimit_closesOnlyAfterAWholeLimitWithout() {
        EmbeddedChannel ch = idleChannel(RequestHandler.of(r -> ServerResponse.text(200, "ok")));
        ch.advanceTimeBy(60, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.writeInbound(ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));
        assertThat(drainOutbound(ch)).startsWith("HTTP/1.1 200 OK");

        ch.advanceTimeBy(70, TimeUnit.SECONDS); // 130 s since the start, 70 s since the request
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("open 70 s after its last request").isTrue();

        ch.advanceTimeBy(6, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("closed 76 s after its last request").isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void idleTimer_requestInFlight_keepsTheConnectionOpenPastTheLimit() {
        CompletableFuture<ServerResponse> late = new CompletableFuture<>();
        EmbeddedChannel ch = idleChannel(r -> late);
        ch.writeInbound(ascii("GET / HTTP/1.1\r\nHost: h\r\n\r\n"));

        ch.advanceTimeBy(300, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("busy for 300 s").isTrue();

        late.complete(ServerResponse.text(200, "late"));
        ch.runPendingTasks();
        assertThat(drainOutbound(ch)).endsWith("late");
        ch.advanceTimeBy(80, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        ch.advanceTimeBy(80, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertThat(ch.isOpen()).as("idle for 160 s after the answer").isFalse();
        ch.finishAndReleaseAll();
    }

    private static String twice(Supplier<String> first, String second, ServerResponse answer) {
        EmbeddedChannel ch = new EmbeddedChannel(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192), new BodilessRequests(null), new HttpObjectAggregator(1024),
                new ServerHandler(RequestHandler.of(r -> answer), new HttpServer.Counters(), 0));
        ch.writeInbound(ascii(first.get()));
        String a = drainOutbound(ch);
        ch.writeInbound(ascii(second));
        String b = drainOutbound(ch);
        ch.finishAndReleaseAll();
        return a + "|" + b;
    }

    @Test
    void sameResponseObject_answeredAgainOnAConnection_headHasNoBodyAndStatusesWithoutContentKeepTheirRules() {
        ServerResponse ok = new ServerResponse(200, Headers.of("Content-Type", "application/json"),
                "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8), null, null);
        String okHeadThenGet = twice(() -> "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\n\r\n", ok);
        String okGetTwice = twice(() -> "GET / HTTP/1.1\r\nHost: h\r\n\r\n", "GET / HTTP/1.1\r\nHost: h\r\n\r\n", ok);
        String head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 15\r\n\r\n";

        assertThat(okHeadThenGet).isEqualTo(head + "|" + head + "{\"status\":\"ok\"}");
        assertThat(okGetTwice).isEqualTo(head + "{\"status\":\"ok\"}|" + head + "{\"status\":\"ok\"}");

        ServerResponse none = new ServerResponse(204, Headers.of("Allow", "GET"), null, null, null);
        String noContent = "HTTP/1.1 204 No Content\r\nAllow: GET\r\n\r\n";
        assertThat(twice(() -> "GET / HTTP/1.1\r\nHost: h\r\n\r\n", "HEAD / HTTP/1.1\r\nHost: h\r\n\r\n", none))
                .isEqualTo(noContent + "|" + noContent);
    }

    static Stream<Arguments> wholeBodyResponses() {
        List<Arguments> out = new ArrayList<>();
        for (int status : new int[] {100, 101, 200, 201, 204, 205, 304, 404, 500, 599}) {
            for (String method : new String[] {"GET", "HEAD", "CONNECT"}) {
                for (String variant : new String[] {"length", "chunked", "websocket"}) {
                    out.add(Arguments.of(status, method, variant));
                }
            }
        }
        return out.stream();
    }

    private static HttpHeaders headers(String variant, int bodyLength) {
        HttpHeaders h = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        h.add("Content-Type", "application/json");
        switch (variant) {
            case "chunked" -> h.add("Transfer-Encoding", "chunked");
            case "websocket" -> h.add("Sec-WebSocket-Version", "13").setInt("content-length", bodyLength);
            default -> h.setInt("content-length", bodyLength);
        }
        return h;
    }

    @ParameterizedTest(name = "{0} to {1}, {2}")
    @MethodSource("wholeBodyResponses")
    void encode_wholeBodyResponse_isByteForByteWhatNettysServerCodecSends(int status, String method, String variant) {
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        EmbeddedChannel netty = new EmbeddedChannel(new HttpServerCodec());
        String target = method.equals("CONNECT") ? "h:443" : "/";
        netty.writeInbound(ascii(method + " " + target + " HTTP/1.1\r\nHost: h\r\n\r\n"));
        Object in;
        while ((in = netty.readInbound()) != null) {
            ReferenceCountUtil.release(in);
        }
        netty.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                Unpooled.wrappedBuffer(body), headers(variant, body.length), EmptyHttpHeaders.INSTANCE));
        String expected = drainOutbound(netty);
        netty.finishAndReleaseAll();

        ByteBuf ours = ServerCodec.encode(UnpooledByteBufAllocator.DEFAULT, HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status),
                headers(variant, body.length), body, method.equals("HEAD"), method.equals("CONNECT"));
        try {
            assertThat(ours.toString(StandardCharsets.US_ASCII)).isEqualTo(expected);
        } finally {
            ours.release();
        }
    }

    @Test
    void chunkedRequestWithContentLength_isRefusedAndTheConnectionCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192),
                new BodilessRequests(null), new HttpObjectAggregator(1024),
                new ServerHandler(RequestHandler.of(TestHandlers::echo), new HttpServer.Counters(), 0));
        ch.writeInbound(ascii("POST /p HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\nGET /next HTTP/1.1\r\nHost: h\r\n\r\n"));
        ch.runPendingTasks();

        String out = drainOutbound(ch);
        assertThat(out).startsWith("HTTP/1.1 400 Bad Request").contains("connection: close").doesNotContain("/next");
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }
}
