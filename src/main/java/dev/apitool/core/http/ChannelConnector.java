package dev.apitool.core.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Opens a pool's connections: dials the origin through the client's {@link Dialer} (address,
 * proxy, TLS) with an HTTP codec and a {@link ClientHandler} last in the pipeline, and wraps the
 * ready channel as a {@link Connection} with the server's certificates.
 */
final class ChannelConnector implements Connector {

    private final EventLoopGroup group;
    private final Dialer dialer;
    private final HttpClientOptions options;

    ChannelConnector(EventLoopGroup group, Dialer dialer, HttpClientOptions options) {
        this.group = group;
        this.dialer = dialer;
        this.options = options;
    }

    @Override
    public CompletableFuture<Connection> connect(Origin origin, String id) {
        CompletableFuture<Connection> result = new CompletableFuture<>();
        boolean absoluteForm = origin.proxy() != null && !origin.secure();
        ClientHandler handler = new ClientHandler(options.maxResponseBytes());
        ChannelInitializer<Channel> http = new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                ch.pipeline().addLast("codec", new HttpClientCodec()).addLast("handler", handler);
            }
        };
        dialer.open(group, origin, http).whenComplete((ch, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            Connection c = new Connection(id, origin, ch, handler, absoluteForm, options.userAgent(), peerCertificates(ch));
            if (!result.complete(c)) {
                c.close();
            }
        });
        return result;
    }

    private static List<X509Certificate> peerCertificates(Channel ch) {
        SslHandler tls = ch.pipeline().get(SslHandler.class);
        if (tls == null) {
            return List.of();
        }
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
