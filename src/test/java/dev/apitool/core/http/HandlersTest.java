package dev.apitool.core.http;

import static dev.apitool.core.http.EmbeddedBytes.ascii;
import static dev.apitool.core.http.EmbeddedBytes.drainOutbound;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.stream.ChunkedWriteHandler;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The client and server handlers on an EmbeddedChannel: bytes in, bytes or futures out, no sockets. */
class HandlersTest {

    @Test
    void serverHandler_request_writesResponseAndCounts() {
        HttpServer.Counters counters = new HttpServer.Counters();
        RequestHandler echo = RequestHandler.of(TestHandlers::echo);
        EmbeddedChannel ch = new EmbeddedChannel(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192),
                new HttpObjectAggregator(1024), new ChunkedWriteHandler(), new ServerHandler(echo, counters, 0));

        ch.writeInbound(ascii("POST /e?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"));
        String out = drainOutbound(ch);

        assertThat(out).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Target: /e?x=1").contains("content-length: 5")
                .endsWith("\r\n\r\nhello");
        assertThat(counters.requests.get()).isEqualTo(1);
        assertThat(counters.open.get()).isEqualTo(1);
        assertThat(ch.isOpen()).isTrue();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void serverHandler_malformedRequest_is400AndClose() {
        HttpServer.Counters counters = new HttpServer.Counters();
        EmbeddedChannel ch = new EmbeddedChannel(new ServerCodec.Encoder(), new ServerCodec.Decoder(4096, 8192, 8192),
                new HttpObjectAggregator(1024), new ChunkedWriteHandler(), new ServerHandler(RequestHandler.of(TestHandlers::echo), counters, 0));

        ch.writeInbound(ascii("GET / HTTP/1.1\r\nBad Header Line\r\n\r\n"));
        ch.runPendingTasks();

        assertThat(drainOutbound(ch)).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(ch.isOpen()).isFalse();
        assertThat(counters.errors.get()).isEqualTo(1);
        ch.finishAndReleaseAll();
    }

    @Test
    void clientHandler_splitResponseAfter100Continue_completesOnce() {
        ClientHandler handler = new ClientHandler(1024);
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec(), handler);
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        assertThat(handler.begin(f, false, false)).isTrue();

        ch.writeInbound(ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Le"));
        assertThat(f).isNotDone();
        ch.writeInbound(ascii("ngth: 4\r\nX-A: b\r\n\r\nab"));
        assertThat(f).isNotDone();
        ch.writeInbound(ascii("cd"));

        HttpResponse r = f.join();
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("x-a")).isEqualTo("b");
        assertThat(r.bodyText()).isEqualTo("abcd");
        assertThat(handler.reusable()).isTrue();
        assertThat(ch.finishAndReleaseAll()).isFalse();
    }

    @Test
    void clientHandler_unsolicitedBytes_closeTheConnection() {
        ClientHandler handler = new ClientHandler(1024);
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec(), handler);

        ch.writeInbound(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));

        assertThat(ch.isOpen()).isFalse();
        assertThat(handler.reusable()).isFalse();
        ch.finishAndReleaseAll();
    }

    @Test
    void clientHandler_exception_failsTheExchangeCountsAndCloses() {
        ClientHandler handler = new ClientHandler(1024);
        EmbeddedChannel ch = new EmbeddedChannel(new HttpClientCodec(), handler);
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        handler.begin(f, false, false);

        ch.pipeline().fireExceptionCaught(new java.io.IOException("Connection reset by peer"));

        assertThat(Futures.failure(f).kind()).isEqualTo(HttpException.Kind.RESET);
        assertThat(handler.errors()).isEqualTo(1);
        assertThat(ch.isOpen()).isFalse();
        ch.finishAndReleaseAll();
    }
}
