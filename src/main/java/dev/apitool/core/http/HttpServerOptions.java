package dev.apitool.core.http;

import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpServer} listens.
 *
 * @param bindAddress the local address, loopback by default
 * @param port the port, 0 for an ephemeral one (the server reports what it got)
 * @param sslContext a server TLS context to serve https, or null for plain http
 * @param ioThreads event loop threads, 1 or more
 * @param idleTimeout a connection with no request in flight and no traffic for this long is closed; zero keeps it
 * @param maxRequestBytes larger request bodies are answered with 413; 1 or more
 */
public record HttpServerOptions(InetAddress bindAddress, int port, SslContext sslContext, int ioThreads,
        Duration idleTimeout, int maxRequestBytes) {

    public HttpServerOptions {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be positive: " + ioThreads);
        }
        if (idleTimeout == null || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("idleTimeout must not be negative: " + idleTimeout);
        }
        if (maxRequestBytes < 1) {
            throw new IllegalArgumentException("maxRequestBytes must be positive: " + maxRequestBytes);
        }
    }

    /** Returns plain http on an ephemeral loopback port, one I/O thread, no idle timeout, 10 MiB requests. */
    public static HttpServerOptions loopback() {
        return new HttpServerOptions(InetAddress.getLoopbackAddress(), 0, null, 1, Duration.ZERO, 10 << 20);
    }

    public HttpServerOptions withPort(int newPort) {
        return new HttpServerOptions(bindAddress, newPort, sslContext, ioThreads, idleTimeout, maxRequestBytes);
    }

    public HttpServerOptions withTls(SslContext context) {
        return new HttpServerOptions(bindAddress, port, context, ioThreads, idleTimeout, maxRequestBytes);
    }

    public HttpServerOptions withIoThreads(int threads) {
        return new HttpServerOptions(bindAddress, port, sslContext, threads, idleTimeout, maxRequestBytes);
    }

    public HttpServerOptions withIdleTimeout(Duration timeout) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, timeout, maxRequestBytes);
    }

    public HttpServerOptions withMaxRequestBytes(int bytes) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, idleTimeout, bytes);
    }
}
