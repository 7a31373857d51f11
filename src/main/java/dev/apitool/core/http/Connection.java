package dev.apitool.core.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP/1.1 connection to an {@link Origin}, carrying one exchange at a time (no pipelining).
 * Pools hand connections out and take them back; {@link #send} may be called from any thread and
 * its future completes on the connection's event loop (do not block in dependent stages).
 */
public final class Connection {

    /** Where a connection is in its pool's life cycle; guarded by the pool's lock. */
    enum State { IDLE, IN_USE, CLOSED }

    private static final int CHUNK = 16 * 1024;

    private final String id;
    private final Origin origin;
    private final Channel channel;
    private final ClientHandler handler;
    private final boolean absoluteForm;
    private final String userAgent;
    private final List<X509Certificate> peerCertificates;

    State state = State.IDLE;
    long createdNanos;
    long lastUsedNanos;

    Connection(String id, Origin origin, Channel channel, ClientHandler handler, boolean absoluteForm,
            String userAgent, List<X509Certificate> peerCertificates) {
        this.id = id;
        this.origin = origin;
        this.channel = channel;
        this.handler = handler;
        this.absoluteForm = absoluteForm;
        this.userAgent = userAgent;
        this.peerCertificates = List.copyOf(peerCertificates);
        handler.bind(id, origin.authority(), this.peerCertificates);
    }

    /** Returns the pool-assigned id, {@code conn-0}, {@code conn-1}, ... in creation order. */
    public String id() {
        return id;
    }

    /** Returns where this connection goes. */
    public Origin origin() {
        return origin;
    }

    /** Returns the server's certificate chain, leaf first; empty for plain http. */
    public List<X509Certificate> peerCertificates() {
        return peerCertificates;
    }

    /** Returns whether the socket is still open. */
    public boolean isOpen() {
        return channel.isActive();
    }

    /** Returns whether the connection is open and its last response allowed keep-alive. */
    public boolean isReusable() {
        return channel.isActive() && handler.reusable();
    }

    /** Returns the number of requests this connection has carried. */
    public int exchanges() {
        return handler.exchanges();
    }

    /** Closes the socket; an exchange in flight fails. */
    public void close() {
        channel.close();
    }

    Channel channel() {
        return channel;
    }

    /**
     * Sends {@code request} and returns its response, with no deadline of its own (the caller's
     * deadline aborts it). Fails with {@link IllegalStateException} while another exchange is in flight.
     */
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        CompletableFuture<HttpResponse> f = new CompletableFuture<>();
        if (channel.eventLoop().inEventLoop()) {
            start(request, f);
        } else {
            channel.eventLoop().execute(() -> start(request, f));
        }
        return f;
    }

    /** Sends {@code request}; fails with TIMEOUT {@code timeout after <timeout>} when the response is not complete in time. */
    public CompletableFuture<HttpResponse> send(HttpRequest request, Duration timeout) {
        CompletableFuture<HttpResponse> f = send(request);
        var timer = channel.eventLoop().schedule(() -> abort(f, HttpException.timeout(HttpException.Phase.READ, timeout,
                "waiting for response from " + origin.authority())), timeout.toNanos(), TimeUnit.NANOSECONDS);
        f.whenComplete((r, e) -> timer.cancel(false));
        return f;
    }

    /** Fails {@code exchange} with {@code error} and closes the connection, if that exchange is still in flight. */
    void abort(CompletableFuture<HttpResponse> exchange, HttpException error) {
        channel.eventLoop().execute(() -> {
            if (handler.isCurrent(exchange)) {
                handler.fail(error);
            }
        });
    }

    private void start(HttpRequest request, CompletableFuture<HttpResponse> f) {
        boolean wantsClose = "close".equalsIgnoreCase(request.headers().first("Connection"));
        if (!handler.begin(f, request.method().equals("HEAD"), wantsClose)) {
            f.completeExceptionally(new IllegalStateException(id + " already has an exchange in flight"));
            return;
        }
        if (!channel.isActive()) {
            handler.fail(handler.lost("Connection closed", HttpException.Phase.WRITE, null));
            return;
        }
        HttpHeaders h = headers(request);
        HttpMethod method = HttpMethod.valueOf(request.method());
        String target = target(request.uri());
        byte[] body = request.body();
        ChannelFuture written;
        if (h.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)) {
            channel.write(new DefaultHttpRequest(HttpVersion.HTTP_1_1, method, target, h));
            for (int off = 0; off < body.length; off += CHUNK) {
                channel.write(new DefaultHttpContent(Unpooled.wrappedBuffer(body, off, Math.min(CHUNK, body.length - off))));
            }
            written = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        } else {
            written = channel.writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target,
                    Unpooled.wrappedBuffer(body), h, EmptyHttpHeaders.INSTANCE));
        }
        written.addListener((ChannelFutureListener) w -> {
            if (!w.isSuccess() && handler.isCurrent(f)) {
                HttpException e = HttpException.from(w.cause(), HttpException.Phase.WRITE, origin.authority(), null);
                if (e.kind() == HttpException.Kind.RESET) {
                    e = handler.lost("Connection lost while sending", HttpException.Phase.WRITE, w.cause());
                }
                handler.fail(e);
            }
        });
    }

    private HttpHeaders headers(HttpRequest request) {
        HttpHeaders h = new DefaultHttpHeaders();
        request.headers().addTo(h);
        if (!h.contains(HttpHeaderNames.HOST)) {
            h.set(HttpHeaderNames.HOST, origin.hostHeader());
        }
        if (userAgent != null && !h.contains(HttpHeaderNames.USER_AGENT)) {
            h.set(HttpHeaderNames.USER_AGENT, userAgent);
        }
        if (!h.contains(HttpHeaderNames.ACCEPT)) {
            h.set(HttpHeaderNames.ACCEPT, "*/*");
        }
        boolean chunked = h.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true);
        if (!chunked && !h.contains(HttpHeaderNames.CONTENT_LENGTH) && (request.body().length > 0 || bodyExpected(request.method()))) {
            h.setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        }
        if (absoluteForm && origin.proxy().getUserInfo() != null && !h.contains(HttpHeaderNames.PROXY_AUTHORIZATION)) {
            String token = Base64.getEncoder().encodeToString(origin.proxy().getUserInfo().getBytes(StandardCharsets.UTF_8));
            h.set(HttpHeaderNames.PROXY_AUTHORIZATION, "Basic " + token);
        }
        return h;
    }

    private static boolean bodyExpected(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    /** Returns the request target: origin-form, or absolute-form when talking to a proxy (RFC 9112 section 3.2). */
    private String target(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return absoluteForm ? origin.scheme() + "://" + origin.hostHeader() + path + query : path + query;
    }

    @Override
    public String toString() {
        return id + " " + origin + (isOpen() ? "" : " (closed)");
    }
}
