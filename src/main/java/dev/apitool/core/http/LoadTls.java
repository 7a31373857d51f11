package dev.apitool.core.http;

import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.TlsContexts;
import io.netty.channel.Channel;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;

/**
 * TLS for a load run's https connections (wrk's {@code ssl.c}): one JDK-provider client context
 * for the whole run ({@link TlsContexts}: {@code --cacert}, host name verification unless
 * {@code --insecure}), and a fresh {@link SslHandler} put in front of each new connection. The
 * handler is made with the URL's host and port, not the connected address, so SNI and the host
 * name check use the name (also under {@code --resolve}) and the JDK can resume the session when a
 * connection is made again. Plain http runs have no instance, so their path never sees TLS.
 */
public final class LoadTls {

    private final SslContext context;
    private final String host;
    private final int port;
    private final String authority;
    private final Duration handshakeTimeout;

    private LoadTls(SslContext context, String host, int port, Duration handshakeTimeout) {
        this.context = context;
        this.host = host;
        this.port = port;
        this.authority = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        this.handshakeTimeout = handshakeTimeout;
    }

    /**
     * Returns the TLS for an https {@code url}, or null for plain http.
     *
     * @param connect verification ({@code --insecure}, {@code --cacert})
     * @param port the port the URL names or its scheme's default
     * @param handshakeTimeout how long the handshake may take
     * @throws dev.apitool.core.io.InputException when the {@code --cacert} file cannot be used
     */
    public static LoadTls of(java.net.URI url, int port, ConnectOptions connect, java.time.Duration handshakeTimeout) {
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return null;
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        SslContext context = TlsContexts.client(connect.insecure(), connect.caCert());
        return new LoadTls(context, host, port, handshakeTimeout);
    }

    /** Puts a new TLS handler first in {@code channel}'s pipeline, before it connects; the handshake starts once it is active. */
    public void addTo(Channel channel) {
        SslHandler handler = context.newHandler(channel.alloc(), host, port);
        handler.setHandshakeTimeoutMillis(Math.max(1, handshakeTimeout.toMillis()));
        channel.pipeline().addFirst("tls", handler);
    }

    /**
     * Returns a failed handshake as the exception a load report counts: a {@code connect} error with
     * a one-line reason ({@code TLS handshake with localhost:8443 failed: certificate not trusted
     * (... use --cacert FILE or --insecure)}), or a {@code timeout} when the handshake took too long.
     */
    public Exception failure(Throwable cause) {
        HttpException e = HttpException.from(cause, HttpException.Phase.TLS, authority, handshakeTimeout);
        if (e.kind() == HttpException.Kind.TIMEOUT) {
            return new ConnectTimeoutException(e.getMessage());
        }
        String m = e.kind() == HttpException.Kind.TLS ? e.getMessage() : "TLS handshake with " + authority + " failed: " + e.getMessage();
        SSLHandshakeException out = new SSLHandshakeException(m);
        out.initCause(cause);
        return out;
    }
}
