package dev.apitool.core.load.engine;

import dev.apitool.core.http.Dialer;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.Origin;
import dev.apitool.core.http.raw.ResponseParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.SocketAddress;

/**
 * One keep-alive connection's state machine (wrk's {@code connection}): connect, write the
 * pre-encoded request, read the response with its own {@link ResponseParser}, report to its
 * {@link LoadLoop}, and start over on a new channel when the old one closes. It lives on its loop's
 * thread only. Reused across reconnects, so it is added to one channel after another: events
 * from a channel it has already left are ignored. Over https a TLS handler goes in front of it on
 * each new channel, and the connection counts as up only once the handshake has completed (so
 * connect time includes it, and a failed handshake is a connect error).
 */
@ChannelHandler.Sharable
final class LoadConnection extends ChannelInboundHandlerAdapter implements ChannelFutureListener {

    private final LoadLoop loop;
    private final ResponseParser parser = new ResponseParser();
    /** Opens the channels: the run's address, TLS for https; classifies what goes wrong. */
    private final Dialer dialer;
    private final Origin origin;
    /** Whether the target is https: the connection is up once the handshake completes, not when the channel is active. */
    private final boolean secure;
    /** This connection's copy of the request bytes, when they have parts patched per request. */
    final LoopRequests.Slot slot = new LoopRequests.Slot();

    /** The current channel, or null when closed. */
    Channel channel;
    /** Whether a connect attempt is under way: counted by the loop until it ends one way or another. */
    boolean connecting;
    /** Whether {@link #channel} is connected. */
    boolean connected;
    /** Whether a request is assigned and not yet ended. */
    boolean busy;
    /** Whether the assigned request's bytes have been written. */
    boolean written;
    /** Whether the assigned request counts in the statistics (not warm-up). */
    boolean measured;
    /** When the assigned request should have started: its schedule slot (open) or its assignment (closed). */
    long intendedNanos;
    /** When the assigned request was taken on: the timeout runs from here. */
    long startNanos;
    /** When its bytes were written: the service time runs from here. */
    long sentNanos;

    LoadConnection(LoadLoop loop) {
        this.loop = loop;
        this.dialer = loop.dialer();
        this.origin = loop.origin();
        this.secure = origin.secure();
    }

    /** Opens a new channel to {@code address}; the loop hears of success or failure. */
    void connect(Bootstrap bootstrap, SocketAddress address) {
        connected = false;
        // register first and remember the channel: on loopback the connect may complete (and
        // channelActive fire) inside connect(), before it returns
        ChannelFuture registered = bootstrap.handler(this).register();
        channel = registered.channel();
        if (registered.isDone()) {
            connectRegistered(registered, address);
        } else {
            registered.addListener(f -> connectRegistered((ChannelFuture) f, address));
        }
    }

    private void connectRegistered(ChannelFuture registered, SocketAddress address) {
        if (!registered.isSuccess()) {
            operationComplete(registered);
        } else if (registered.channel() == channel) {
            dialer.connect(channel, origin, address).addListener(this);
        }
    }

    /** Takes on a request: written now when connected, else once the connection is up. */
    void assign(long intended, long now, boolean measuredRequest) {
        busy = true;
        written = false;
        measured = measuredRequest;
        intendedNanos = intended;
        startNanos = now;
        if (connected) {
            write(now);
        }
    }

    /** Writes the assigned request; errors come back through {@link #exceptionCaught}. */
    void write(long now) {
        written = true;
        sentNanos = now;
        ByteBuf bytes = loop.requests().next(slot);
        parser.reset(loop.requests().head());
        loop.stats().bytesOut += bytes.readableBytes();
        channel.writeAndFlush(bytes, channel.voidPromise());
    }

    /** Returns whether the last response allows another request on this channel. */
    boolean keepAlive() {
        return parser.keepAlive();
    }

    /** Returns the status of the response being (or last) read. */
    int status() {
        return parser.status();
    }

    /** Closes the channel, if any, without reporting its end to the loop (beyond that a connect attempt is over). */
    void close() {
        Channel ch = channel;
        channel = null;
        connected = false;
        loop.connectEnded(this);
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public void operationComplete(ChannelFuture f) {
        if (f.channel() == channel && !f.isSuccess()) {
            channel = null;
            loop.connectFailed(this, dialer.failure(f.cause(), HttpException.Phase.CONNECT, origin));
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (ctx.channel() == channel && !secure) { // over TLS the connection is up when the handshake completes
            connected = true;
            loop.connected(this);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && ctx.channel() == channel) {
            if (handshake.isSuccess()) {
                connected = true;
                loop.connected(this);
            } else {
                handshakeFailed(handshake.cause());
            }
        }
    }

    /** The TLS handshake failed: the channel is dropped and the loop hears of a failed connect. */
    private void handshakeFailed(Throwable cause) {
        Channel ch = channel;
        channel = null;
        connected = false;
        ch.close();
        loop.connectFailed(this, dialer.handshakeFailure(cause, origin));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (ctx.channel() != channel) {
                return;
            }
            loop.stats().bytesIn += in.readableBytes();
            if (!busy || !written) {
                throw new ErrorKind.ProtocolException("bytes from the server when no request was in flight");
            }
            if (parser.feed(in)) {
                if (in.isReadable()) {
                    throw new ErrorKind.ProtocolException("unexpected bytes after the response");
                }
                loop.responded(this);
            }
        } catch (ErrorKind.ProtocolException e) {
            loop.failed(this, ErrorKind.PROTOCOL, e.getMessage());
        } finally {
            in.release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (ctx.channel() != channel) {
            return;
        }
        channel = null;
        connected = false;
        if (busy && written && parser.endOfInput()) {
            loop.responded(this);
        } else if (busy) {
            loop.failed(this, ErrorKind.RESET, written && parser.status() > 0
                    ? "connection closed by the server in the middle of the response"
                    : "connection closed by the server before the response");
        } else {
            loop.closed(this);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (ctx.channel() == channel && secure && !connected) {
            handshakeFailed(cause);
        } else if (ctx.channel() == channel) {
            HttpException failure = dialer.failure(cause, connected ? HttpException.Phase.READ : HttpException.Phase.CONNECT, origin);
            loop.failed(this, ErrorKind.of(failure, !connected), ErrorKind.describe(cause));
        }
    }
}
