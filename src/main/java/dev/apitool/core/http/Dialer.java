package dev.apitool.core.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How every client connection is opened (curl's connect phase, wrk's {@code net.c}): the target's
 * {@link Origin} from its URL, the address ({@code --resolve} override, a lookup, or the proxy),
 * the TCP connect with its timeout, the proxy (absolute form for http, a CONNECT tunnel for https),
 * and TLS on one JDK-provider context from {@link TlsContexts} whose handlers send SNI and check the
 * certificate against the URL's host name and port, not the address connected to. Failures come
 * back classified once, by {@link HttpException#from}.
 *
 * <p>Two clients use it. {@link HttpClient} opens each pooled connection with {@link #open}, which
 * resolves on the event loop and completes when the tunnel and handshake are done. {@code load}
 * resolves once with {@link #resolveNow} and then, on its own channels, calls {@link #connect}
 * again and again; it watches the handshake itself so that its hot path stays its own.
 */
public final class Dialer {

    private final Transport transport;
    /** The client TLS context, or null when nothing this dialer opens is https. */
    private final SslContext tls;
    private final List<ResolveOverride> resolve;
    private final ProxyConfig proxies;
    private final Duration connectTimeout;

    private Dialer(Transport transport, SslContext tls, List<ResolveOverride> resolve, ProxyConfig proxies,
            Duration connectTimeout) {
        this.transport = transport;
        this.tls = tls;
        this.resolve = List.copyOf(resolve);
        this.proxies = proxies;
        this.connectTimeout = connectTimeout;
    }

    /**
     * Returns the dialer of an {@link HttpClient}: its TLS context made now (so a bad CA file fails
     * before any thread starts), its proxies, overrides and connect timeout.
     *
     * @throws dev.apitool.core.io.InputException when the {@code caCert} file cannot be used
     */
    static Dialer of(Transport transport, HttpClientOptions options) {
        return new Dialer(transport, TlsContexts.client(options.insecure(), options.caCert()), options.resolve(),
                options.proxy(), options.connectTimeout());
    }

    /**
     * Returns the dialer for connections to {@code url} only, always direct: a TLS context only when
     * it is https (a plain http run never touches TLS, nor the CA file).
     *
     * @param connect verification ({@code --insecure}, {@code --cacert}) and {@code --resolve}
     * @param timeout bounds the TCP connect and, separately, the TLS handshake; positive
     * @throws dev.apitool.core.io.InputException when the {@code --cacert} file cannot be used
     */
    public static Dialer direct(Transport transport, URI url, ConnectOptions connect, Duration timeout) {
        SslContext context = "https".equalsIgnoreCase(url.getScheme())
                ? TlsContexts.client(connect.insecure(), connect.caCert()) : null;
        return new Dialer(transport, context, connect.resolve(), ProxyConfig.NONE, timeout);
    }

    /** Returns this dialer with another connect timeout (the same TLS context). */
    Dialer withConnectTimeout(Duration timeout) {
        return new Dialer(transport, tls, resolve, proxies, timeout);
    }

    /**
     * Returns the origin of {@code uri} and the proxy that routes it.
     *
     * @throws HttpException of kind INVALID_REQUEST for a scheme other than http/https or a missing host
     */
    public Origin origin(URI uri) {
        return Origin.of(uri, proxies);
    }

    /** Returns a bootstrap on {@code group}: the transport's channel, no Nagle delay, the connect timeout. */
    public Bootstrap bootstrap(EventLoopGroup group) {
        return new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectMillis()));
    }

    /**
     * Returns the address of {@code origin} resolved now: its {@code --resolve} address, or one
     * (blocking) lookup, for a client that connects to it many times.
     *
     * @throws HttpException of kind UNKNOWN_HOST, caused by the lookup's {@link UnknownHostException}
     */
    public InetSocketAddress resolveNow(Origin origin) {
        SocketAddress a = address(origin.host(), origin.port());
        InetSocketAddress in = (InetSocketAddress) a;
        if (!in.isUnresolved()) {
            return in; // --resolve: the name stays in Host and TLS
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(origin.host()), origin.port());
        } catch (UnknownHostException e) {
            throw HttpException.from(e, HttpException.Phase.CONNECT, origin.authority(), connectTimeout);
        }
    }

    /**
     * Connects the registered channel {@code ch} to {@code address} (from {@link #resolveNow}), with a
     * TLS handler first in its pipeline when {@code origin} is https; the handshake then starts once
     * the channel is active and ends in an {@link io.netty.handler.ssl.SslHandshakeCompletionEvent}.
     */
    public ChannelFuture connect(Channel ch, Origin origin, SocketAddress address) {
        if (origin.secure()) {
            ch.pipeline().addFirst("tls", tlsHandler(ch, origin));
        }
        return ch.connect(address);
    }

    /**
     * Opens a channel to {@code origin} with {@code tail} last in its pipeline (after the proxy
     * tunnel and TLS handlers it needs), and returns a future of it once it can carry a request: the
     * tunnel is up and the handshake done. The future fails with an {@link HttpException}.
     */
    CompletableFuture<Channel> open(EventLoopGroup group, Origin origin, ChannelHandler tail) {
        CompletableFuture<Channel> result = new CompletableFuture<>();
        URI proxy = origin.proxy();
        boolean tunnel = proxy != null && origin.secure();
        String target = origin.authority();
        SocketAddress remote;
        ProxyHandler proxyHandler = null;
        if (proxy == null) {
            remote = address(origin.host(), origin.port());
        } else {
            SocketAddress proxyAddress = address(proxy.getHost(), proxy.getPort());
            if (tunnel) {
                // the tunnel's bootstrap does not resolve (the proxy resolves the target), so resolve the proxy here
                InetSocketAddress p = (InetSocketAddress) proxyAddress;
                proxyAddress = p.isUnresolved() ? new InetSocketAddress(p.getHostString(), p.getPort()) : p;
                if (((InetSocketAddress) proxyAddress).isUnresolved()) {
                    result.completeExceptionally(new HttpException(HttpException.Kind.UNKNOWN_HOST,
                            HttpException.Phase.CONNECT, "Could not resolve proxy: " + proxy.getHost()));
                    return result;
                }
                proxyHandler = proxyHandler(proxyAddress, proxy.getUserInfo());
                proxyHandler.setConnectTimeoutMillis(connectMillis());
                remote = InetSocketAddress.createUnresolved(origin.host(), origin.port());
            } else {
                remote = proxyAddress;
            }
            target = proxy.getHost() + ":" + proxy.getPort() + " (proxy)"; // a failed connect is the proxy's
        }
        Bootstrap b = bootstrap(group).handler(new ClientInitializer(proxyHandler, this, origin, tail));
        if (tunnel) {
            b.resolver(NoopAddressResolverGroup.INSTANCE); // the proxy resolves the target's name
        }
        String where = target;
        ProxyHandler tunnelHandler = proxyHandler;
        b.connect(remote).addListener((ChannelFutureListener) cf -> {
            if (!cf.isSuccess()) {
                result.completeExceptionally(HttpException.from(cf.cause(), HttpException.Phase.CONNECT, where, connectTimeout));
                return;
            }
            Channel ch = cf.channel();
            if (tunnelHandler != null) {
                tunnelHandler.connectFuture().addListener(t -> {
                    if (t.isSuccess()) {
                        handshake(ch, origin, result);
                    } else {
                        fail(ch, t.cause(), HttpException.Phase.CONNECT, origin, result);
                    }
                });
            } else {
                handshake(ch, origin, result);
            }
        });
        return result;
    }

    /** Returns a new TLS handler for a channel to {@code origin}: SNI and the host name check on its host, the handshake bounded. */
    SslHandler tlsHandler(Channel ch, Origin origin) {
        if (tls == null) {
            throw new IllegalStateException("this dialer has no TLS context for " + origin);
        }
        SslHandler handler = tls.newHandler(ch.alloc(), origin.host(), origin.port());
        handler.setHandshakeTimeoutMillis(connectMillis());
        return handler;
    }

    /**
     * Returns a failure met on a connection to {@code origin} in {@code phase}, classified (the
     * connect timeout is the limit a timeout's message names).
     */
    public HttpException failure(Throwable cause, HttpException.Phase phase, Origin origin) {
        return HttpException.from(cause, phase, origin.authority(), connectTimeout);
    }

    /**
     * Returns a failed TLS handshake with {@code origin} as a TLS-phase failure whose message says
     * so: {@code TLS handshake with localhost:8443 failed: certificate not trusted (...)}, or
     * {@code timeout after 2s in the TLS handshake with ...}.
     */
    public HttpException handshakeFailure(Throwable cause, Origin origin) {
        HttpException e = failure(cause, HttpException.Phase.TLS, origin);
        if (e.kind() == HttpException.Kind.TIMEOUT || e.kind() == HttpException.Kind.TLS) {
            return e;
        }
        return new HttpException(e.kind(), HttpException.Phase.TLS,
                "TLS handshake with " + origin.authority() + " failed: " + e.getMessage(), cause);
    }

    private void handshake(Channel ch, Origin origin, CompletableFuture<Channel> result) {
        SslHandler handler = ch.pipeline().get(SslHandler.class);
        if (handler == null) {
            result.complete(ch);
            return;
        }
        handler.handshakeFuture().addListener((Future<Channel> h) -> {
            if (h.isSuccess()) {
                result.complete(ch);
            } else {
                fail(ch, h.cause(), HttpException.Phase.TLS, origin, result);
            }
        });
    }

    private void fail(Channel ch, Throwable cause, HttpException.Phase phase, Origin origin, CompletableFuture<Channel> result) {
        ch.close();
        result.completeExceptionally(failure(cause, phase, origin));
    }

    /** Returns the {@code --resolve} address of {@code host:port}, or an unresolved one for the bootstrap's resolver. */
    private SocketAddress address(String host, int port) {
        for (ResolveOverride r : resolve) {
            if (r.matches(host, port)) {
                return new InetSocketAddress(r.address(), port);
            }
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private long connectMillis() {
        return Math.max(1, connectTimeout.toMillis());
    }

    private static ProxyHandler proxyHandler(SocketAddress proxyAddress, String userInfo) {
        if (userInfo == null) {
            return new HttpProxyHandler(proxyAddress);
        }
        int colon = userInfo.indexOf(':');
        String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
        String password = colon < 0 ? "" : userInfo.substring(colon + 1);
        return new HttpProxyHandler(proxyAddress, user, password);
    }
}
