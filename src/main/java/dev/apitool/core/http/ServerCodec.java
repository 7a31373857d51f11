package dev.apitool.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The server's HTTP/1.1 codec: Netty's request decoder, and a response encoder that the
 * {@link ServerHandler} bypasses for whole-body responses. Those it encodes itself with
 * {@link #encode} into bytes (kept, for a response answered again on a connection), following
 * the rules of Netty's server codec byte for byte: no body for HEAD, 1xx, 204, 205 and 304 (but
 * a body for 101 unless it is a WebSocket upgrade), no {@code Content-Length} or
 * {@code Transfer-Encoding} on 1xx and 204, {@code Content-Length: 0} on 205, no
 * {@code Transfer-Encoding} header on a 2xx answer to CONNECT (its body still chunked when it was),
 * and a chunked body when the headers say chunked. Netty's encoder (which knows nothing of the request) encodes only streamed
 * responses to requests other than HEAD.
 */
final class ServerCodec {

    private ServerCodec() {}

    /**
     * The request decoder. A request with both {@code Transfer-Encoding: chunked} and a
     * {@code Content-Length} is decoded as chunked (Netty drops the length) and its connection is
     * closed after the response, as Netty's server codec does: {@link #takeMustClose} tells.
     */
    static final class Decoder extends HttpRequestDecoder {
        private boolean mustClose;

        Decoder(int maxInitialLineLength, int maxHeaderSize, int maxChunkSize) {
            super(new HttpDecoderConfig().setMaxInitialLineLength(maxInitialLineLength).setMaxHeaderSize(maxHeaderSize)
                    .setMaxChunkSize(maxChunkSize));
        }

        @Override
        protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
            super.handleTransferEncodingChunkedWithContentLength(message);
            mustClose = true;
        }

        /** Returns whether the request decoded last must close its connection, and forgets it. */
        boolean takeMustClose() {
            boolean was = mustClose;
            mustClose = false;
            return was;
        }
    }

    /** The response encoder for streamed responses; lets already encoded bytes pass. */
    static final class Encoder extends HttpResponseEncoder {
        @Override
        public boolean acceptOutboundMessage(Object msg) throws Exception {
            return !(msg instanceof ByteBuf) && super.acceptOutboundMessage(msg);
        }
    }

    /** An empty body. */
    static final byte[] NO_BODY = new byte[0];

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Returns the bytes of a whole-body response, in a buffer from {@code alloc}; {@code h} may be
     * changed (the headers a body-less status may not carry are removed).
     *
     * @param head whether the request was HEAD (headers only)
     * @param connect whether the request was CONNECT
     */
    static ByteBuf encode(ByteBufAllocator alloc, HttpVersion version, HttpResponseStatus status, HttpHeaders h, byte[] body,
            boolean head, boolean connect) {
        int code = status.code();
        boolean empty = code == 101 ? h.contains(HttpHeaderNames.SEC_WEBSOCKET_VERSION) : head || alwaysEmpty(status);
        boolean chunked = !empty && h.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true);
        if (empty) {
            if (status.codeClass() == HttpStatusClass.INFORMATIONAL || code == 204) {
                h.remove(HttpHeaderNames.CONTENT_LENGTH);
                h.remove(HttpHeaderNames.TRANSFER_ENCODING);
            } else if (code == 205) {
                h.remove(HttpHeaderNames.TRANSFER_ENCODING);
                h.setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            }
        } else if (connect && status.codeClass() == HttpStatusClass.SUCCESS) {
            h.remove(HttpHeaderNames.TRANSFER_ENCODING);
        }
        ByteBuf out = alloc.directBuffer(256 + (empty ? 0 : body.length + 16));
        out.writeCharSequence(version.text(), StandardCharsets.US_ASCII);
        out.writeByte(' ');
        out.writeCharSequence(status.codeAsText(), StandardCharsets.US_ASCII);
        out.writeByte(' ');
        out.writeCharSequence(status.reasonPhrase(), StandardCharsets.US_ASCII);
        out.writeBytes(CRLF);
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = h.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            out.writeCharSequence(e.getKey(), StandardCharsets.US_ASCII);
            out.writeByte(':');
            out.writeByte(' ');
            out.writeCharSequence(e.getValue(), StandardCharsets.US_ASCII);
            out.writeBytes(CRLF);
        }
        out.writeBytes(CRLF);
        if (empty) {
            return out;
        }
        if (!chunked) {
            return out.writeBytes(body);
        }
        if (body.length > 0) {
            out.writeCharSequence(Integer.toHexString(body.length), StandardCharsets.US_ASCII);
            out.writeBytes(CRLF).writeBytes(body).writeBytes(CRLF);
        }
        return out.writeBytes(LAST_CHUNK);
    }

    /** Returns whether Netty's response encoder sends no body with this status (RFC 9112 section 6.3); 101 aside. */
    private static boolean alwaysEmpty(HttpResponseStatus status) {
        int code = status.code();
        return status.codeClass() == HttpStatusClass.INFORMATIONAL || code == 204 || code == 304 || code == 205;
    }
}
