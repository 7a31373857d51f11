package dev.apitool.core.http;

import dev.apitool.core.time.Durations;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.proxy.ProxyConnectException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import io.netty.handler.timeout.TimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Why an HTTP exchange failed, as a {@link Kind} a program can branch on and a one-line message in
 * curl's spirit whose first words are the reason a person reads ({@code Connection refused},
 * {@code timeout after 100ms}, {@code Could not resolve host: x}).
 */
public final class HttpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** Nothing listens on the port (TCP RST to the SYN). */
        CONNECT_REFUSED,
        /** The TCP connection could not be made for another reason (no route, unreachable). */
        CONNECT_FAILED,
        /** The host name did not resolve. */
        UNKNOWN_HOST,
        /** A deadline passed; {@link #phase()} says whether while connecting or waiting for the response. */
        TIMEOUT,
        /** The peer reset or closed the connection before the response was complete. */
        RESET,
        /** The TLS handshake failed: untrusted certificate, wrong host name, protocol mismatch. */
        TLS,
        /** The response was not valid HTTP/1.1, or was larger than allowed. */
        PROTOCOL,
        /** The proxy refused the tunnel or answered with an error. */
        PROXY,
        /** No pooled connection became free before the acquire timeout. */
        POOL_EXHAUSTED,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The request itself cannot be sent (unsupported scheme, missing host). */
        INVALID_REQUEST,
        /** The client or pool was closed while the exchange was pending. */
        CLOSED,
        /** Any other I/O failure. */
        IO
    }

    /** Where in the exchange it went wrong. */
    public enum Phase {
        /** Waiting for a pooled connection. */
        POOL,
        /** Resolving, connecting, or tunnelling through a proxy. */
        CONNECT,
        /** The TLS handshake. */
        TLS,
        /** Sending the request. */
        WRITE,
        /** Waiting for or reading the response. */
        READ
    }

    private final Kind kind;
    private final Phase phase;
    /** Set when the connection died before any response byte on a reused connection: safe to retry once. */
    private final boolean retryable;

    public HttpException(Kind kind, Phase phase, String message) {
        this(kind, phase, message, null, false);
    }

    public HttpException(Kind kind, Phase phase, String message, Throwable cause) {
        this(kind, phase, message, cause, false);
    }

    HttpException(Kind kind, Phase phase, String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.kind = kind;
        this.phase = phase;
        this.retryable = retryable;
    }

    /** Returns what went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Returns where in the exchange it went wrong. */
    public Phase phase() {
        return phase;
    }

    boolean retryable() {
        return retryable;
    }

    /** Returns a timeout error, {@code timeout after 100ms <doing what>}. */
    static HttpException timeout(Phase phase, Duration after, String doing) {
        return timeout(phase, after, doing, null);
    }

    private static HttpException timeout(Phase phase, Duration after, String doing, Throwable cause) {
        String when = after == null ? "timeout " : "timeout after " + Durations.format(after) + " ";
        return new HttpException(Kind.TIMEOUT, phase, when + doing, cause);
    }

    /**
     * Returns {@code cause} as an HttpException: itself when it is one, otherwise classified by type.
     *
     * @param phase where the failure happened, used when the cause does not say
     * @param target the {@code host:port} being talked to, for the message
     * @param limit the timeout that applied in this phase, for a timeout's message
     */
    public static HttpException from(Throwable cause, Phase phase, String target, Duration limit) {
        Throwable t = unwrap(cause);
        if (t instanceof HttpException e) {
            return e;
        }
        if (t instanceof ConnectTimeoutException) {
            return timeout(Phase.CONNECT, limit, "connecting to " + target, t);
        }
        if (t instanceof SslHandshakeTimeoutException) {
            return timeout(Phase.TLS, limit, "in the TLS handshake with " + target, t);
        }
        if (t instanceof ProxyConnectException) {
            String m = String.valueOf(t.getMessage());
            if (m.endsWith("timeout")) {
                return timeout(Phase.CONNECT, limit, "tunnelling to " + target + " through the proxy", t);
            }
            return new HttpException(Kind.PROXY, Phase.CONNECT, "proxy tunnel to " + target + " failed: " + proxyReason(m), t);
        }
        if (t instanceof UnknownHostException) {
            return new HttpException(Kind.UNKNOWN_HOST, Phase.CONNECT, "Could not resolve host: " + hostOf(target), t);
        }
        if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("refused")) {
                return new HttpException(Kind.CONNECT_REFUSED, Phase.CONNECT, "Connection refused: " + target, t);
            }
            return new HttpException(Kind.CONNECT_FAILED, Phase.CONNECT, "Failed to connect to " + target + ": " + tail(m), t);
        }
        CertificateException cert = find(t, CertificateException.class);
        if (cert != null || find(t, SSLException.class) != null) {
            return new HttpException(Kind.TLS, Phase.TLS, "TLS handshake with " + target + " failed: " + tlsReason(t, cert), t);
        }
        if (t instanceof TimeoutException) {
            return timeout(phase, limit, "talking to " + target, t);
        }
        if (t instanceof ErrorKind.ProtocolException) {
            return new HttpException(Kind.PROTOCOL, phase, "invalid HTTP response from " + target + ": " + t.getMessage(), t);
        }
        if (t instanceof DecoderException) {
            return new HttpException(Kind.PROTOCOL, phase, "invalid HTTP response from " + target + ": " + rootMessage(t), t);
        }
        if (t instanceof ClosedChannelException) {
            return new HttpException(Kind.RESET, phase, "Connection closed by " + target, t);
        }
        if (t instanceof IOException) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("reset") || m.contains("Broken pipe")) {
                return new HttpException(Kind.RESET, phase, "Connection reset by peer: " + target, t);
            }
            return new HttpException(Kind.IO, phase, "I/O error with " + target + ": " + tail(m), t);
        }
        return new HttpException(Kind.IO, phase, "error talking to " + target + ": " + rootMessage(t), t);
    }

    private static String tlsReason(Throwable t, CertificateException cert) {
        if (find(t, CertPathBuilderException.class) != null || rootMessage(t).contains("PKIX path")) {
            return "certificate not trusted (self-signed or unknown CA; use --cacert FILE or --insecure)";
        }
        if (cert != null && isHostNameMismatch(cert.getMessage())) {
            return "host name mismatch: " + cert.getMessage()
                    + " (use a name the certificate has, with --resolve NAME:PORT:ADDR for the address, or --insecure)";
        }
        if (cert != null) {
            return cert.getMessage();
        }
        if (find(t, NotSslRecordException.class) != null) {
            return "the server did not answer with TLS (plain http on this port?)";
        }
        return rootMessage(t);
    }

    /** Returns whether {@code m} is the JDK's HostnameChecker refusing the name (or address) asked for. */
    private static boolean isHostNameMismatch(String m) {
        return m != null && (m.startsWith("No subject alternative") || m.startsWith("No name matching"));
    }

        /** Keeps the proxy's status from Netty's {@code http, none, /addr => /addr, status: 403 Forbidden}. */
    private static String proxyReason(String m) {
        int i = m.indexOf("status: ");
        return i >= 0 ? "proxy answered " + m.substring(i + "status: ".length()) : m;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Drops Netty's native-call prefix ({@code finishConnect(..) failed: }), keeping the OS reason. */
    private static String tail(String m) {
        int i = m.lastIndexOf("failed: ");
        return i >= 0 ? m.substring(i + "failed: ".length()) : m;
    }

    private static String hostOf(String target) {
        int i = target.lastIndexOf(':');
        return i > 0 && target.indexOf(']') < i ? target.substring(0, i) : target;
    }
}
