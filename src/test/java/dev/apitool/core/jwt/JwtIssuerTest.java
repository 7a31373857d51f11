package dev.apitool.core.jwt;

import static dev.apitool.core.jwt.Fixtures.NOW;
import static dev.apitool.core.jwt.Fixtures.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwtIssuerTest {

    private static final long T = NOW.getEpochSecond();
    private static final JwsKey SECRET = Fixtures.secret(32);

    /** A spec with everything off; tests override what they exercise through {@link Spec}. */
    private static final class Spec {
        ObjectNode payload;
        String sub;
        String iss;
        List<String> aud = List.of();
        String exp;
        String nbf;
        String iat;
        boolean noIat;
        String jti;
        List<String> claims = List.of();
        JwsAlgorithm alg;
        String kid;
        String typ;
        List<String> headers = List.of();
        boolean allowWeak;

        JwtIssuer.Spec build() {
            return JwtIssuer.Spec.builder().payload(payload).subject(sub).issuer(iss).audiences(aud).exp(exp).nbf(nbf).iat(iat)
                    .noIat(noIat).jti(jti).claims(claims).alg(alg).kid(kid).typ(typ).headers(headers).allowWeakKey(allowWeak).build();
        }

        JwtIssuer.Issued issue(JwsKey key) {
            return JwtIssuer.issue(build(), key, Fixtures.clock());
        }
    }

    @Test
    void issue_defaults_giveHs256JwtWithIatNow() {
        JwtIssuer.Issued t = new Spec().issue(SECRET);
        assertThat(t.alg()).isEqualTo(JwsAlgorithm.HS256);
        assertThat(Json.compact(t.header())).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertThat(Json.compact(t.claims())).isEqualTo("{\"iat\":" + T + "}");
        assertThat(Fixtures.verify(t.token(), SECRET).valid()).isTrue();
    }

    @Test
    void issue_registeredClaims_areSetFromTheSpec() {
        Spec s = new Spec();
        s.sub = "alice";
        s.iss = "https://issuer.example";
        s.aud = List.of("api");
        s.exp = "15m";
        s.nbf = "-1m";
        s.jti = "id-1";
        ObjectNode c = s.issue(SECRET).claims();
        assertThat(c.get("sub").asText()).isEqualTo("alice");
        assertThat(c.get("iss").asText()).isEqualTo("https://issuer.example");
        assertThat(c.get("aud").isTextual()).isTrue();
        assertThat(c.get("exp").asLong()).isEqualTo(T + 900);
        assertThat(c.get("nbf").asLong()).isEqualTo(T - 60);
        assertThat(c.get("iat").asLong()).isEqualTo(T);
        assertThat(c.get("jti").asText()).isEqualTo("id-1");
    }

    @Test
    void issue_severalAudiences_giveAnArray() {
        Spec s = new Spec();
        s.aud = List.of("api", "web");
        assertThat(Json.compact(s.issue(SECRET).claims().get("aud"))).isEqualTo("[\"api\",\"web\"]");
    }

    @Test
    void issue_jtiAuto_isAFreshUuid() {
        Spec s = new Spec();
        s.jti = "auto";
        String a = s.issue(SECRET).claims().get("jti").asText();
        String b = s.issue(SECRET).claims().get("jti").asText();
        assertThat(a).matches("[0-9a-f-]{36}").isNotEqualTo(b);
    }

    @Test
    void issue_claimAssignments_setStringsAndTypedJsonOverThePayload() {
        Spec s = new Spec();
        s.payload = Fixtures.json("{\"role\":\"user\",\"keep\":1}");
        s.claims = List.of("role=admin", "n:=42", "scopes:=[\"a\",\"b\"]", "url=http://x/?a=b");
        s.noIat = true;
        assertThat(Json.compact(s.issue(SECRET).claims()))
                .isEqualTo("{\"role\":\"admin\",\"keep\":1,\"n\":42,\"scopes\":[\"a\",\"b\"],\"url\":\"http://x/?a=b\"}");
        assertThat(s.payload.get("role").asText()).as("the caller's payload is not modified").isEqualTo("user");
    }

    @Test
    void issue_badAssignment_isInputException() {
        Spec s = new Spec();
        s.claims = List.of("n:=nope");
        assertThatThrownBy(() -> s.issue(SECRET)).isInstanceOf(InputException.class)
                .hasMessageContaining("--claim").hasMessageContaining("NAME=TEXT");
        s.claims = List.of("=x");
        assertThatThrownBy(() -> s.issue(SECRET)).isInstanceOf(InputException.class).hasMessageContaining("NAME=TEXT");
    }

    @Test
    void issue_headerAssignments_addMembersButNeverAlg() {
        Spec s = new Spec();
        s.headers = List.of("cty=JWT", "x5t=abc");
        s.kid = "k1";
        s.typ = "";
        assertThat(Json.compact(s.issue(SECRET).header())).isEqualTo("{\"alg\":\"HS256\",\"kid\":\"k1\",\"cty\":\"JWT\",\"x5t\":\"abc\"}");
        s.headers = List.of("alg=none");
        assertThatThrownBy(() -> s.issue(SECRET)).isInstanceOf(InputException.class).hasMessageContaining("\"alg\"");
    }

    @Test
    void issue_keyKid_isTheDefaultHeaderKid() {
        assertThat(new Spec().issue(SECRET.withKid("from-key")).header().get("kid").asText()).isEqualTo("from-key");
    }

    @Test
    void issue_algorithmThatDoesNotFitTheKey_isRefused() {
        Spec s = new Spec();
        s.alg = JwsAlgorithm.RS256;
        assertThatThrownBy(() -> s.issue(SECRET)).isInstanceOf(InputException.class)
                .hasMessageContaining("RS256").hasMessageContaining("HS256");
    }

    @Test
    void issue_publicKeyOnly_isRefused() {
        assertThatThrownBy(() -> new Spec().issue(key("ec256.pub.pem"))).isInstanceOf(InputException.class)
                .hasMessageContaining("ec256.pub.pem").hasMessageContaining("private key");
    }

    @Test
    void issue_weakHmacKey_isRefusedUnlessAllowedWithAWarning() {
        JwsKey short16 = Fixtures.secret(16);
        assertThatThrownBy(() -> new Spec().issue(short16)).isInstanceOf(InputException.class)
                .hasMessageContaining("--allow-weak-key");
        Spec s = new Spec();
        s.allowWeak = true;
        assertThat(s.issue(short16).warnings()).singleElement().asString().contains("16 bytes");
    }

    @Test
    void issue_eachKeyType_usesItsDefaultAlgorithm() {
        assertThat(new Spec().issue(key("rsa2048.pkcs8.pem")).alg()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(new Spec().issue(key("ec384.sec1.pem")).alg()).isEqualTo(JwsAlgorithm.ES384);
        assertThat(new Spec().issue(key("ec521.sec1.pem")).alg()).isEqualTo(JwsAlgorithm.ES512);
        assertThat(new Spec().issue(key("ed25519.pkcs8.pem")).alg()).isEqualTo(JwsAlgorithm.EdDSA);
    }

    @Test
    void decode_issuedToken_showsItsPartsAndTimes() {
        Spec s = new Spec();
        s.exp = "-1s";
        s.nbf = "10m";
        JwtIssuer.Issued t = s.issue(SECRET);
        JwtDecoder.Decoded d = JwtDecoder.decode(t.token(), NOW);
        assertThat(Json.compact(d.header())).isEqualTo(Json.compact(t.header()));
        assertThat(Json.compact(d.claims())).isEqualTo(Json.compact(t.claims()));
        assertThat(d.expired()).isTrue();
        assertThat(d.notYetValid()).isTrue();
        assertThat(d.times()).extracting(JwtDecoder.TimeClaim::name).containsExactly("iat", "nbf", "exp");
        assertThat(d.times()).extracting(JwtDecoder.TimeClaim::relative).containsExactly("now", "in 10m", "1s ago");
    }

    @Test
    void decode_nonJsonPayload_hasNoClaims() {
        String token = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("plain text") + ".AAAA";
        JwtDecoder.Decoded d = JwtDecoder.decode(token, NOW);
        assertThat(d.claims()).isNull();
        assertThat(new String(d.payload(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("plain text");
    }

    @Test
    void decode_malformed_isInputException() {
        assertThatThrownBy(() -> JwtDecoder.decode("a.b", NOW)).isInstanceOf(InputException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> JwtDecoder.decode(Fixtures.b64("{\"a\":1,\"a\":2}") + ".e30.AAAA", NOW))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicate key");
    }

    @Test
    void decode_hugeExp_isExpiredNeverAndDoesNotCrash() {
        String token = Fixtures.b64("{\"alg\":\"HS256\"}") + "." + Fixtures.b64("{\"exp\":1e400}") + ".AAAA";
        JwtDecoder.Decoded d = JwtDecoder.decode(token, NOW);
        assertThat(d.expired()).isFalse();
        assertThat(d.times()).singleElement().satisfies(tc -> assertThat(tc.at()).isEqualTo(java.time.Instant.MAX));
    }
}
