package dev.apitool.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The slow-header limit (nginx's {@code client_header_timeout}): the clock starts at the first
 * byte of a request and stops when the codec has its header section; a request still without one
 * when it runs out is answered {@code 408} and its connection closed. Sits before the codec, where
 * bytes arrive; {@link BodilessRequests}, after it, calls {@link #headArrived} and {@link #requestEnded}
 * where parsed heads and ends of requests arrive.
 */
final class HeaderTimeout extends ChannelInboundHandlerAdapter {

    private static final byte[] RESPONSE = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 16\r\nConnection: close\r\n\r\nrequest timeout\n").getBytes(StandardCharsets.US_ASCII);

    private final long nanos;
    private final HttpServer.Counters counters;
    private boolean awaitingHead = true;
    /** When the first byte of the request whose head is awaited arrived ({@code System.nanoTime}), or -1. */
    private long startedNanos = -1;
    private ScheduledFuture<?> timer;

    HeaderTimeout(long nanos, HttpServer.Counters counters) {
        this.nanos = nanos;
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (awaitingHead && startedNanos < 0 && msg instanceof ByteBuf b && b.isReadable()) {
            startedNanos = System.nanoTime();
            if (timer == null) {
                timer = ctx.executor().schedule(() -> expire(ctx), nanos, TimeUnit.NANOSECONDS);
            }
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * The timer is not cancelled when a head arrives (a keep-alive connection would schedule and
     * cancel one per request): when it fires it checks the request awaited now and, if that one
     * started less than the limit ago, waits for the rest of its time.
     */
    private void expire(ChannelHandlerContext ctx) {
        timer = null;
        if (startedNanos < 0 || !ctx.channel().isActive()) {
            return;
        }
        long left = nanos - (System.nanoTime() - startedNanos);
        if (left > 0) {
            timer = ctx.executor().schedule(() -> expire(ctx), left, TimeUnit.NANOSECONDS);
            return;
        }
        counters.errors.incrementAndGet();
        ctx.writeAndFlush(Unpooled.wrappedBuffer(RESPONSE)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        super.channelInactive(ctx);
    }

    /** Called when the codec has decoded a request's head: the header clock stops. */
    void headArrived() {
        awaitingHead = false;
        startedNanos = -1;
    }

    /** Called when the codec has decoded a request's end: the next byte starts the clock again. */
    void requestEnded() {
        awaitingHead = true;
    }
}
