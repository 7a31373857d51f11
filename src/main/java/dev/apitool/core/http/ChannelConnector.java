package dev.apitool.core.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.proxy.HttpProxyHandler;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Opens client connections on Netty: resolves the target (or its {@code --resolve} override),
 * connects directly or through the proxy (absolute-form requests for http, a CONNECT tunnel via
 * {@link HttpProxyHandler} for https), and completes once the TLS handshake, if any, is done.
 */
final class ChannelConnector implements Connector {

    private final EventLoopGroup group;
    private final Transport transport;
    private final HttpClientOptions options;
    private final SslContext sslContext;

    ChannelConnector(EventLoopGroup group, Transport transport, HttpClientOptions options, SslContext sslContext) {
        this.group = group;
        this.transport = transport;
        this.options = options;
        this.sslContext = sslContext;
    }

    @Override
    public CompletableFuture<Connection> connect(Origin origin, String id) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        URI proxy = origin.proxy();
        boolean tunnel = proxy != null && origin.secure();
        boolean absoluteForm = proxy != null && !origin.secure();
        long connectMillis = Math.max(1, options.connectTimeout().toMillis());
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
                proxyHandler.setConnectTimeoutMillis(connectMillis);
                remote = InetSocketAddress.createUnresolved(origin.host(), origin.port());
            } else {
                remote = proxyAddress;
            }
            target = proxy.getHost() + ":" + proxy.getPort() + " (proxy)"; // a failed connect is the proxy's
        }
        ClientHandler handler = new ClientHandler(options.maxResponseBytes());
        Bootstrap b = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectMillis))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ClientInitializer(origin.secure() ? sslContext : null, origin.host(), origin.port(),
                        connectMillis, proxyHandler, handler));
        if (tunnel) {
            b.resolver(NoopAddressResolverGroup.INSTANCE); // the proxy resolves the target's name
        }
        String where = target;
        ProxyHandler tunnelHandler = proxyHandler;
        b.connect(remote).addListener((ChannelFutureListener) cf -> {
            if (!cf.isSuccess()) {
                result.completeExceptionally(HttpException.from(cf.cause(), HttpException.Phase.CONNECT, where,
                        options.connectTimeout()));
                return;
            }
            Channel ch = cf.channel();
            if (tunnelHandler != null) {
                tunnelHandler.connectFuture().addListener(t -> {
                    if (t.isSuccess()) {
                        handshake(ch, origin, id, absoluteForm, handler, result);
                    } else {
                        fail(ch, t.cause(), HttpException.Phase.CONNECT, origin, result);
                    }
                });
            } else {
                handshake(ch, origin, id, absoluteForm, handler, result);
            }
        });
        return result;
    }

    private void handshake(Channel ch, Origin origin, String id, boolean absoluteForm, ClientHandler handler,
            CompletableFuture<Connection> result) {
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            ready(ch, origin, id, absoluteForm, handler, List.of(), result);
            return;
        }
        tls.handshakeFuture().addListener((Future<Channel> h) -> {
            if (h.isSuccess()) {
                ready(ch, origin, id, absoluteForm, handler, peerCertificates(tls), result);
            } else {
                fail(ch, h.cause(), HttpException.Phase.TLS, origin, result);
            }
        });
    }

    private void ready(Channel ch, Origin origin, String id, boolean absoluteForm, ClientHandler handler,
            List<X509Certificate> certificates, CompletableFuture<Connection> result) {
        Connection c = new Connection(id, origin, ch, handler, absoluteForm, options.userAgent(), certificates);
        if (!result.complete(c)) {
            c.close();
        }
    }

    private void fail(Channel ch, Throwable cause, HttpException.Phase phase, Origin origin, CompletableFuture<Connection> result) {
        ch.close();
        result.completeExceptionally(HttpException.from(cause, phase, origin.authority(), options.connectTimeout()));
    }

    private SocketAddress address(String host, int port) {
        ResolveOverride fixed = options.resolveFor(host, port);
        if (fixed != null) {
            return new InetSocketAddress(fixed.address(), port);
        }
        return InetSocketAddress.createUnresolved(host, port); // resolved by the bootstrap's resolver
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

    private static List<X509Certificate> peerCertificates(SslHandler tls) {
        try {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : tls.engine().getSession().getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            return out;
        } catch (SSLPeerUnverifiedException e) {
            return List.of();
        }
    }
}
