package dev.apitool.core.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * Builds an accepted connection's pipeline: [TLS] [header timer] HTTP codec (response
 * encoder, request decoder), body-less request
 * completer (which also marks request heads for the header timer), aggregator, handler (which keeps
 * the idle timer, and adds a chunked writer before itself on a connection's first streamed
 * response, so that whole-body responses skip it). TLS is added only when given a context, the
 * timers only for positive timeouts; everything comes in through the constructor.
 */
final class ServerInitializer extends ChannelInitializer<Channel> {

    private final SslContext sslContext;
    private final Duration idleTimeout;
    private final int maxRequestBytes;
    private final int maxHeaderBytes;
    private final Duration headerTimeout;
    private final RequestHandler handler;
    private final HttpServer.Counters counters;
    private final ChannelGroup channels;

    ServerInitializer(HttpServerOptions options, RequestHandler handler, HttpServer.Counters counters, ChannelGroup channels) {
        this.sslContext = options.sslContext();
        this.idleTimeout = options.idleTimeout();
        this.maxRequestBytes = options.maxRequestBytes();
        this.maxHeaderBytes = options.maxHeaderBytes();
        this.headerTimeout = options.headerTimeout();
        this.handler = handler;
        this.counters = counters;
        this.channels = channels;
    }

    @Override
    protected void initChannel(Channel ch) {
        channels.add(ch);
        ChannelPipeline p = ch.pipeline();
        if (sslContext != null) {
            p.addLast("tls", sslContext.newHandler(ch.alloc()));
        }
        HeaderTimeout slow = headerTimeout.isZero() ? null : new HeaderTimeout(headerTimeout.toNanos(), counters);
        if (slow != null) {
            p.addLast("header-timeout", slow);
        }
        p.addLast("encoder", new ServerCodec.Encoder());
        p.addLast("codec", new ServerCodec.Decoder(4096, maxHeaderBytes, 8192));
        p.addLast("bodiless", new BodilessRequests(slow));
        p.addLast("aggregator", new HttpObjectAggregator(maxRequestBytes));
        p.addLast("handler", new ServerHandler(handler, counters, idleTimeout.toNanos()));
    }
}
