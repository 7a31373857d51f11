package dev.apitool.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
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
    /** The last whole-body response written as keep-alive HTTP/1.1, and its encoded bytes. */
    private ServerResponse keptResponse;
    private ByteBuf keptBytes;
    /** The request decoder, which tells when a request must close its connection; null on a test pipeline without it. */
    private ServerCodec.Decoder decoder;

    private record Pending(ServerRequest request, HttpVersion version) {}

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        decoder = ctx.pipeline().get(ServerCodec.Decoder.class);
    }

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
        releaseKept();
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
        super.channelInactive(ctx);
    }

    /** Notes traffic now, for the idle limit (when there is one). */
    private void touch(ChannelHandlerContext ctx) {
        if (idleNanos > 0) {
            lastActivityNanos = ctx.executor().ticker().nanoTime();
        }
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
            write(ctx, refusal.withEnding(ServerResponse.Ending.CLOSE), false, HttpVersion.HTTP_1_1,
                    HttpMethod.HEAD.equals(msg.method()), false);
            return;
        }
        boolean mustClose = decoder != null && decoder.takeMustClose();
        ServerRequest request = new ServerRequest(msg.method().name(), msg.uri(), Headers.from(msg.headers()),
                ByteBufUtil.getBytes(msg.content()), ctx.channel().remoteAddress() instanceof InetSocketAddress a ? a : null,
                HttpUtil.isKeepAlive(msg) && !mustClose);
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
        touch(ctx);
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
        String method = p.request().method();
        write(ctx, response, keepAlive, p.version(), method.equals("HEAD"), method.equals("CONNECT"));
        if (keepAlive) {
            busy = false;
            Pending next = queue.pollFirst();
            if (next != null) {
                dispatch(ctx, next);
            }
        }
    }

    private void write(ChannelHandlerContext ctx, ServerResponse r, boolean keepAlive, HttpVersion version, boolean head,
            boolean connect) {
        if (r.ending() == ServerResponse.Ending.RESET) {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
            return;
        }
        if (r.ending() == ServerResponse.Ending.ABORT && r.status() == 0) {
            ctx.close();
            return;
        }
        touch(ctx);
        HttpResponseStatus status = HttpResponseStatus.valueOf(r.status());
        if (r.stream() == null && keepAlive && version == HttpVersion.HTTP_1_1 && !head && !connect) {
            ctx.write(keptBytes(ctx, r, status).retainedDuplicate());
            flush(ctx);
            return;
        }
        HttpHeaders h = newHeaders();
        r.headers().addTo(h);
        if (r.ending() == ServerResponse.Ending.ABORT) {
            ctx.writeAndFlush(ServerCodec.encode(ctx.alloc(), version, status, h, r.body(), head, connect))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        if (!keepAlive) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        } else if (version.equals(HttpVersion.HTTP_1_0)) {
            h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        ChannelFuture last;
        if (r.stream() != null) {
            h.remove(HttpHeaderNames.CONTENT_LENGTH);
            h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            if (head) {
                last = ctx.write(ServerCodec.encode(ctx.alloc(), version, status, h, ServerCodec.NO_BODY, true, connect));
                closeQuietly(r.stream());
            } else {
                last = writeStream(ctx, r, new DefaultHttpResponse(version, status, h));
            }
        } else {
            if (!h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
            }
            last = ctx.write(ServerCodec.encode(ctx.alloc(), version, status, h, r.body(), head, connect));
        }
        flush(ctx);
        if (!keepAlive) {
            last.addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** Writes a streamed response's head and its chunks (through a chunked writer added on first use); returns the last write. */
    private ChannelFuture writeStream(ChannelHandlerContext ctx, ServerResponse r, DefaultHttpResponse head) {
        if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
            ctx.pipeline().addBefore(ctx.name(), "chunked", new ChunkedWriteHandler());
        }
        ctx.write(head);
        ChannelFuture last = ctx.write(new HttpChunkedInput(r.stream()));
        if (idleNanos > 0) {
            streaming = true;
            last.addListener(f -> {
                streaming = false;
                touch(ctx);
            });
        }
        return last;
    }

    private static void closeQuietly(io.netty.handler.stream.ChunkedInput<?> stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // nothing of it is sent: HEAD
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
     * Returns the bytes of a whole-body keep-alive HTTP/1.1 response (not to HEAD or CONNECT):
     * {@code r}'s status line, headers, {@code Content-Length} and body. A handler that answers with
     * one response object every time (a {@code static} route) has them encoded once per connection;
     * each answer writes a duplicate of the same buffer.
     */
    private ByteBuf keptBytes(ChannelHandlerContext ctx, ServerResponse r, HttpResponseStatus status) {
        if (r == keptResponse) {
            return keptBytes;
        }
        HttpHeaders h = newHeaders();
        r.headers().addTo(h);
        if (!h.contains(HttpHeaderNames.CONTENT_LENGTH) && !h.contains(HttpHeaderNames.TRANSFER_ENCODING)) {
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        }
        ByteBuf bytes = ServerCodec.encode(ctx.alloc(), HttpVersion.HTTP_1_1, status, h, r.body(), false, false);
        releaseKept();
        keptResponse = r;
        keptBytes = bytes;
        return bytes;
    }

    private void releaseKept() {
        if (keptBytes != null) {
            keptBytes.release();
            keptBytes = null;
            keptResponse = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseKept();
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
