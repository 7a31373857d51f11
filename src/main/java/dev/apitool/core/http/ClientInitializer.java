package dev.apitool.core.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.proxy.ProxyHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Builds a client connection's pipeline: [proxy tunnel] [TLS] HTTP codec, handler. The tunnel is
 * added only when given a proxy handler, TLS only when given a context; everything comes in
 * through the constructor.
 */
final class ClientInitializer extends ChannelInitializer<Channel> {

    private final SslContext sslContext;
    private final String peerHost;
    private final int peerPort;
    private final long handshakeTimeoutMillis;
    private final ProxyHandler proxyHandler;
    private final ClientHandler handler;

    /**
     * @param sslContext the client TLS context, or null for plain text
     * @param peerHost the target's host name, for SNI and host name verification
     * @param peerPort the target's port
     * @param handshakeTimeoutMillis the TLS handshake limit, positive
     * @param proxyHandler the CONNECT tunnel to set up first, or null
     * @param handler the connection's behaviour
     */
    ClientInitializer(SslContext sslContext, String peerHost, int peerPort, long handshakeTimeoutMillis,
            ProxyHandler proxyHandler, ClientHandler handler) {
        this.sslContext = sslContext;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.handshakeTimeoutMillis = handshakeTimeoutMillis;
        this.proxyHandler = proxyHandler;
        this.handler = handler;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (proxyHandler != null) {
            p.addLast("proxy", proxyHandler);
        }
        if (sslContext != null) {
            SslHandler tls = sslContext.newHandler(ch.alloc(), peerHost, peerPort);
            tls.setHandshakeTimeoutMillis(handshakeTimeoutMillis);
            p.addLast("tls", tls);
        }
        p.addLast("codec", new HttpClientCodec());
        p.addLast("handler", handler);
    }
}
