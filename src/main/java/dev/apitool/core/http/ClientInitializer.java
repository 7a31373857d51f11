package dev.apitool.core.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.proxy.ProxyHandler;

/**
 * Builds a dialed connection's pipeline: [proxy tunnel] [TLS] and then the caller's handler. The
 * tunnel is added only when given a proxy handler, TLS only for an https origin (its handler made by
 * the {@link Dialer}); everything comes in through the constructor.
 */
final class ClientInitializer extends ChannelInitializer<Channel> {

    private final ProxyHandler proxyHandler;
    private final Dialer dialer;
    private final Origin origin;
    private final ChannelHandler tail;

    /**
     * @param proxyHandler the CONNECT tunnel to set up first, or null
     * @param dialer makes the TLS handler
     * @param origin the target: TLS when https, its host and port for SNI and host name verification
     * @param tail the connection's own handler (or initializer), last in the pipeline
     */
    ClientInitializer(ProxyHandler proxyHandler, Dialer dialer, Origin origin, ChannelHandler tail) {
        this.proxyHandler = proxyHandler;
        this.dialer = dialer;
        this.origin = origin;
        this.tail = tail;
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (proxyHandler != null) {
            p.addLast("proxy", proxyHandler);
        }
        if (origin.secure()) {
            p.addLast("tls", dialer.tlsHandler(ch, origin));
        }
        p.addLast("client", tail);
    }
}
