package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyGenTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JwsAlgorithm.class, names = {"HS256", "HS384", "HS512", "RS256", "ES256", "ES384", "ES512", "EdDSA"})
    void generate_anyAlgorithm_hasThumbprintKidAndSignsAndVerifies(JwsAlgorithm alg) {
        JwsKey key = KeyGen.generate(alg, 2048, RANDOM);

        assertThat(key.kid()).isEqualTo(Jwk.thumbprint(key));
        assertThat(key.declaredAlg()).isEqualTo(alg);
        assertThat(key.weakness(alg)).isNull();
        byte[] input = "a.b".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Signatures.sign(alg, key.signingKey(), input);
        assertThat(Signatures.verify(alg, key.verificationKey(), input, sig)).isNull();
        assertThat(Signatures.verify(alg, key.verificationKey(), "a.c".getBytes(StandardCharsets.US_ASCII), sig)).isNotNull();
    }

    @Test
    void generate_hmac_secretIsAsLongAsTheHash() {
        assertThat(KeyGen.generate(JwsAlgorithm.HS256, 0, RANDOM).secret().getEncoded()).hasSize(32);
        assertThat(KeyGen.generate(JwsAlgorithm.HS512, 0, RANDOM).secret().getEncoded()).hasSize(64);
    }

    @Test
    void generate_twoKeys_differ() {
        assertThat(KeyGen.generate(JwsAlgorithm.ES256, 0, RANDOM).kid()).isNotEqualTo(KeyGen.generate(JwsAlgorithm.ES256, 0, RANDOM).kid());
    }

    @ParameterizedTest(name = "--bits {0}")
    @ValueSource(ints = {1024, 2047, 16385})
    void generate_rsaOutsideTheAllowedSizes_isRefused(int bits) {
        assertThatThrownBy(() -> KeyGen.generate(JwsAlgorithm.RS256, bits, RANDOM))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("--bits " + bits)
                .hasMessageContaining("2048 to 16384");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JwsAlgorithm.class, names = {"ES256", "ES512", "EdDSA"})
    void pem_privateAndPublic_readBackAsTheSameKey(JwsAlgorithm alg) {
        JwsKey key = KeyGen.generate(alg, 2048, RANDOM);
        JwsKey priv = KeyReader.read(KeyGen.pem(key, true).getBytes(StandardCharsets.US_ASCII), "key.pem").get(0);
        JwsKey pub = KeyReader.read(KeyGen.pem(key, false).getBytes(StandardCharsets.US_ASCII), "pub.pem").get(0);
        assertThat(Jwk.thumbprint(priv)).isEqualTo(key.kid());
        assertThat(Jwk.thumbprint(pub)).isEqualTo(key.kid());
        assertThat(priv.privateKey().getEncoded()).isEqualTo(key.privateKey().getEncoded());
    }

    @Test
    void pem_secret_isRefused() {
        assertThatThrownBy(() -> KeyGen.pem(KeyGen.generate(JwsAlgorithm.HS256, 0, RANDOM), true))
                .isInstanceOf(InputException.class).hasMessageContaining("HMAC");
    }

    @Test
    void generate_es384Key_signsATokenThatVerifiesWithItsPublicJwk() {
        JwsKey key = KeyGen.generate(JwsAlgorithm.ES384, 0, RANDOM);
        String token = Fixtures.signed("{\"alg\":\"ES384\",\"kid\":\"" + key.kid() + "\"}", "{}", JwsAlgorithm.ES384, key);
        JwsKey pub = KeyReader.read(dev.apitool.core.json.Json.compact(Jwk.toJson(key, false)).getBytes(StandardCharsets.UTF_8),
                "pub.jwk").get(0);
        assertThat(Fixtures.verify(token, List.of(pub), Fixtures.policy()).valid()).isTrue();
    }
}
