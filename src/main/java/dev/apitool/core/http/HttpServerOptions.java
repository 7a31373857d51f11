package dev.apitool.core.http;

import io.netty.handler.ssl.SslContext;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpServer} listens. Start from {@link #loopback()} and change what differs with
 * the {@code with…} methods.
 *
 * @param bindAddress the local address, loopback by default
 * @param port the port, 0 for an ephemeral one (the server reports what it got)
 * @param sslContext a server TLS context to serve https, or null for plain http
 * @param ioThreads event loop threads, 1 or more
 * @param idleTimeout a connection with no request in flight and no traffic for this long is closed; zero keeps it
 * @param maxRequestBytes larger request bodies are answered with 413; 1 or more
 * @param maxHeaderBytes larger request header sections are answered with 431 (a longer request line with 414); 1 KiB or more
 * @param headerTimeout a request whose header section has not fully arrived this long after its first byte is answered
 *     with 408 and the connection closed (slow clients, slowloris); zero for no limit
 */
public record HttpServerOptions(InetAddress bindAddress, int port, SslContext sslContext, int ioThreads,
        Duration idleTimeout, int maxRequestBytes, int maxHeaderBytes, Duration headerTimeout) {

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
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be 1024 or more: " + maxHeaderBytes);
        }
        if (headerTimeout == null || headerTimeout.isNegative()) {
            throw new IllegalArgumentException("headerTimeout must not be negative: " + headerTimeout);
        }
    }

    /** Returns plain http on an ephemeral loopback port, one I/O thread, no idle or header timeout, 10 MiB requests, 8 KiB headers. */
    public static HttpServerOptions loopback() {
        return new HttpServerOptions(InetAddress.getLoopbackAddress(), 0, null, 1, Duration.ZERO, 10 << 20, 8 << 10, Duration.ZERO);
    }

    public HttpServerOptions withBindAddress(InetAddress address) {
        return new HttpServerOptions(address, port, sslContext, ioThreads, idleTimeout, maxRequestBytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withPort(int newPort) {
        return new HttpServerOptions(bindAddress, newPort, sslContext, ioThreads, idleTimeout, maxRequestBytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withTls(SslContext context) {
        return new HttpServerOptions(bindAddress, port, context, ioThreads, idleTimeout, maxRequestBytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withIoThreads(int threads) {
        return new HttpServerOptions(bindAddress, port, sslContext, threads, idleTimeout, maxRequestBytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withIdleTimeout(Duration timeout) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, timeout, maxRequestBytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withMaxRequestBytes(int bytes) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, idleTimeout, bytes, maxHeaderBytes, headerTimeout);
    }

    public HttpServerOptions withMaxHeaderBytes(int bytes) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, idleTimeout, maxRequestBytes, bytes, headerTimeout);
    }

    public HttpServerOptions withHeaderTimeout(Duration timeout) {
        return new HttpServerOptions(bindAddress, port, sslContext, ioThreads, idleTimeout, maxRequestBytes, maxHeaderBytes, timeout);
    }
}
