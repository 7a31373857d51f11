package dev.apitool.core.jwt;

import java.nio.charset.StandardCharsets;

/**
 * A JWS in compact serialization (RFC 7515 §7.1), split strictly: exactly three segments of
 * canonical unpadded base64url and nothing else, so one token has exactly one accepted spelling.
 * The segments are kept as received; signatures are checked over these bytes, never over a
 * re-serialised header.
 */
public record CompactJws(String headerSegment, String payloadSegment, String signatureSegment,
                         byte[] header, byte[] payload, byte[] signature) {

    /** Raised when a token is not a well-formed compact JWS. */
    public static final class MalformedException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message);
        }
    }

    /**
     * Returns the parts of {@code token}.
     *
     * @throws MalformedException saying which segment is wrong and how
     */
    public static CompactJws parse(String token) throws MalformedException {
        if (token.isEmpty()) {
            throw new MalformedException("the token is empty");
        }
        int segments = 1;
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                segments++;
            }
        }
        if (segments != 3) {
            throw new MalformedException("the token has " + segments + " segment" + (segments == 1 ? "" : "s")
                    + ", expected 3 (header.payload.signature)"
                    + (segments == 5 ? "; 5 segments is a JWE (encrypted token), which apitool does not decrypt" : ""));
        }
        int a = token.indexOf('.');
        int b = token.indexOf('.', a + 1);
        String h = token.substring(0, a);
        String p = token.substring(a + 1, b);
        String s = token.substring(b + 1);
        if (s.isEmpty()) {
            throw new MalformedException("the signature segment is empty (an unsecured JWS); unsigned tokens are refused");
        }
        return new CompactJws(h, p, s, segment(h, "header"), segment(p, "payload"), segment(s, "signature"));
    }

    /** Returns the JWS signing input: the header and payload segments as received, joined by a dot. */
    public byte[] signingInput() {
        return (headerSegment + "." + payloadSegment).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] segment(String text, String name) throws MalformedException {
        if (text.isEmpty() && !name.equals("payload")) {
            throw new MalformedException("the " + name + " segment is empty");
        }
        try {
            return Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("the " + name + " segment is not base64url: " + e.getMessage());
        }
    }
}
