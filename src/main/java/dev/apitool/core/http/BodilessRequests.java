package dev.apitool.core.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Sits between the codec and the aggregator: a request that can have no body (no
 * {@code Content-Length} other than 0, no {@code Transfer-Encoding}, no {@code Expect}) is
 * completed here, head plus the codec's empty end, into the same {@link FullHttpRequest} the
 * aggregator would build ({@code content-length: 0} added when absent), which the aggregator
 * passes on untouched. Every other request, and every malformed one, goes through the aggregator
 * as before (its body limit, 413 and {@code 100-continue}). It also tells the {@link HeaderTimeout},
 * when there is one, where request heads arrive and requests end.
 */
final class BodilessRequests extends ChannelInboundHandlerAdapter {

    private final HeaderTimeout headerTimeout;
    /** The head of a body-less request, waiting for the codec's end of it; or null. */
    private HttpRequest held;

    /** @param headerTimeout the slow-header timer to tell, or null for none */
    BodilessRequests(HeaderTimeout headerTimeout) {
        this.headerTimeout = headerTimeout;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest r) {
            if (headerTimeout != null) {
                headerTimeout.headArrived();
            }
            releaseHeld(ctx);
            if (!(msg instanceof FullHttpRequest) && r.decoderResult().isSuccess() && bodiless(r.headers())) {
                held = r;
                return;
            }
        }
        if (msg instanceof LastHttpContent last) {
            if (headerTimeout != null) {
                headerTimeout.requestEnded();
            }
            if (held != null && last == LastHttpContent.EMPTY_LAST_CONTENT) {
                HttpRequest r = held;
                held = null;
                if (!r.headers().contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    r.headers().set(HttpHeaderNames.CONTENT_LENGTH, HttpHeaderValues.ZERO);
                }
                ctx.fireChannelRead(new DefaultFullHttpRequest(r.protocolVersion(), r.method(), r.uri(), Unpooled.EMPTY_BUFFER,
                        r.headers(), EmptyHttpHeaders.INSTANCE));
                return;
            }
        }
        releaseHeld(ctx);
        ctx.fireChannelRead(msg);
    }

    /** Passes a held head on unchanged (something other than its empty end followed it): the aggregator takes over. */
    private void releaseHeld(ChannelHandlerContext ctx) {
        if (held != null) {
            HttpRequest r = held;
            held = null;
            ctx.fireChannelRead(r);
        }
    }

    private static boolean bodiless(HttpHeaders h) {
        if (h.contains(HttpHeaderNames.TRANSFER_ENCODING) || h.contains(HttpHeaderNames.EXPECT)) {
            return false;
        }
        String length = h.get(HttpHeaderNames.CONTENT_LENGTH);
        return length == null || length.equals("0");
    }
}
