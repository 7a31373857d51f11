package dev.apitool.core.jwt;

import static dev.apitool.core.jwt.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwkTest {

    private static JwsKey readJwk(String json) {
        List<JwsKey> keys = KeyReader.read(json.getBytes(StandardCharsets.UTF_8), "test.jwk");
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa2048.pkcs8.pem", "ec256.sec1.pem", "ec384.pkcs8.pem", "ec521.sec1.pem", "ed25519.pkcs8.pem"})
    void toJsonThenRead_privateKey_roundTripsBothHalves(String file) {
        JwsKey original = key(file).withKid("k-1");
        ObjectNode jwk = Jwk.toJson(original, true);
        JwsKey back = readJwk(Json.compact(jwk));

        assertThat(back.type()).isEqualTo(original.type());
        assertThat(back.curve()).isEqualTo(original.curve());
        assertThat(back.kid()).isEqualTo("k-1");
        assertThat(back.publicKey().getEncoded()).isEqualTo(original.publicKey().getEncoded());
        assertThat(back.privateKey().getEncoded()).isEqualTo(original.privateKey().getEncoded());
        assertThat(Json.compact(Jwk.toJson(back, true))).isEqualTo(Json.compact(jwk));
        assertThat(jwk.get("use").asText()).isEqualTo("sig");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa2048.pub.pem", "ec256.pub.pem", "ec521.pub.pem", "ed25519.pub.pem"})
    void toJsonThenRead_publicKey_roundTripsWithoutPrivateMembers(String file) {
        JwsKey original = key(file);
        ObjectNode jwk = Jwk.toJson(original, true);
        assertThat(jwk.has("d")).isFalse();
        JwsKey back = readJwk(Json.compact(jwk));
        assertThat(back.privateKey()).isNull();
        assertThat(back.publicKey().getEncoded()).isEqualTo(original.publicKey().getEncoded());
    }

    @Test
    void readSet_twoDifferentKeysUnderOneKid_isRefused_theSameKeyTwiceIsNot() {
        ObjectNode a = Jwk.toJson(key("ec256.pub.pem").withKid("k"), false);
        ObjectNode b = Jwk.toJson(key("rsa2048.pub.pem").withKid("k"), false);
        ObjectNode set = Json.object();
        set.putArray("keys").add(a).add(b);
        assertThatThrownBy(() -> Jwk.readSet(set, "jwks.json")).isInstanceOf(InputException.class)
                .hasMessage("jwks.json: keys[1]: kid \"k\" also names keys[0], a different key; expected one key per kid in a JWK Set");
        ObjectNode same = Json.object();
        same.putArray("keys").add(a).add(a.deepCopy());
        assertThat(Jwk.readSet(same, "jwks.json")).hasSize(1);
    }

    @Test
    void toJson_privateKeyWithoutIncludePrivate_hasNoPrivateMembers() {
        ObjectNode jwk = Jwk.toJson(key("rsa2048.pkcs8.pem"), false);
        assertThat(jwk.fieldNames()).toIterable().containsExactly("kty", "n", "e", "use");
    }

    @Test
    void toJsonThenRead_secret_roundTrips() {
        JwsKey secret = Fixtures.secret(48);
        ObjectNode jwk = Jwk.toJson(secret, true);
        JwsKey back = readJwk(Json.compact(jwk));
        assertThat(back.type()).isEqualTo(JwsKey.Type.OCT);
        assertThat(back.secret().getEncoded()).isEqualTo(secret.secret().getEncoded());
        assertThat(Jwk.toJson(secret, false).has("k")).isFalse();
    }

    @Test
    void toSet_oneKey_readsBackAsThatKey() {
        ObjectNode set = Jwk.toSet(key("ec256.pub.pem").withKid("a"), false);
        assertThat(KeyReader.read(Json.compact(set).getBytes(StandardCharsets.UTF_8), "jwks.json"))
                .extracting(JwsKey::kid).containsExactly("a");
    }

    @Test
    void thumbprint_rfc7638Example_matchesTheRfc() {
        // RFC 7638 §3.1
        String jwk = "{\"kty\":\"RSA\",\"n\":\"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6"
                + "tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQ"
                + "MicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHa"
                + "Q-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
        assertThat(Jwk.thumbprint(readJwk(jwk))).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    @Test
    void thumbprint_rfc8037Ed25519Example_matchesTheRfc() {
        // RFC 8037 §A.3
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}";
        assertThat(Jwk.thumbprint(readJwk(jwk))).isEqualTo("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
    }

    @Test
    void thumbprint_kidOrPrivatePart_doesNotChangeIt() {
        JwsKey k = key("ec256.sec1.pem");
        assertThat(Jwk.thumbprint(k.withKid("x"))).isEqualTo(Jwk.thumbprint(key("ec256.pub.pem")));
    }

    @Test
    void read_algThatDoesNotFitTheKey_isRefused() {
        String jwk = Json.compact(Jwk.toJson(key("ec256.pub.pem"), false)).replace("}", ",\"alg\":\"ES384\"}");
        assertThatThrownBy(() -> readJwk(jwk)).isInstanceOf(InputException.class)
                .hasMessageContaining("\"ES384\" does not fit an EC key on P-256");
    }

    @Test
    void read_algNone_isRefused() {
        assertThatThrownBy(() -> readJwk("{\"kty\":\"oct\",\"k\":\"AAAA\",\"alg\":\"none\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("unsecured");
    }

    @Test
    void read_encryptionKey_isRefused() {
        assertThatThrownBy(() -> readJwk("{\"kty\":\"oct\",\"k\":\"AAAA\",\"use\":\"enc\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("\"enc\"");
    }

    @Test
    void read_setWithoutSigningKeys_isRefused() {
        assertThatThrownBy(() -> readJwk("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AAAA\",\"use\":\"enc\"}]}"))
                .isInstanceOf(InputException.class).hasMessageContaining("no signing key");
    }

    @Test
    void read_ecCurveOnOkp_isRefused() {
        assertThatThrownBy(() -> readJwk("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"AAAA\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("X25519");
        assertThatThrownBy(() -> readJwk("{\"kty\":\"EC\",\"crv\":\"Ed25519\",\"x\":\"AAAA\",\"y\":\"AAAA\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("OKP");
    }

    @Test
    void read_nonCanonicalBase64InAMember_isRefused() {
        assertThatThrownBy(() -> readJwk("{\"kty\":\"oct\",\"k\":\"QR\"}"))
                .isInstanceOf(InputException.class).hasMessageContaining("\"k\"").hasMessageContaining("non-canonical");
    }
}
