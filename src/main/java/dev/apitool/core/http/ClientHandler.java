package dev.apitool.core.http;

import dev.apitool.core.time.Sizes;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The behaviour of one client connection: collects the response to the one request in flight
 * (head, then content from a {@code Content-Length}, chunked or close-delimited body) and
 * completes its future; decides whether the connection may be reused; fails the exchange when the
 * peer closes or the bytes are not HTTP. Confined to the channel's event loop.
 */
final class ClientHandler extends SimpleChannelInboundHandler<HttpObject> {

    private final int maxBodyBytes;
    private String target = "?";
    private List<X509Certificate> peerCertificates = List.of();
    private String connectionId = "?";

    private CompletableFuture<HttpResponse> current;
    private boolean currentIsHead;
    private boolean currentWantsClose;
    private boolean currentReused;
    private io.netty.handler.codec.http.HttpResponse head;
    private boolean informational;
    private byte[] body;
    private int length;
    private long received;

    private Channel channel;
    private int exchanges;
    private volatile boolean reusable = true;
    private long errors;

    ClientHandler(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel(); // kept: the pipeline is emptied once a closed channel deregisters
    }

    /** Called once the connection is established, before the first exchange. */
    void bind(String id, String targetAuthority, List<X509Certificate> certificates) {
        this.connectionId = id;
        this.target = targetAuthority;
        this.peerCertificates = certificates;
    }

    /** Starts an exchange; the request is written by the caller right after. On the event loop. */
    boolean begin(CompletableFuture<HttpResponse> future, boolean isHead, boolean wantsClose) {
        if (current != null) {
            return false;
        }
        current = future;
        currentIsHead = isHead;
        currentWantsClose = wantsClose;
        currentReused = exchanges > 0;
        exchanges++;
        head = null;
        informational = false;
        body = null;
        length = 0;
        received = 0;
        return true;
    }

    /** Returns whether the future is the exchange in flight. */
    boolean isCurrent(CompletableFuture<HttpResponse> future) {
        return current != null && current == future;
    }

    /** Returns whether the connection may carry another request. */
    boolean reusable() {
        return reusable;
    }

    /** Returns the number of exchanges begun on this connection. */
    int exchanges() {
        return exchanges;
    }

    /** Returns the number of errors seen (exceptionCaught). */
    long errors() {
        return errors;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        if (current == null) {
            reusable = false; // bytes nobody asked for: the connection is out of step
            ctx.close();
            return;
        }
        if (msg.decoderResult().isFailure()) {
            String framing = msg instanceof io.netty.handler.codec.http.HttpResponse r ? framing(r) : null;
            fail(new HttpException(HttpException.Kind.PROTOCOL, HttpException.Phase.READ,
                    "invalid HTTP response from " + target + ": "
                            + (framing != null ? framing : msg.decoderResult().cause().getMessage()),
                    msg.decoderResult().cause()));
            return;
        }
        if (msg instanceof io.netty.handler.codec.http.HttpResponse response) {
            HttpResponseStatus status = response.status();
            if (status.codeClass() == HttpStatusClass.INFORMATIONAL && status.code() != 101) {
                informational = true; // 100 Continue and friends: the real response follows
                return;
            }
            String framing = framing(response);
            if (framing != null) {
                reusable = false;
                fail(new HttpException(HttpException.Kind.PROTOCOL, HttpException.Phase.READ,
                        "invalid HTTP response from " + target + ": " + framing));
                return;
            }
            head = response;
            long declared = HttpUtil.getContentLength(response, -1L);
            if (declared > maxBodyBytes) {
                fail(tooLarge());
                return;
            }
            body = new byte[currentIsHead ? 0 : declared >= 0 ? (int) declared : 8192];
        }
        if (msg instanceof HttpContent content) {
            if (informational) {
                informational = !(msg instanceof LastHttpContent);
                return;
            }
            if (head == null) {
                return;
            }
            ByteBuf buf = content.content();
            int n = buf.readableBytes();
            received += n;
            if (length + (long) n > maxBodyBytes) {
                fail(tooLarge());
                return;
            }
            if (length + n > body.length) {
                body = Arrays.copyOf(body, Math.max(length + n, Math.min(maxBodyBytes, body.length * 2)));
            }
            buf.readBytes(body, length, n);
            length += n;
            if (msg instanceof LastHttpContent) {
                complete(ctx);
            }
        }
    }

    private void complete(ChannelHandlerContext ctx) {
        io.netty.handler.codec.http.HttpResponse h = head;
        boolean delimited = HttpUtil.isContentLengthSet(h) || HttpUtil.isTransferEncodingChunked(h) || currentIsHead
                || h.status().code() == 204 || h.status().code() == 304;
        boolean keepAlive = HttpUtil.isKeepAlive(h) && delimited && !currentWantsClose;
        if (!keepAlive) {
            reusable = false;
        }
        byte[] b = length == body.length ? body : Arrays.copyOf(body, length);
        HttpResponse response = new HttpResponse(h.status().code(), h.status().reasonPhrase(), Headers.from(h.headers()),
                b, null, 0, connectionId, peerCertificates);
        CompletableFuture<HttpResponse> f = current;
        current = null;
        head = null;
        body = null;
        if (!keepAlive) {
            ctx.close();
        }
        f.complete(response);
    }

    /** Fails the exchange in flight (if any) and closes the connection. On the event loop. */
    void fail(HttpException e) {
        reusable = false;
        CompletableFuture<HttpResponse> f = current;
        current = null;
        body = null;
        channel.close();
        if (f != null) {
            f.completeExceptionally(e);
        }
    }

    /** Returns the error for a connection lost mid-exchange: retryable when a reused connection died before any byte. */
    HttpException lost(String how, HttpException.Phase phase, Throwable cause) {
        boolean nothing = head == null && received == 0 && !informational;
        String msg = nothing
                ? how + " before the response (Empty reply from server " + target + ")"
                : how + " mid-response after " + received + " body bytes from " + target;
        return new HttpException(HttpException.Kind.RESET, phase, msg, cause, nothing && currentReused);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        reusable = false;
        if (current != null) {
            fail(lost("Connection closed by server", HttpException.Phase.READ, null));
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        errors++;
        reusable = false;
        if (current == null) {
            ctx.close();
            return;
        }
        HttpException e = HttpException.from(cause, HttpException.Phase.READ, target, null);
        if (e.kind() == HttpException.Kind.RESET) {
            e = lost("Connection reset by peer", HttpException.Phase.READ, cause);
        }
        fail(e);
    }

    private static String framing(io.netty.handler.codec.http.HttpResponse response) {
        return Framing.problem(response.headers().contains(HttpHeaderNames.CONTENT_LENGTH),
                response.headers().contains(HttpHeaderNames.TRANSFER_ENCODING));
    }

    private HttpException tooLarge() {
        String cap = maxBodyBytes % (1 << 20) == 0 ? (maxBodyBytes >> 20) + " MiB" : Sizes.format(maxBodyBytes);
        return new HttpException(HttpException.Kind.PROTOCOL, HttpException.Phase.READ,
                "body cap hit (" + cap + "): the response body from " + target + " is larger, and was not read further");
    }
}
