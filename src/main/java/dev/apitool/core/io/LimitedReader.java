package dev.apitool.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 reader over a stream that refuses, as an {@link InputException} naming the input and
 * the place, a line longer than {@link Limit#LINE}, more than {@code total} characters in all, and
 * bytes that are not UTF-8 (never silently replaced). Wrap it in a {@code BufferedReader}: the
 * caps hold before a line is assembled, so memory stays bounded whatever the input.
 */
public final class LimitedReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
    private final String name;
    private final long total;
    private final Limit totalLimit;
    private boolean eof;
    private boolean flushed;
    private long read;
    private long lineLength;
    private long line = 1;
    private int counted;

    /**
     * @param in the bytes
     * @param name the input as messages name it (a file, {@code standard input})
     * @param totalLimit the cap on the whole input, or null for a stream capped only per line
     */
    public LimitedReader(InputStream in, String name, Limit totalLimit) {
        this.in = in;
        this.name = name;
        this.totalLimit = totalLimit;
        this.total = totalLimit == null ? Long.MAX_VALUE : totalLimit.bytes();
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        if (len == 0 || flushed) {
            return flushed ? -1 : 0;
        }
        CharBuffer out = CharBuffer.wrap(buf, off, len);
        counted = off;
        while (out.position() == off) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            CoderResult r = decoder.decode(bytes, out, eof);
            count(buf, off, out.position());
            if (r.isError()) {
                throw new InputException(name + ":" + line + ":" + (lineLength + 1) + ": invalid UTF-8 (byte 0x"
                        + String.format("%02x", bytes.get(bytes.position()) & 0xff) + "; expected UTF-8 text)");
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(out);
                flushed = true;
                count(buf, off, out.position());
                return out.position() == off ? -1 : out.position() - off;
            }
            if (r.isUnderflow() && out.position() == off) {
                fill();
            }
        }
        return out.position() - off;
    }

    /** Counts the characters decoded into buf since the last count: total, lines, line length. */
    private void count(char[] buf, int off, int end) {
        int from = counted;
        for (int i = from; i < end; i++) {
            if (buf[i] == '\n') {
                line++;
                lineLength = 0;
            } else if (++lineLength > Limit.LINE.bytes()) {
                throw new InputException(name + ":" + line + ": line longer than the " + Limit.LINE.shown()
                        + " limit (expected lines of at most " + Limit.LINE.bytes() + " characters)");
            }
        }
        read += Math.max(0, end - from);
        counted = end;
        if (read > total) {
            throw totalLimit.exceeded(name);
        }
    }

    /** Moves undecoded bytes to the front and reads more; sets eof at the end of the stream. */
    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
