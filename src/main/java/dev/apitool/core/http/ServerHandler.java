package dev.apitool.core.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * The behaviour of one server connection: hands each request to the {@link RequestHandler} and
 * writes its response, one request at a time and in order (pipelined requests wait their turn).
 * Keep-alive is decided per request. Responses ready at once are written in {@code channelRead0}
 * and flushed in {@code channelReadComplete}; late ones are flushed when written.
 */
final class ServerHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final RequestHandler handler;
    private final HttpServer.Counters counters;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean reading;
    private boolean needsFlush;

    private record Pending(ServerRequest request, HttpVersion version) {}

    ServerHandler(RequestHandler handler, HttpServer.Counters counters) {
        this.handler = handler;
        this.counters = counters;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counters.accepted.incrementAndGet();
        counters.open.incrementAndGet();
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        counters.open.decrementAndGet();
        queue.clear();
        super.channelInactive(ctx);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
        if (msg.decoderResult().isFailure()) {
            counters.errors.incrementAndGet();
            Throwable cause = msg.decoderResult().cause();
            ServerResponse refusal = cause instanceof TooLongHttpHeaderException ? ServerResponse.text(431, "request header fields too large\n")
                    : cause instanceof TooLongHttpLineException ? ServerResponse.text(414, "uri too long\n")
                    : ServerResponse.text(400, "bad request\n");
            write(ctx, refusal.withEnding(ServerResponse.Ending.CLOSE), false, HttpVersion.HTTP_1_1, false);
            return;
        }
        ServerRequest request = new ServerRequest(msg.method().name(), msg.uri(), Headers.from(msg.headers()),
                ByteBufUtil.getBytes(msg.content()), ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null,
                HttpUtil.isKeepAlive(msg));
        Pending p = new Pending(request, msg.protocolVersion());
        if (busy) {
            queue.addLast(p);
            return;
        }
        reading = true;
        try {
            dispatch(ctx, p);
        } finally {
            reading = false;
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (needsFlush) {
            needsFlush = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    private void dispatch(ChannelHandlerContext ctx, Pending p) {
        busy = true;
        counters.inFlight.incrementAndGet();
        CompletableFuture<ServerResponse> stage;
        try {
            stage = handler.handle(p.request()).toCompletableFuture();
        } catch (Exception | Error e) {
            stage = CompletableFuture.failedFuture(e);
        }
        if (stage.isDone()) {
            respond(ctx, p, stage.handle((r, e) -> e == null && r != null ? r : failure()).join());
        } else {
            stage.whenComplete((r, e) -> ctx.executor().execute(() -> respond(ctx, p, e == null && r != null ? r : failure())));
        }
    }

    private ServerResponse failure() {
        counters.errors.incrementAndGet();
        return ServerResponse.text(500, "internal server error\n");
    }

    private void respond(ChannelHandlerContext ctx, Pending p, ServerResponse response) {
        counters.inFlight.decrementAndGet();
        if (!ctx.channel().isActive()) {
            return;
        }
        counters.requests.incrementAndGet();
        boolean keepAlive = p.request().keepAlive() && response.ending() == ServerResponse.Ending.KEEP_ALIVE;
        boolean head = p.request().method().equals("HEAD");
        write(ctx, response, keepAlive, p.version(), head);
        if (keepAlive) {
            busy = false;
            Pending next = queue.pollFirst();
            if (next != null) {
                dispatch(ctx, next);
            }
        }
    }

    private void write(ChannelHandlerContext ctx, ServerResponse r, boolean keepAlive, HttpVersion version, boolean head) {
        if (r.ending() == ServerResponse.Ending.RESET) {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
            return;
        }
        HttpHeaders h = new DefaultHttpHeaders();
        r.headers().addTo(h);
        ChannelFuture last;
        if (r.ending() == ServerResponse.Ending.ABORT) {
            if (r.status() == 0) {
                ctx.close();
                return;
            }
            last = ctx.writeAndFlush(new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(r.status()),
                    Unpooled.wrappedBuffer(r.body()), h, EmptyHttpHeaders.INSTANCE));
            last.addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (version.equals(HttpVersion.HTTP_1_0)) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        if (r.stream() != null) {
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
                ctx.pipeline().addBefore(ctx.name(), "chunked", new ChunkedWriteHandler());
            }
            ctx.write(new DefaultHttpResponse(version, status, h));
            last = ctx.write(new HttpChunkedInput(r.stream()));
        } else {
            if (!h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
            }
            last = ctx.write(new DefaultFullHttpResponse(version, status,
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()), h, EmptyHttpHeaders.INSTANCE));
        }
        if (reading) {
            needsFlush = true;
        } else {
            ctx.flush();
        }
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (!busy) {
                ctx.close(); // idle keep-alive connection: the server times it out
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.errors.incrementAndGet();
        ctx.close();
    }
}
