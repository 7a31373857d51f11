package dev.apitool.core.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The request fingerprint stored with a key (the draft's section 2.4): SHA-256 over the method,
 * the path, the values of the configured headers and the body, each length-prefixed so no two
 * different requests hash alike by moving bytes between parts. The query counts as part of the
 * path; header names compare case-insensitively; a header that is absent hashes differently from
 * one that is empty.
 */
public final class Fingerprint {

    private Fingerprint() {}

    /**
     * Returns the fingerprint as 64 hex digits.
     *
     * @param target the request target (path and query)
     * @param headerNames which headers count, in the order they are hashed
     * @param header the request's first value of a header, or null
     */
    public static String of(String method, String target, List<String> headerNames,
            java.util.function.Function<String, String> header, byte[] body) {
        MessageDigest sha = sha256();
        part(sha, method.getBytes(StandardCharsets.UTF_8));
        part(sha, target.getBytes(StandardCharsets.UTF_8));
        for (String name : headerNames) {
            part(sha, name.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            String v = header.apply(name);
            if (v == null) {
                sha.update((byte) 0);
            } else {
                sha.update((byte) 1);
                part(sha, v.getBytes(StandardCharsets.UTF_8));
            }
        }
        part(sha, body);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        int n = bytes.length;
        sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
