package dev.apitool.core.jwt;

import static dev.apitool.core.jwt.Fixtures.b64;
import static dev.apitool.core.jwt.Fixtures.code;
import static dev.apitool.core.jwt.Fixtures.key;
import static dev.apitool.core.jwt.Fixtures.keyBytes;
import static dev.apitool.core.jwt.Fixtures.policy;
import static dev.apitool.core.jwt.Fixtures.signed;
import static dev.apitool.core.jwt.Fixtures.token;
import static dev.apitool.core.jwt.Fixtures.verify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every token apitool must refuse, each with the problem code scripts rely on. */
class JwtVerifierRefusalTest {

    private static final String CLAIMS = "{\"sub\":\"alice\",\"iat\":1767225600}";

    private static JwsKey ec256;
    private static JwsKey ec256Public;
    private static JwsKey hs256;

    @BeforeAll
    static void keys() {
        ec256 = key("ec256.sec1.pem");
        ec256Public = key("ec256.pub.pem");
        hs256 = Fixtures.secret(32);
    }

    @Test
    void verify_wellFormedSignedToken_isValid() {
        JwtVerifier.Result r = verify(signed(CLAIMS, JwsAlgorithm.ES256, ec256), ec256Public);
        assertThat(r.valid()).as(r.message()).isTrue();
        assertThat(r.claims().get("sub").asText()).isEqualTo("alice");
    }

    @ParameterizedTest(name = "alg {0}")
    @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
    void verify_algNoneInAnyCase_isAlgNone(String alg) {
        String token = b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + b64(CLAIMS) + ".";
        // with an empty signature the token is refused before its header is read; with any bytes, by alg
        assertThat(verify(token, hs256).valid()).isFalse();
        JwtVerifier.Result r = verify(token + "AAAA", hs256);
        assertThat(code(r)).isEqualTo("alg_none");
        assertThat(r.message()).contains(alg);
    }

    @Test
    void verify_hs256MacedWithTheRsaPublicKeyPem_isAlgNotAllowed() {
        byte[] pem = keyBytes("rsa2048.pub.pem");
        JwsKey pemAsSecret = new JwsKey(JwsKey.Type.OCT, null, null, null, new SecretKeySpec(pem, "HMAC"), null, null, "attacker");
        String forged = signed(CLAIMS, JwsAlgorithm.HS256, pemAsSecret);

        JwtVerifier.Result r = verify(forged, key("rsa2048.pub.pem"));

        assertThat(code(r)).isEqualTo("alg_not_allowed");
        assertThat(r.message()).contains("HS256").contains("an RSA key");
        assertThatThrownBy(() -> KeyReader.secret(pem, "rsa2048.pub.pem"))
                .isInstanceOf(InputException.class).hasMessageContaining("algorithm-confusion");
    }

    @Test
    void verify_ecdsaAllZeroSignature_isSignatureErrorNamingCve() {
        String token = token("{\"alg\":\"ES256\"}", CLAIMS, new byte[64]);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(code(r)).isEqualTo("signature");
        assertThat(r.message()).contains("CVE-2022-21449");
    }

    @Test
    void verify_ecdsaRorSEqualToTheOrder_isSignatureErrorNamingCve() {
        BigInteger n = Curve.P_256.params().getOrder();
        byte[] nBytes = EllipticMath.toFixed(n, 32);
        byte[] one = EllipticMath.toFixed(BigInteger.ONE, 32);
        for (byte[][] rs : new byte[][][] {{nBytes, one}, {one, nBytes}, {nBytes, nBytes}}) {
            byte[] sig = new byte[64];
            System.arraycopy(rs[0], 0, sig, 0, 32);
            System.arraycopy(rs[1], 0, sig, 32, 32);
            JwtVerifier.Result r = verify(token("{\"alg\":\"ES256\"}", CLAIMS, sig), ec256Public);
            assertThat(code(r)).isEqualTo("signature");
            assertThat(r.message()).contains("CVE-2022-21449");
        }
    }

    @Test
    void verify_ecdsaZeroSignatureOnP521_isSignatureErrorNamingCve() {
        JwtVerifier.Result r = verify(token("{\"alg\":\"ES512\"}", CLAIMS, new byte[132]), key("ec521.pub.pem"));
        assertThat(code(r)).isEqualTo("signature");
        assertThat(r.message()).contains("CVE-2022-21449");
    }

    @Test
    void verify_ecdsaDerEncodedSignature_isSignatureError() {
        // a DER signature is not JOSE's R||S form
        byte[] der = new byte[70];
        der[0] = 0x30;
        JwtVerifier.Result r = verify(token("{\"alg\":\"ES256\"}", CLAIMS, der), ec256Public);
        assertThat(code(r)).isEqualTo("signature");
        assertThat(r.message()).contains("64 bytes");
    }

    @Test
    void verify_unknownCrit_isCrit() {
        String token = signed("{\"alg\":\"ES256\",\"crit\":[\"exp-policy\"],\"exp-policy\":1}", CLAIMS, JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(code(r)).isEqualTo("crit");
        assertThat(r.message()).contains("\"exp-policy\"");
    }

    @ParameterizedTest(name = "crit {0}")
    @ValueSource(strings = {"[]", "\"b64\"", "[1]"})
    void verify_malformedCrit_isMalformed(String crit) {
        String token = signed("{\"alg\":\"ES256\",\"crit\":" + crit + "}", CLAIMS, JwsAlgorithm.ES256, ec256);
        assertThat(code(verify(token, ec256Public))).isEqualTo("malformed");
    }

    @Test
    void verify_b64False_isB64() {
        String token = signed("{\"alg\":\"ES256\",\"b64\":false,\"crit\":[\"b64\"]}", CLAIMS, JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(code(r)).isEqualTo("b64");
        assertThat(r.message()).contains("RFC 7797");
    }

    @Test
    void verify_headerWithAlgTwice_isMalformed() {
        // a lenient parser keeps the last "alg"; a token may not have two readings
        String token = signed("{\"alg\":\"ES256\",\"alg\":\"HS256\"}", CLAIMS, JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(code(r)).isEqualTo("malformed");
        assertThat(r.message()).contains("duplicate key").contains("alg");
    }

    @Test
    void verify_payloadWithDuplicateClaim_isRefused() {
        String token = signed("{\"sub\":\"alice\",\"sub\":\"admin\"}", JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(r.valid()).isFalse();
        assertThat(r.message()).contains("duplicate key");
    }

    @Test
    void verify_twoSegments_isMalformed() {
        String good = signed(CLAIMS, JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(good.substring(0, good.lastIndexOf('.')), ec256Public);
        assertThat(code(r)).isEqualTo("malformed");
        assertThat(r.message()).contains("2 segments");
    }

    @Test
    void verify_fourSegments_isMalformed() {
        JwtVerifier.Result r = verify(signed(CLAIMS, JwsAlgorithm.ES256, ec256) + ".AAAA", ec256Public);
        assertThat(code(r)).isEqualTo("malformed");
        assertThat(r.message()).contains("4 segments");
    }

    @Test
    void verify_fiveSegments_isMalformedNamingJwe() {
        assertThat(verify("a.b.c.d.e", ec256Public).message()).contains("JWE");
    }

    @ParameterizedTest(name = "segment {0}")
    @ValueSource(ints = {0, 1, 2})
    void verify_badBase64urlCharacterInAnySegment_isMalformed(int segment) {
        String[] parts = signed(CLAIMS, JwsAlgorithm.ES256, ec256).split("\\.");
        parts[segment] = parts[segment].substring(0, 4) + "+" + parts[segment].substring(5);
        JwtVerifier.Result r = verify(String.join(".", parts), ec256Public);
        assertThat(code(r)).isEqualTo("malformed");
        assertThat(r.message()).contains("not base64url");
    }

    @ParameterizedTest(name = "suffix [{0}]")
    @ValueSource(strings = {" ", "\n", "\r\n", "\t", "x", "=", "=="})
    void verify_trailingWhitespaceOrGarbage_isMalformed(String suffix) {
        // "x" changes the signature length to one that is impossible or non-canonical, never silently accepted
        JwtVerifier.Result r = verify(signed(CLAIMS, JwsAlgorithm.ES256, ec256) + suffix, ec256Public);
        assertThat(r.valid()).isFalse();
        assertThat(code(r)).isIn("malformed", "signature");
    }

    @ParameterizedTest(name = "suffix [{0}]")
    @ValueSource(strings = {" ", "\n", "="})
    void verify_trailingWhitespaceOrPadding_isMalformedSpecifically(String suffix) {
        assertThat(code(verify(signed(CLAIMS, JwsAlgorithm.ES256, ec256) + suffix, ec256Public))).isEqualTo("malformed");
    }

    @Test
    void verify_paddedHeaderSegment_isMalformed() {
        // {"alg":"HS256","x":12} is 22 bytes: its padded base64url ends in "=="
        String header = java.util.Base64.getUrlEncoder().encodeToString("{\"alg\":\"HS256\",\"x\":12}".getBytes(StandardCharsets.UTF_8));
        assertThat(header).endsWith("==");
        String token = header + "." + b64(CLAIMS) + ".AAAA";
        JwtVerifier.Result r = verify(token, hs256);
        assertThat(code(r)).isEqualTo("malformed");
        assertThat(r.message()).contains("padding");
    }

    @Test
    void verify_leadingWhitespace_isMalformed() {
        assertThat(code(verify(" " + signed(CLAIMS, JwsAlgorithm.ES256, ec256), ec256Public))).isEqualTo("malformed");
    }

    @Test
    void verify_headerNotJsonOrWithoutAlg_isMalformed() {
        assertThat(code(verify(b64("not json") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("malformed");
        assertThat(code(verify(b64("[\"alg\"]") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("malformed");
        assertThat(code(verify(b64("{\"typ\":\"JWT\"}") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("malformed");
        assertThat(code(verify(b64("{\"alg\":256}") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("malformed");
    }

    @Test
    void verify_unknownAlgorithmOrWrongCase_isAlgUnsupported() {
        assertThat(code(verify(b64("{\"alg\":\"hs256\"}") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("alg_unsupported");
        assertThat(code(verify(b64("{\"alg\":\"ES256K\"}") + "." + b64(CLAIMS) + ".AAAA", hs256))).isEqualTo("alg_unsupported");
    }

    @Test
    void verify_hmacKeyShorterThanTheHash_isWeakKey() {
        JwsKey short16 = Fixtures.secret(16);
        String token = signed(CLAIMS, JwsAlgorithm.HS256, short16);
        JwtVerifier.Result r = verify(token, short16);
        assertThat(code(r)).isEqualTo("weak_key");
        assertThat(r.message()).contains("16 bytes").contains("--allow-weak-key");
    }

    @Test
    void verify_hs512WithA32ByteKey_isWeakKey() {
        String token = signed(CLAIMS, JwsAlgorithm.HS512, hs256);
        assertThat(code(verify(token, hs256))).isEqualTo("weak_key");
    }

    @Test
    void verify_shortHmacKeyWithAllowWeakKeys_isValidWithAWarning() {
        JwsKey short16 = Fixtures.secret(16);
        String token = signed(CLAIMS, JwsAlgorithm.HS256, short16);
        JwtVerifier.Policy allow = new JwtVerifier.Policy(Set.of(), Duration.ZERO, null, List.of(), null, List.of(), null, false, true);
        JwtVerifier.Result r = verify(token, List.of(short16), allow);
        assertThat(r.valid()).as(r.message()).isTrue();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("weak key").contains("16 bytes"));
    }

    @Test
    void verify_rsa1024Key_isWeakKey() {
        JwsKey rsa1024 = key("rsa1024.pkcs8.pem");
        String token = signed(CLAIMS, JwsAlgorithm.RS256, rsa1024);
        JwtVerifier.Result r = verify(token, key("rsa1024.pub.pem"));
        assertThat(code(r)).isEqualTo("weak_key");
        assertThat(r.message()).contains("1024 bits");
    }

    @Test
    void issue_rsa1024Key_isRefused() {
        assertThatThrownBy(() -> JwtIssuer.issue(spec(null), key("rsa1024.pkcs8.pem"), Fixtures.clock()))
                .isInstanceOf(InputException.class).hasMessageContaining("1024 bits");
    }

    @Test
    void verify_jwksWithTwoKeys_tokenKidSelectsTheKey() {
        JwsKey a = key("ec256.sec1.pem").withKid("a");
        JwsKey b = KeyGen.generate(JwsAlgorithm.ES256, 0, new SecureRandom()).withKid("b");
        String jwks = "{\"keys\":[" + Json.compact(Jwk.toJson(a, false)) + "," + Json.compact(Jwk.toJson(b, false)) + "]}";
        List<JwsKey> set = KeyReader.read(jwks.getBytes(StandardCharsets.UTF_8), "jwks.json");

        JwtVerifier.Result byB = verify(signed("{\"alg\":\"ES256\",\"kid\":\"b\"}", CLAIMS, JwsAlgorithm.ES256, b), set, policy());
        assertThat(byB.valid()).as(byB.message()).isTrue();
        assertThat(byB.key().kid()).isEqualTo("b");

        JwtVerifier.Result byA = verify(signed("{\"alg\":\"ES256\",\"kid\":\"a\"}", CLAIMS, JwsAlgorithm.ES256, a), set, policy());
        assertThat(byA.valid()).as(byA.message()).isTrue();
        assertThat(byA.key().kid()).isEqualTo("a");

        // signed by b but naming a: only a is tried, so it fails
        JwtVerifier.Result wrongKid = verify(signed("{\"alg\":\"ES256\",\"kid\":\"a\"}", CLAIMS, JwsAlgorithm.ES256, b), set, policy());
        assertThat(code(wrongKid)).isEqualTo("signature");
    }

    @Test
    void verify_unknownKid_isKidUnknownListingTheKnownKids() {
        List<JwsKey> set = List.of(key("ec256.pub.pem").withKid("a"), key("ec256.pub.pem").withKid("b"));
        JwtVerifier.Result r = verify(signed("{\"alg\":\"ES256\",\"kid\":\"c\"}", CLAIMS, JwsAlgorithm.ES256, ec256), set, policy());
        assertThat(code(r)).isEqualTo("kid_unknown");
        assertThat(r.message()).contains("\"c\"").contains("\"a\"").contains("\"b\"");
    }

    @ParameterizedTest(name = "header {0}")
    @ValueSource(strings = {"jwk", "jku", "x5u", "x5c"})
    void verify_tokenSignedByAKeyTheHeaderNames_failsAndWarns(String member) {
        JwsKey attacker = KeyGen.generate(JwsAlgorithm.ES256, 0, new SecureRandom());
        String value;
        switch (member) {
            case "jwk": value = Json.compact(Jwk.toJson(attacker, false)); break;
            case "x5c": value = "[\"" + java.util.Base64.getEncoder().encodeToString(new byte[] {0x30, 0}) + "\"]"; break;
            default: value = "\"https://attacker.example/keys\""; break;
        }
        String token = signed("{\"alg\":\"ES256\",\"" + member + "\":" + value + "}", CLAIMS, JwsAlgorithm.ES256, attacker);

        JwtVerifier.Result r = verify(token, ec256Public);

        assertThat(code(r)).isEqualTo("signature");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("\"" + member + "\"").contains("ignored"));
    }

    @Test
    void verify_policyNarrowedToAnotherAlgorithm_isAlgNotAllowed() {
        JwtVerifier.Policy onlyRs = new JwtVerifier.Policy(Set.of(JwsAlgorithm.RS256), Duration.ZERO, null, List.of(), null,
                List.of(), null, false, false);
        JwsKey rsa = key("rsa2048.pkcs8.pem");
        JwtVerifier.Result r = verify(signed(CLAIMS, JwsAlgorithm.PS256, rsa), List.of(rsa), onlyRs);
        assertThat(code(r)).isEqualTo("alg_not_allowed");
        assertThat(r.message()).contains("--alg allows only RS256");
    }

    @Test
    void verify_jwkDeclaringAnAlgorithm_refusesEveryOther() {
        JwsKey rsa = key("rsa2048.pkcs8.pem");
        JwsKey declared = KeyReader.read(Json.compact(Jwk.toJson(rsa, false)).replace("}", ",\"alg\":\"RS256\"}")
                .getBytes(StandardCharsets.UTF_8), "k.jwk").get(0);
        assertThat(verify(signed(CLAIMS, JwsAlgorithm.RS256, rsa), declared).valid()).isTrue();
        JwtVerifier.Result r = verify(signed(CLAIMS, JwsAlgorithm.PS256, rsa), declared);
        assertThat(code(r)).isEqualTo("alg_not_allowed");
        assertThat(r.message()).contains("declares \"alg\": \"RS256\"");
    }

    @Test
    void verify_esAlgorithmWithAKeyOnAnotherCurve_isAlgNotAllowed() {
        String token = signed(CLAIMS, JwsAlgorithm.ES384, key("ec384.sec1.pem"));
        assertThat(code(verify(token, ec256Public))).isEqualTo("alg_not_allowed");
    }

    @Test
    void verify_payloadNotJsonWithoutJwsOnly_isPayloadProblemButSignatureMatched() {
        String token = signed("{\"alg\":\"ES256\"}", "hello", JwsAlgorithm.ES256, ec256);
        JwtVerifier.Result r = verify(token, ec256Public);
        assertThat(code(r)).isEqualTo("payload");
        assertThat(r.key()).isNotNull();
        JwtVerifier.Policy jws = new JwtVerifier.Policy(Set.of(), Duration.ZERO, null, List.of(), null, List.of(), null, true, false);
        JwtVerifier.Result ok = verify(token, List.of(ec256Public), jws);
        assertThat(ok.valid()).isTrue();
        assertThat(ok.payload()).isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
    }

    private static JwtIssuer.Spec spec(JwsAlgorithm alg) {
        return JwtIssuer.Spec.builder().subject("alice").alg(alg).build();
    }
}
