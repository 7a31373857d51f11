package dev.apitool.core.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on Netty that answers each request with a {@link RequestHandler}: the
 * server behind {@code pipeline serve}, and the server tests talk to. It listens on loopback by
 * default, on an ephemeral port ({@link #port()} reports it), with optional TLS, and counts
 * requests, accepted and open connections. It owns its event loop group; {@link #close} shuts it down.
 */
public final class HttpServer implements AutoCloseable {

    /** Counters shared by the server's connections. */
    static final class Counters {
        final AtomicLong requests = new AtomicLong();
        final AtomicLong accepted = new AtomicLong();
        final AtomicInteger open = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();
    }

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final ChannelGroup channels;
    private final Counters counters;
    private final boolean tls;

    private HttpServer(EventLoopGroup group, Channel serverChannel, ChannelGroup channels, Counters counters, boolean tls) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.channels = channels;
        this.counters = counters;
        this.tls = tls;
    }

    /**
     * Returns a server listening as {@code options} say, on the best transport.
     *
     * @throws HttpException of kind IO when the address cannot be bound
     */
    public static HttpServer start(HttpServerOptions options, RequestHandler handler) {
        return start(options, handler, Transport.auto());
    }

    /** Returns a server on the given transport. */
    public static HttpServer start(HttpServerOptions options, RequestHandler handler, Transport transport) {
        EventLoopGroup group = transport.newGroup(options.ioThreads(), "apitool-server");
        boolean started = false;
        try {
            Counters counters = new Counters();
            ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
            ServerBootstrap b = new ServerBootstrap().group(group).channel(transport.serverSocketChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ServerInitializer(options, handler, counters, channels));
            var bound = b.bind(options.bindAddress(), options.port()).awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new HttpException(HttpException.Kind.IO, HttpException.Phase.CONNECT, "cannot listen on "
                        + options.bindAddress().getHostAddress() + ":" + options.port() + ": " + bound.cause().getMessage(),
                        bound.cause());
            }
            channels.add(bound.channel());
            started = true;
            return new HttpServer(group, bound.channel(), channels, counters, options.sslContext() != null);
        } finally {
            if (!started) {
                group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            }
        }
    }

    /** Returns the bound address. */
    public InetSocketAddress address() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    /** Returns the bound port. */
    public int port() {
        return address().getPort();
    }

    /** Returns {@code http(s)://127.0.0.1:port} followed by {@code path} (which starts with {@code /}). */
    public URI uri(String path) {
        String host = address().getAddress().getHostAddress();
        return URI.create((tls ? "https" : "http") + "://" + Hosts.bracket(host) + ":" + port() + path);
    }

    /** Returns the number of responses started (including 500s and deliberate aborts). */
    public long requestsServed() {
        return counters.requests.get();
    }

    /** Returns the number of connections accepted since start. */
    public long connectionsAccepted() {
        return counters.accepted.get();
    }

    /** Returns the number of connections open now. */
    public int openConnections() {
        return counters.open.get();
    }

    /** Returns the number of errors: failed handlers, malformed requests, exceptions on connections. */
    public long errors() {
        return counters.errors.get();
    }

    /** Returns the number of requests handed to the handler whose response is not written yet. */
    public int inFlight() {
        return counters.inFlight.get();
    }

    /**
     * Stops accepting connections, lets the requests in flight finish for up to {@code grace}, then
     * closes everything as {@link #close} does; returns whether every request in flight finished.
     */
    public boolean shutdown(java.time.Duration grace) {
        serverChannel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + grace.toNanos();
        boolean drained;
        while (!(drained = counters.inFlight.get() == 0) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        return drained;
    }

    /** Stops listening, closes every connection, and shuts the event loop group down (waiting a few seconds). */
    @Override
    public void close() {
        try {
            channels.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
