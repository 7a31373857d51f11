package dev.apitool.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.stream.ChunkedInput;
import java.nio.charset.StandardCharsets;

/**
 * What the {@link HttpServer} sends back: a status, headers and either a body (sent with
 * {@code Content-Length} unless the headers say otherwise) or a stream (sent chunked, with
 * backpressure), and how the connection ends.
 *
 * @param status the status code, 100 to 599 (ignored for {@link Ending#RESET})
 * @param headers response headers; {@code Content-Length}, {@code Connection} are added as needed
 * @param body the body, empty for none
 * @param stream a chunk source sent with {@code Transfer-Encoding: chunked} instead of {@code body}, or null
 * @param ending what happens to the connection after this response
 */
public record ServerResponse(int status, Headers headers, byte[] body, ChunkedInput<ByteBuf> stream, Ending ending) {

    /** How the connection ends. */
    public enum Ending {
        /** Kept open when the request allows it (HTTP/1.1 default, or HTTP/1.0 with keep-alive), closed otherwise. */
        KEEP_ALIVE,
        /** Closed after the response, announced with {@code Connection: close}. */
        CLOSE,
        /** Written exactly as given, no headers added, then closed: a truncated body, or no bytes at all (status 0). */
        ABORT,
        /** Nothing written; the socket is closed with a TCP RST (SO_LINGER 0). */
        RESET
    }

    private static final byte[] EMPTY = new byte[0];

    public ServerResponse {
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? EMPTY : body;
        ending = ending == null ? Ending.KEEP_ALIVE : ending;
        if ((status < 100 || status > 599) && !(status == 0 && (ending == Ending.ABORT || ending == Ending.RESET))) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
    }

    /** Returns a response with this status and body. */
    public static ServerResponse of(int status, byte[] body) {
        return new ServerResponse(status, Headers.EMPTY, body, null, Ending.KEEP_ALIVE);
    }

    /** Returns a {@code text/plain; charset=utf-8} response. */
    public static ServerResponse text(int status, String body) {
        return new ServerResponse(status, Headers.of("Content-Type", "text/plain; charset=utf-8"),
                body.getBytes(StandardCharsets.UTF_8), null, Ending.KEEP_ALIVE);
    }

    /** Returns a chunked response whose body comes from {@code stream}. */
    public static ServerResponse streamed(int status, Headers headers, ChunkedInput<ByteBuf> stream) {
        return new ServerResponse(status, headers, null, stream, Ending.KEEP_ALIVE);
    }

    /** Returns a response that declares {@code declaredLength} body bytes, sends {@code partial}, and closes. */
    public static ServerResponse truncated(int status, long declaredLength, byte[] partial) {
        return new ServerResponse(status, Headers.of("Content-Length", Long.toString(declaredLength)), partial, null, Ending.ABORT);
    }

    /** Returns a "response" that closes the connection without sending a byte (curl: Empty reply from server). */
    public static ServerResponse emptyReply() {
        return new ServerResponse(0, Headers.EMPTY, null, null, Ending.ABORT);
    }

    /** Returns a "response" that resets the connection. */
    public static ServerResponse reset() {
        return new ServerResponse(0, Headers.EMPTY, null, null, Ending.RESET);
    }

    /** Returns a copy with {@code name: value} appended. */
    public ServerResponse withHeader(String name, String value) {
        return new ServerResponse(status, headers.with(name, value), body, stream, ending);
    }

    /** Returns a copy that ends the connection this way. */
    public ServerResponse withEnding(Ending newEnding) {
        return new ServerResponse(status, headers, body, stream, newEnding);
    }
}
