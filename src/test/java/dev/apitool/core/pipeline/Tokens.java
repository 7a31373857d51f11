package dev.apitool.core.pipeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HS256 tokens for tests, signed with the JDK's HMAC (real crypto, no apitool code). */
public final class Tokens {

    private Tokens() {}

    /** Returns an HS256 token for {@code sub}, issued at {@code iat}, valid {@code ttlSeconds}. */
    public static String hs256(String secret, String sub, Instant iat, long ttlSeconds) {
        return hs256(secret, sub, iat, ttlSeconds, null);
    }

    /** Returns an HS256 token for {@code sub} whose header names key {@code kid} (none when null). */
    public static String hs256(String secret, String sub, Instant iat, long ttlSeconds, String kid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"HS256\",\"typ\":\"JWT\"" + (kid == null ? "" : ",\"kid\":\"" + kid + "\"")
                + "}").getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"" + sub + "\",\"iat\":" + iat.getEpochSecond() + ",\"exp\":"
                + (iat.getEpochSecond() + ttlSeconds) + "}").getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String input = header + "." + payload;
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
