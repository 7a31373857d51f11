package dev.apitool.core.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;

/** Bytes in and out of an {@link EmbeddedChannel}, as ASCII text, for the handler tests. */
final class EmbeddedBytes {

    private EmbeddedBytes() {
    }

    /** {@code s} as a buffer to write inbound. */
    static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }

    /** Everything written outbound so far, as text; the buffers are released. */
    static String drainOutbound(EmbeddedChannel ch) {
        StringBuilder sb = new StringBuilder();
        ByteBuf b;
        while ((b = ch.readOutbound()) != null) {
            sb.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return sb.toString();
    }
}
