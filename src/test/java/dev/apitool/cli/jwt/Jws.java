package dev.apitool.cli.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side JWS helpers, independent of apitool's code: builds tokens by hand (for the hostile
 * shapes {@code jwt sign} would never produce) and reads a token's parts as JSON.
 */
final class Jws {

    /** A 36-byte HMAC secret: strong enough for HS256, distinctive enough to search output for. */
    static final String SECRET = "e2e-Secret-Value-0123456789abcdefXYZ";

    /** Keeps decimals as written ({@code 1.50} stays {@code 1.50}), as apitool does. */
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Jws() {}

    static String b64(String text) {
        return b64(text.getBytes(StandardCharsets.UTF_8));
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Returns {@code header.payload.HMAC} with the HMAC that {@code header}'s alg names (HmacSHA256 when it names none). */
    static String hmac(String headerJson, String payload, byte[] key) {
        String alg;
        try {
            alg = MAPPER.readTree(headerJson).path("alg").asText();
        } catch (java.io.IOException notJson) {
            alg = "HS256";
        }
        String mac = alg.equals("HS384") ? "HmacSHA384" : alg.equals("HS512") ? "HmacSHA512" : "HmacSHA256";
        String input = b64(headerJson) + "." + b64(payload);
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(key, mac));
            return input + "." + b64(m.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String headerJson, String payload, String secret) {
        return hmac(headerJson, payload, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns an HS256 token over {@code payload} signed with {@link #SECRET}. */
    static String hs256(String payload) {
        return hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, SECRET);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    static JsonNode header(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[0]), StandardCharsets.UTF_8));
    }

    static JsonNode payload(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.", -1)[1]), StandardCharsets.UTF_8));
    }
}
