package dev.apitool.core.jwt;

import java.util.Base64;

/**
 * Unpadded base64url (RFC 7515 §2, RFC 4648 §5) with a strict decoder: only the 64 URL-safe
 * characters, no padding, no whitespace, no impossible lengths, and no non-zero bits after the last
 * byte. Strict decoding makes every byte string have exactly one accepted encoding, so a token
 * cannot be altered in transit and still verify.
 */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    /** Returns the unpadded base64url encoding of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Returns the bytes of a canonical unpadded base64url string.
     *
     * @throws IllegalArgumentException saying which character or length is wrong
     */
    public static byte[] decode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!ok) {
                throw new IllegalArgumentException(describe(c) + " at position " + (i + 1)
                        + " is not base64url (A-Z a-z 0-9 - _, no padding)");
            }
        }
        int rem = text.length() % 4;
        if (rem == 1) {
            throw new IllegalArgumentException("length " + text.length() + " is impossible for base64url");
        }
        byte[] bytes = DECODER.decode(text);
        // The last character carries 2 (rem 2) or 4 (rem 3) bits beyond the data: they must be zero.
        if (rem != 0) {
            int last = value(text.charAt(text.length() - 1));
            int spare = rem == 2 ? 0x0f : 0x03;
            if ((last & spare) != 0) {
                throw new IllegalArgumentException("non-canonical base64url: the last character has non-zero padding bits");
            }
        }
        return bytes;
    }

    private static int value(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '-' ? 62 : 63;
    }

    private static String describe(char c) {
        if (c == '=') {
            return "padding '='";
        }
        if (Character.isWhitespace(c)) {
            return "whitespace (U+" + String.format("%04X", (int) c) + ")";
        }
        if (c < 0x20 || c > 0x7e) {
            return "character U+" + String.format("%04X", (int) c);
        }
        return "character '" + c + "'";
    }
}
