package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Shared test inputs: the committed key files, a fixed clock, and hand-built tokens. */
final class Fixtures {

    /** The instant every clock-dependent test runs at. */
    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    static Clock clock() {
        return clock(NOW);
    }

    static Clock clock(Instant at) {
        return Clock.fixed(at, ZoneOffset.UTC);
    }

    /** Returns the bytes of {@code src/test/resources/keys/NAME}. */
    static byte[] keyBytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test key " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the one key in the named key file. */
    static JwsKey key(String name) {
        List<JwsKey> keys = KeyReader.read(keyBytes(name), name);
        if (keys.size() != 1) {
            throw new IllegalStateException(name + " holds " + keys.size() + " keys");
        }
        return keys.get(0);
    }

    /** Returns an HMAC key over {@code n} deterministic bytes. */
    static JwsKey secret(int n) {
        byte[] b = new byte[n];
        new SecureRandom(new byte[] {42}).nextBytes(b);
        return new JwsKey(JwsKey.Type.OCT, null, null, null, new SecretKeySpec(b, "HMAC"), null, null, "test secret");
    }

    static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns {@code header.payload.signature} from JSON texts and raw signature bytes, unsigned. */
    static String token(String headerJson, String payloadJson, byte[] signature) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + Base64Url.encode(signature);
    }

    /** Returns a token over the given header and payload JSON, signed with {@code key} under {@code alg}. */
    static String signed(String headerJson, String payloadJson, JwsAlgorithm alg, JwsKey key) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        byte[] sig = Signatures.sign(alg, key.signingKey(), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + Base64Url.encode(sig);
    }

    /** Returns a token with header {@code {"alg":ALG,"typ":"JWT"}} over {@code payloadJson}. */
    static String signed(String payloadJson, JwsAlgorithm alg, JwsKey key) {
        return signed("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}", payloadJson, alg, key);
    }

    /** Returns the default policy: no claim requirements, zero leeway, every algorithm the keys allow. */
    static JwtVerifier.Policy policy() {
        return JwtVerifier.Policy.defaults();
    }

    static JwtVerifier.Result verify(String token, JwsKey key) {
        return verify(token, List.of(key), policy());
    }

    static JwtVerifier.Result verify(String token, List<JwsKey> keys, JwtVerifier.Policy policy) {
        return new JwtVerifier(keys, policy, clock()).verify(token);
    }

    /** Returns the single problem code of a failed result, or "valid". */
    static String code(JwtVerifier.Result r) {
        return r.valid() ? "valid" : r.errors().get(0).code();
    }

    static ObjectNode json(String text) {
        return dev.apitool.core.json.Json.parseObject(text.getBytes(StandardCharsets.UTF_8), "test");
    }
}
