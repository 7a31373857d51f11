package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The one dialer: origins (IPv6 brackets), {@code --resolve}, and the same classified failure
 * whichever client dials, the pooled client through {@code open} or load through {@code connect}.
 */
class DialerTest {

    private static final Duration LIMIT = Duration.ofSeconds(5);

    @Test
    void origin_ipv6Literal_hostWithoutBracketsAuthorityWithThem() {
        Dialer dialer = Dialer.direct(Transport.nio(), URI.create("http://[::1]:8080/"), ConnectOptions.DEFAULT, LIMIT);

        Origin o = dialer.origin(URI.create("http://[::1]:8080/x"));

        assertThat(o.host()).isEqualTo("::1");
        assertThat(o.authority()).isEqualTo("[::1]:8080");
        assertThat(o.hostHeader()).isEqualTo("[::1]:8080");
        assertThat(dialer.origin(URI.create("http://[::1]/")).hostHeader()).isEqualTo("[::1]");
    }

    @Test
    void resolveNow_resolveOverride_connectsToItsAddressKeepingTheName() {
        ConnectOptions connect = new ConnectOptions(false, null, List.of(
                ResolveOverride.parse("api.test:8443:127.0.0.1"), ResolveOverride.parse("v6.test:80:[::1]")));
        Dialer dialer = Dialer.direct(Transport.nio(), URI.create("https://api.test:8443/"), connect, LIMIT);

        Origin api = dialer.origin(URI.create("https://API.test:8443/orders"));
        Origin v6 = dialer.origin(URI.create("http://v6.test/"));

        assertThat(api.host()).isEqualTo("api.test");
        assertThat(dialer.resolveNow(api)).isEqualTo(new InetSocketAddress(InetAddress.getLoopbackAddress(), 8443));
        assertThat(dialer.resolveNow(v6).getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(dialer.resolveNow(v6).getPort()).isEqualTo(80);
    }

    @Test
    void origin_urlWithoutHost_isAnInvalidRequest() {
        Dialer dialer = Dialer.direct(Transport.nio(), URI.create("http://x/"), ConnectOptions.DEFAULT, LIMIT);

        assertThatThrownBy(() -> dialer.origin(URI.create("http:///nohost")))
                .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.kind()).isEqualTo(HttpException.Kind.INVALID_REQUEST));
    }

    @Test
    void bothClients_httpsToAPlainHttpPort_failTheHandshakeWithTheSameKindAndReason() throws Exception {
        try (HttpServer plain = HttpServer.start(HttpServerOptions.loopback(),
                r -> CompletableFuture.completedFuture(ServerResponse.text(200, "ok")))) {
            URI url = URI.create("https://127.0.0.1:" + plain.port() + "/");
            String reason = "TLS handshake with 127.0.0.1:" + plain.port() + " failed: ";

            HttpException pooled;
            try (HttpClient client = new HttpClient(HttpClientOptions.builder().ioThreads(1).insecure(true).build())) {
                pooled = Futures.failure(client.send(HttpRequest.get(url.toString())));
            }
            HttpException load = loadStyleHandshake(url);

            assertThat(pooled.kind()).isEqualTo(HttpException.Kind.TLS);
            assertThat(load.kind()).isEqualTo(pooled.kind());
            assertThat(load.phase()).isEqualTo(HttpException.Phase.TLS);
            assertThat(pooled.getMessage()).startsWith(reason);
            assertThat(load.getMessage()).isEqualTo(pooled.getMessage());
            assertThat(ErrorKind.of(load, true)).isEqualTo(ErrorKind.CONNECT);
            assertThat(ErrorKind.describe(load)).isEqualTo(pooled.getMessage());
        }
    }

    /** Dials as load does: its own handler on a registered channel, the handshake's end read from the pipeline's event. */
    private static HttpException loadStyleHandshake(URI url) throws Exception {
        ConnectOptions insecure = new ConnectOptions(true, null, List.of());
        Dialer dialer = Dialer.direct(Transport.nio(), url, insecure, LIMIT);
        Origin origin = dialer.origin(url);
        EventLoopGroup group = Transport.nio().newGroup(1, "dialer-test");
        try {
            CompletableFuture<Throwable> handshake = new CompletableFuture<>();
            Channel ch = dialer.bootstrap(group).handler(new ChannelInboundHandlerAdapter() {
                @Override
                public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                    if (evt instanceof SslHandshakeCompletionEvent e) {
                        handshake.complete(e.isSuccess() ? null : e.cause());
                    }
                }

                @Override
                public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                    ctx.close();
                }
            }).register().sync().channel();
            ch.eventLoop().submit(() -> dialer.connect(ch, origin, dialer.resolveNow(origin))).sync();
            Throwable cause = handshake.get(10, TimeUnit.SECONDS);
            ch.close().sync();
            assertThat(cause).as("the handshake with a plain http port failed").isNotNull();
            return dialer.handshakeFailure(cause, origin);
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
