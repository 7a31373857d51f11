package dev.apitool.core.http.raw;

import dev.apitool.core.http.Headers;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One request encoded once, as HTTP/1.1 bytes in a direct buffer that every send shares: a send
 * writes {@link #retainedDuplicate()}, whose index and reference count are its own, so the hot
 * path neither encodes nor copies (and a pooled duplicate is recycled, not allocated).
 */
public final class EncodedRequest implements AutoCloseable {

    private final ByteBuf bytes;
    private final boolean head;
    private final int size;

    private EncodedRequest(ByteBuf bytes, boolean head) {
        this.bytes = bytes;
        this.head = head;
        this.size = bytes.readableBytes();
    }

    /**
     * Returns the request {@code method url} with {@code headers} and {@code body}: {@code Host},
     * {@code User-Agent: apitool}, {@code Accept: * /*} unless the headers give their own, and
     * {@code Content-Length} when there is a body (or the method usually has one).
     *
     * @throws IllegalArgumentException for a URL that is not {@code http://} or {@code https://} with a host
     */
    public static EncodedRequest of(URI url, String method, Headers headers, byte[] body) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("expected an http:// or https:// URL with a host, not '" + url
                    + "' (HTTP/1.1; HTTP/2 is not yet supported)");
        }
        if (!method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0) || method.isEmpty()) {
            throw new IllegalArgumentException("invalid method '" + method + "': expected a token such as GET or POST");
        }
        String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            target += "?" + url.getRawQuery();
        }
        String host = url.getHost();
        int defaultPort = scheme.equals("https") ? 443 : 80;
        String hostHeader = url.getPort() > 0 && url.getPort() != defaultPort ? host + ":" + url.getPort() : host;
        StringBuilder head = new StringBuilder(256);
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (!headers.contains("Host")) {
            head.append("Host: ").append(hostHeader).append("\r\n");
        }
        if (!headers.contains("User-Agent")) {
            head.append("User-Agent: apitool\r\n");
        }
        if (!headers.contains("Accept")) {
            head.append("Accept: */*\r\n");
        }
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Content-Length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        boolean bodyExpected = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        if (body.length > 0 || bodyExpected) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream all = new ByteArrayOutputStream(head.length() + body.length);
        all.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        all.writeBytes(body);
        byte[] encoded = all.toByteArray();
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(encoded.length, encoded.length);
        buf.writeBytes(encoded);
        return new EncodedRequest(buf, method.equals("HEAD"));
    }

    /** Returns a view of the bytes for one send; the channel's write releases it. */
    public ByteBuf retainedDuplicate() {
        return bytes.retainedDuplicate();
    }

    /** Returns the shared bytes themselves, to copy from: the caller neither writes, moves nor releases them. */
    public ByteBuf bytes() {
        return bytes;
    }

    /** Returns the encoded size in bytes. */
    public int size() {
        return size;
    }

    /** Returns whether the method is HEAD (whose response has no body). */
    public boolean head() {
        return head;
    }

    /** Returns the request as text, for tests and {@code --verbose}. */
    public String text() {
        return bytes.toString(bytes.readerIndex(), size, StandardCharsets.ISO_8859_1);
    }

    /** Releases the buffer; sends still in flight keep their own references. */
    @Override
    public void close() {
        if (bytes.refCnt() > 0) {
            bytes.release();
        }
    }
}
