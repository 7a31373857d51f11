package dev.apitool.core.jwt;

import java.math.BigInteger;

/**
 * A reader for the few DER structures key files use (ITU-T X.690): SEQUENCE, INTEGER, OCTET and
 * BIT STRING, OBJECT IDENTIFIER, and explicit context tags. Malformed input raises
 * {@link IllegalArgumentException} with the offset that broke.
 */
final class Der {

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;

    private final byte[] buf;
    private int pos;
    private final int end;

    Der(byte[] buf) {
        this(buf, 0, buf.length);
    }

    private Der(byte[] buf, int start, int end) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
    }

    boolean hasMore() {
        return pos < end;
    }

    /** Returns the tag of the next element without consuming it, or -1 at the end. */
    int peekTag() {
        return pos < end ? buf[pos] & 0xff : -1;
    }

    Der sequence() {
        return enter(SEQUENCE);
    }

    /** Returns a reader over the contents of the explicit context tag {@code [n]}. */
    Der explicit(int n) {
        return enter(0xa0 | n);
    }

    BigInteger integer() {
        int[] r = element(INTEGER);
        byte[] v = new byte[r[1] - r[0]];
        System.arraycopy(buf, r[0], v, 0, v.length);
        if (v.length == 0) {
            throw new IllegalArgumentException("empty INTEGER at offset " + r[0]);
        }
        return new BigInteger(v);
    }

    byte[] octetString() {
        int[] r = element(OCTET_STRING);
        return slice(r[0], r[1]);
    }

    /** Returns the bits of a BIT STRING with no unused bits. */
    byte[] bitString() {
        int[] r = element(BIT_STRING);
        if (r[1] == r[0] || buf[r[0]] != 0) {
            throw new IllegalArgumentException("BIT STRING with unused bits at offset " + r[0]);
        }
        return slice(r[0] + 1, r[1]);
    }

    /** Returns an OBJECT IDENTIFIER in dotted form. */
    String oid() {
        int[] r = element(OID);
        if (r[1] == r[0]) {
            throw new IllegalArgumentException("empty OBJECT IDENTIFIER at offset " + r[0]);
        }
        StringBuilder s = new StringBuilder();
        long value = 0;
        boolean first = true;
        for (int i = r[0]; i < r[1]; i++) {
            value = (value << 7) | (buf[i] & 0x7f);
            if ((buf[i] & 0x80) == 0) {
                if (first) {
                    long top = Math.min(value / 40, 2);
                    s.append(top).append('.').append(value - top * 40);
                    first = false;
                } else {
                    s.append('.').append(value);
                }
                value = 0;
            }
        }
        return s.toString();
    }

    /** Skips one element of any type. */
    void skip() {
        element(peekTag());
    }

    private Der enter(int tag) {
        int[] r = element(tag);
        return new Der(buf, r[0], r[1]);
    }

    /** Consumes an element with {@code tag}; returns the start and end offsets of its contents. */
    private int[] element(int tag) {
        if (pos >= end) {
            throw new IllegalArgumentException("unexpected end of data at offset " + pos);
        }
        int actual = buf[pos] & 0xff;
        if (actual != tag) {
            throw new IllegalArgumentException(String.format("expected tag 0x%02x at offset %d, found 0x%02x", tag, pos, actual));
        }
        int p = pos + 1;
        if (p >= end) {
            throw new IllegalArgumentException("truncated length at offset " + p);
        }
        int len = buf[p++] & 0xff;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 4 || p + n > end) {
                throw new IllegalArgumentException("bad length at offset " + (p - 1));
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (buf[p++] & 0xff);
            }
            if (len < 0) {
                throw new IllegalArgumentException("bad length at offset " + (p - n - 1));
            }
        }
        if (len > end - p) {
            throw new IllegalArgumentException("element at offset " + pos + " runs past the end of its container");
        }
        pos = p + len;
        return new int[] {p, p + len};
    }

    private byte[] slice(int from, int to) {
        byte[] v = new byte[to - from];
        System.arraycopy(buf, from, v, 0, v.length);
        return v;
    }
}
