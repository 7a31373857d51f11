package dev.apitool.core.http;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
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
import java.net.InetSocketAddress;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
    /** The idle limit in nanoseconds, 0 for none. */
    private final long idleNanos;
    /** When bytes last arrived or a response was last written (on the event loop's ticker). */
    private long lastActivityNanos;
    /** Whether a streamed response is still being written. */
    private boolean streaming;
    private ScheduledFuture<?> idleTimer;
    /** The last whole-body response written as keep-alive HTTP/1.1, and the Netty headers built for it. */
    private ServerResponse cachedResponse;
    private HttpHeaders cachedHeaders;

    private record Pending(ServerRequest request, HttpVersion version) {}

    /** @param idleNanos a connection with no request in flight and no traffic for this long is closed; 0 for never */
    ServerHandler(RequestHandler handler, HttpServer.Counters counters, long idleNanos) {
        this.handler = handler;
        this.counters = counters;
        this.idleNanos = idleNanos;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        counters.accepted.incrementAndGet();
        counters.open.incrementAndGet();
        if (idleNanos > 0) {
            lastActivityNanos = ctx.executor().ticker().nanoTime();
            idleTimer = ctx.executor().schedule(() -> idleCheck(ctx), idleNanos, TimeUnit.NANOSECONDS);
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        counters.open.decrementAndGet();
        queue.clear();
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        super.channelInactive(ctx);
    }

    /**
     * The idle limit (nginx's {@code keepalive_timeout}): one timer per connection, not moved on
     * every read and write; when it fires it closes the connection if nothing is in flight and
     * nothing moved for the whole limit, and otherwise waits for the rest of the limit.
     */
    private void idleCheck(ChannelHandlerContext ctx) {
        idleTimer = null;
        if (!ctx.channel().isActive()) {
            return;
        }
        long left = busy || streaming ? idleNanos : idleNanos - (ctx.executor().ticker().nanoTime() - lastActivityNanos);
        if (left > 0) {
            idleTimer = ctx.executor().schedule(() -> idleCheck(ctx), left, TimeUnit.NANOSECONDS);
            return;
        }
        ctx.close(); // idle keep-alive connection: the server times it out
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
        if (idleNanos > 0) {
            lastActivityNanos = ctx.executor().ticker().nanoTime();
        }
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
        if (idleNanos > 0) {
            lastActivityNanos = ctx.executor().ticker().nanoTime();
        }
        ChannelFuture last;
        if (r.stream() == null && r.ending() == ServerResponse.Ending.KEEP_ALIVE && keepAlive && version == HttpVersion.HTTP_1_1) {
            ctx.write(new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(r.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()), keepAliveHeaders(r), EmptyHttpHeaders.INSTANCE));
            flush(ctx);
            return;
        }
        HttpHeaders h = newHeaders();
        r.headers().addTo(h);
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
            if (idleNanos > 0) {
                streaming = true;
                last.addListener(f -> {
                    streaming = false;
                    lastActivityNanos = ctx.executor().ticker().nanoTime();
                });
            }
        } else {
            if (!h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
            }
            last = ctx.write(new DefaultFullHttpResponse(version, status,
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()), h, EmptyHttpHeaders.INSTANCE));
        }
        flush(ctx);
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Flushes now, or at the end of the read when called while reading (one flush for a batch of pipelined requests). */
    private void flush(ChannelHandlerContext ctx) {
        if (reading) {
            needsFlush = true;
        } else {
            ctx.flush();
        }
    }

    /**
     * Returns the Netty headers of a whole-body keep-alive HTTP/1.1 response: {@code r}'s headers and
     * its {@code Content-Length}. A handler that answers with one response object every time (a
     * {@code static} route) gets them built once per connection. The encoder only reads the kept
     * ones: it changes headers only of 1xx, 204 and 205 answers and {@code Transfer-Encoding} of
     * answers to CONNECT, and neither kind is kept.
     */
    private HttpHeaders keepAliveHeaders(ServerResponse r) {
        if (r == cachedResponse) {
            return cachedHeaders;
        }
        HttpHeaders h = newHeaders();
        r.headers().addTo(h);
        boolean chunked = h.contains(HttpHeaderNames.TRANSFER_ENCODING);
        if (!chunked && !h.contains(HttpHeaderNames.CONTENT_LENGTH)) {
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        }
        int status = r.status();
        if (status >= 200 && status != 204 && status != 205 && !chunked) {
            cachedResponse = r;
            cachedHeaders = h;
        }
        return h;
    }

    /**
     * Returns an empty header container that does not validate again: every {@link Headers} was
     * checked when built (token names, no CR, LF or other controls in values), more strictly than Netty checks.
     */
    private static HttpHeaders newHeaders() {
        return DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        counters.errors.incrementAndGet();
        ctx.close();
    }
}
