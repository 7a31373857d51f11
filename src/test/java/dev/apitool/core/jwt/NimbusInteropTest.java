package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** apitool and nimbus-jose-jwt (an independent implementation) accept each other's tokens, for every algorithm. */
class NimbusInteropTest {

    private static final String CLAIMS = "{\"sub\":\"alice\",\"aud\":[\"api\",\"web\"],\"n\":1.50,\"nested\":{\"ok\":true}}";
    private static final Map<JwsAlgorithm, JwsKey> KEYS = new EnumMap<>(JwsAlgorithm.class);

    @BeforeAll
    static void generateKeys() {
        SecureRandom random = new SecureRandom();
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            KEYS.put(alg, KeyGen.generate(alg, 2048, random));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JwsAlgorithm.class)
    void token_signedByApitool_verifiesInNimbus(JwsAlgorithm alg) throws Exception {
        JwsKey key = KEYS.get(alg);
        JwtIssuer.Spec spec = JwtIssuer.Spec.builder().payload(Fixtures.json(CLAIMS)).issuer("https://issuer.example")
                .exp("1h").alg(alg).build();
        String token = JwtIssuer.issue(spec, key, Fixtures.clock()).token();

        JWSObject parsed = JWSObject.parse(token);

        assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo(alg.name());
        assertThat(parsed.getHeader().getKeyID()).isEqualTo(key.kid());
        assertThat(parsed.verify(nimbusVerifier(alg, key))).isTrue();
        assertThat(parsed.getPayload().toJSONObject()).containsEntry("sub", "alice").containsEntry("iss", "https://issuer.example");

        // and nimbus rejects the same token with one signature byte changed
        byte[] sig = Base64Url.decode(token.substring(token.lastIndexOf('.') + 1));
        sig[sig.length / 2] ^= 1;
        JWSObject tampered = JWSObject.parse(token.substring(0, token.lastIndexOf('.') + 1) + Base64Url.encode(sig));
        assertThat(tampered.verify(nimbusVerifier(alg, key))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(JwsAlgorithm.class)
    void token_signedByNimbus_verifiesInApitool(JwsAlgorithm alg) throws Exception {
        JwsKey key = KEYS.get(alg);
        JWSObject jws = new JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.parse(alg.name())).type(JOSEObjectType.JWT).keyID(key.kid()).build(),
                new Payload(CLAIMS));
        jws.sign(nimbusSigner(alg, key));
        String token = jws.serialize();

        JwsKey verifying = publicOnly(key);
        JwtVerifier.Result r = new JwtVerifier(List.of(verifying), JwtVerifier.Policy.defaults(), Fixtures.clock()).verify(token);

        assertThat(r.valid()).as(r.message()).isTrue();
        assertThat(r.payload()).isEqualTo(CLAIMS.getBytes(StandardCharsets.UTF_8));
        assertThat(r.key().kid()).isEqualTo(key.kid());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "RS256", "ES256", "ES384", "ES512", "EdDSA"})
    void jwk_writtenByApitool_readsInNimbusWithTheSameThumbprint(JwsAlgorithm alg) throws Exception {
        JwsKey key = KEYS.get(alg);
        JWK nimbus = JWK.parse(Json.compact(Jwk.toJson(key, true)));
        assertThat(nimbus.computeThumbprint().toString()).isEqualTo(Jwk.thumbprint(key)).isEqualTo(key.kid());
        assertThat(nimbus.isPrivate()).isTrue();
        JwsKey back = KeyReader.read(nimbus.toJSONString().getBytes(StandardCharsets.UTF_8), "nimbus.jwk").get(0);
        assertThat(Jwk.thumbprint(back)).isEqualTo(Jwk.thumbprint(key));
        assertThat(back.signingKey()).isNotNull();
    }

    /** Returns the key as a verifier would hold it: the public part only (a secret stays a secret). */
    private static JwsKey publicOnly(JwsKey key) {
        if (key.type() == JwsKey.Type.OCT) {
            return key;
        }
        String publicJwk = Json.compact(Jwk.toJson(key, false));
        JwsKey pub = KeyReader.read(publicJwk.getBytes(StandardCharsets.UTF_8), "public.jwk").get(0);
        assertThat(pub.privateKey()).isNull();
        return pub;
    }

    private static JWSVerifier nimbusVerifier(JwsAlgorithm alg, JwsKey key) throws Exception {
        switch (alg.family()) {
            case HMAC: return new MACVerifier(key.secret().getEncoded());
            case RSA:
            case RSA_PSS: return new RSASSAVerifier((RSAPublicKey) key.publicKey());
            case EC: return new ECDSAVerifier((ECPublicKey) key.publicKey());
            default: return new Ed25519Verifier(OctetKeyPair.parse(Json.compact(Jwk.toJson(key, false))));
        }
    }

    private static JWSSigner nimbusSigner(JwsAlgorithm alg, JwsKey key) throws Exception {
        switch (alg.family()) {
            case HMAC: return new MACSigner(key.secret().getEncoded());
            case RSA:
            case RSA_PSS: return new RSASSASigner(key.privateKey());
            case EC: return new ECDSASigner((ECPrivateKey) key.privateKey());
            default: return new Ed25519Signer(OctetKeyPair.parse(Json.compact(Jwk.toJson(key, true))));
        }
    }
}
