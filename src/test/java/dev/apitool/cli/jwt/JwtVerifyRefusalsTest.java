package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.jwt.Jws.SECRET;
import static dev.apitool.cli.jwt.Jws.b64;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code apitool jwt verify} refuses, through the command line: hostile and malformed tokens
 * exit 1 with one line (and a JSON verdict that matches the schema); bad keys and key flags exit 2
 * with one line naming the input; the secret never appears in any output.
 */
class JwtVerifyRefusalsTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of("jwt", "verify");
    }

    static Stream<Arguments> hostileTokens() {
        String good = Jws.hs256("{\"sub\":\"alice\"}");
        String[] parts = good.split("\\.");
        return Stream.of(
            Arguments.of("alg none", Jws.hmac("{\"alg\":\"none\"}", "{}", SECRET), "alg_none", "\"none\""),
            Arguments.of("alg NONE", Jws.hmac("{\"alg\":\"NONE\"}", "{}", SECRET), "alg_none", "\"NONE\""),
            Arguments.of("unsigned (empty signature)", b64("{\"alg\":\"none\"}") + "." + b64("{}") + ".", "malformed", "unsigned"),
            Arguments.of("unknown alg", Jws.hmac("{\"alg\":\"HS999\"}", "{}", SECRET), "alg_unsupported", "HS999"),
            Arguments.of("alg lower case", Jws.hmac("{\"alg\":\"hs256\"}", "{}", SECRET), "alg_unsupported", "hs256"),
            Arguments.of("no alg", Jws.hmac("{\"typ\":\"JWT\"}", "{}", SECRET), "malformed", "no \"alg\""),
            Arguments.of("alg not a string", Jws.hmac("{\"alg\":256}", "{}", SECRET), "malformed", "no \"alg\""),
            Arguments.of("RS256 token for a secret", Jws.hmac("{\"alg\":\"RS256\"}", "{}", SECRET), "alg_not_allowed", "not allowed"),
            Arguments.of("unknown crit", Jws.hmac("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", "{}", SECRET), "crit", "\"exp\""),
            Arguments.of("empty crit", Jws.hmac("{\"alg\":\"HS256\",\"crit\":[]}", "{}", SECRET), "malformed", "crit"),
            Arguments.of("b64 false", Jws.hmac("{\"alg\":\"HS256\",\"b64\":false,\"crit\":[\"b64\"]}", "{}", SECRET), "b64", "RFC 7797"),
            Arguments.of("duplicate header key", Jws.hmac("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", "{}", SECRET), "malformed", "duplicate"),
            Arguments.of("header not JSON", Jws.hmac("{alg:HS256}", "{}", SECRET), "malformed", "header"),
            Arguments.of("header an array", b64("[\"HS256\"]") + "." + parts[1] + "." + parts[2], "malformed", "object"),
            Arguments.of("kid not a string", Jws.hmac("{\"alg\":\"HS256\",\"kid\":7}", "{}", SECRET), "malformed", "kid"),
            Arguments.of("one segment", parts[0], "malformed", "1 segment"),
            Arguments.of("two segments", parts[0] + "." + parts[1], "malformed", "2 segments"),
            Arguments.of("four segments", good + ".x", "malformed", "4 segments"),
            Arguments.of("JWE (five segments)", "a.b.c.d.e", "malformed", "JWE"),
            Arguments.of("empty header", "." + parts[1] + "." + parts[2], "malformed", "header segment is empty"),
            Arguments.of("padding", parts[0] + "=." + parts[1] + "." + parts[2], "malformed", "base64url"),
            Arguments.of("standard alphabet", parts[0] + "." + parts[1] + "." + parts[2].replace('-', '+').replace('_', '/') + "+/", "malformed", "base64url"),
            Arguments.of("trailing garbage", good + "!", "malformed", "base64url"),
            Arguments.of("trailing newline in argument", good + "\n", "malformed", "base64url"),
            Arguments.of("non-canonical last char", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 42) + "f", "malformed", "non-canonical"),
            Arguments.of("signature of other bytes", parts[0] + "." + b64("{\"sub\":\"admin\"}") + "." + parts[2], "signature", "signature"),
            Arguments.of("signature truncated", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40), "signature", "signature"),
            Arguments.of("payload not JSON", Jws.hs256("{\"sub\":"), "payload", "--jws"),
            Arguments.of("exp not a number", Jws.hs256("{\"exp\":\"tomorrow\"}"), "claim_type", "NumericDate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileTokens")
    void hostileToken_exits1_withOneLine_andAJsonVerdict(String name, String token, String code, String fragment) {
        CommandResult text = cli.run("jwt", "verify", token, "--secret", SECRET);
        assertThat(text).rejectedToken(fragment).outIsEmpty().neverPrints(SECRET);

        CommandResult json = cli.run("--output", "json", "jwt", "verify", token, "--secret", SECRET);
        assertThat(json).rejectedToken(fragment).neverPrints(SECRET);
        JsonSchemas.assertValid("jwt-verify", json.out());
        JsonNode doc = Jws.json(json.out());
        assertThat(doc.path("valid").asBoolean()).isFalse();
        assertThat(doc.path("errors").get(0).path("code").asText()).isEqualTo(code);
    }

    @Test
    void hostileToken_fromStdin_exits1Too() {
        assertThat(cli.stdin("a.b.c.d.e\n").run("jwt", "verify", "--secret", SECRET)).rejectedToken("JWE");
    }

    // --- algorithm confusion ---------------------------------------------------------------------

    @Test
    void rsaPublicKeyAsSecret_exits2_pointingAtKey() {
        String pem = cli.key("rsa2048.pub.pem");
        String token = Jws.hs256("{}");
        assertThat(cli.run("jwt", "verify", token, "--secret", "@" + pem)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError(pem, "PEM key, not an HMAC secret", "--key", "algorithm-confusion");
        assertThat(cli.run("jwt", "verify", token, "--secret", cli.read(pem))).exitedWith(2)
                .failedWithOneLineError("--key");
        assertThat(cli.env("PUB", cli.read(pem)).run("jwt", "verify", token, "--secret", "env:PUB")).exitedWith(2)
                .failedWithOneLineError("--key");
    }

    @Test
    void hmacTokenSignedWithThePublicKeyBytes_againstThatRsaKey_exits1NotAllowed() {
        String pem = cli.key("rsa2048.pub.pem");
        byte[] pemBytes = cli.read(pem).getBytes(StandardCharsets.US_ASCII);
        String forged = Jws.hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"sub\":\"admin\"}", pemBytes);
        assertThat(cli.run("jwt", "verify", forged, "--key", pem)).rejectedToken("algorithm HS256 not allowed for an RSA key")
                .outIsEmpty();
        assertThat(cli.run("jwt", "verify", forged, "--key", pem, "--alg", "HS256")).rejectedToken("not allowed");
        assertThat(cli.run("jwt", "verify", forged, "--key", cli.key("rsa2048.cert.pem"))).rejectedToken("not allowed");
    }

    @Test
    void ecTokenAgainstAnotherCurve_exits1NotAllowed() {
        CommandResult signed = cli.run("jwt", "sign", "--key", cli.key("ec256.pkcs8.pem"));
        assertThat(cli.run("jwt", "verify", signed.outLine(), "--key", cli.key("ec384.pub.pem")))
                .rejectedToken("algorithm ES256 not allowed", "ES384");
    }

    @Test
    void jwkDeclaringAnAlg_allowsOnlyThatAlg() {
        String jwk = cli.file("hs.jwk", "{\"kty\":\"oct\",\"alg\":\"HS512\",\"k\":\"" + b64(SECRET) + "\"}");
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--key", jwk, "--allow-weak-key"))
                .rejectedToken("algorithm HS256 not allowed for a key that declares \"alg\": \"HS512\"");
    }

    @Test
    void weakKeys_exit1_unlessAllowed() {
        String shortSecret = "only-16-bytes!!!";
        String token = Jws.hmac("{\"alg\":\"HS256\"}", "{}", shortSecret);
        assertThat(cli.run("jwt", "verify", token, "--secret", shortSecret)).rejectedToken("16 bytes", "--allow-weak-key")
                .neverPrints(shortSecret);
        assertThat(cli.run("jwt", "verify", token, "--secret", shortSecret, "--allow-weak-key")).succeeded()
                .errContains("apitool: warning: weak key accepted").neverPrints(shortSecret);

        CommandResult rsa1024 = cli.run("jwt", "sign", "--key", cli.key("rsa1024.pkcs8.pem"), "--allow-weak-key");
        assertThat(cli.run("jwt", "verify", rsa1024.outLine(), "--key", cli.key("rsa1024.pub.pem")))
                .rejectedToken("1024 bits", "--allow-weak-key");
    }

    // --- key flags and key files -----------------------------------------------------------------

    @Test
    void noKeyFlag_exits2() {
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"))).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("no key", "--secret", "--key");
    }

    @Test
    void secretAndKeyTogether_exits2() {
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--secret", SECRET, "--key", cli.key("ec256.pub.pem")))
                .exitedWith(2).outIsEmpty().failedWithOneLineError("either --secret or --key, not both").neverPrints(SECRET);
    }

    @Test
    void keyFileMissing_exits2NamingIt() {
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--key", "no-such.pem")).exitedWith(2)
                .failedWithOneLineError("no-such.pem", "no such file");
    }

    static Stream<Arguments> malformedKeys() {
        String pubBody = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1cKp+xgCia0TmFA8eOVU";
        return Stream.of(
            Arguments.of("garbage.pem", "hello, I am not a key\n"),
            Arguments.of("empty.pem", ""),
            Arguments.of("no-end.pem", "-----BEGIN PUBLIC KEY-----\n" + pubBody + "\n"),
            Arguments.of("bad-base64.pem", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n"),
            Arguments.of("not-der.pem", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"),
            Arguments.of("empty-der.pem", "-----BEGIN PUBLIC KEY-----\n\n-----END PUBLIC KEY-----\n"),
            Arguments.of("empty-sequence.pem", "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----\n"),
            Arguments.of("truncated-der.pem", "-----BEGIN PUBLIC KEY-----\n" + pubBody + "\n-----END PUBLIC KEY-----\n"),
            Arguments.of("truncated-private.pem", "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ==\n-----END PRIVATE KEY-----\n"),
            Arguments.of("truncated-rsa-private.pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n"),
            Arguments.of("truncated-ec-private.pem", "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEI\n-----END EC PRIVATE KEY-----\n"),
            Arguments.of("csr.pem", "-----BEGIN CERTIFICATE REQUEST-----\nMAA=\n-----END CERTIFICATE REQUEST-----\n"),
            Arguments.of("bad-header.pem", "-----BEGIN PUBLIC KEY\nMAA=\n-----END PUBLIC KEY-----\n"),
            Arguments.of("broken.json", "{\"kty\": \"RSA\", "),
            Arguments.of("unknown-kty.json", "{\"kty\": \"XYZ\"}"),
            Arguments.of("no-kty.json", "{\"k\": \"AAAA\"}"),
            Arguments.of("rsa-without-n.json", "{\"kty\": \"RSA\", \"e\": \"AQAB\"}"),
            Arguments.of("rsa-bad-n.json", "{\"kty\": \"RSA\", \"n\": \"!!\", \"e\": \"AQAB\"}"),
            Arguments.of("ec-short-x.json", "{\"kty\": \"EC\", \"crv\": \"P-256\", \"x\": \"AAAA\", \"y\": \"AAAA\"}"),
            Arguments.of("ec-unknown-curve.json", "{\"kty\": \"EC\", \"crv\": \"P-999\", \"x\": \"AAAA\", \"y\": \"AAAA\"}"),
            Arguments.of("okp-x448.json", "{\"kty\": \"OKP\", \"crv\": \"X448\", \"x\": \"AAAA\"}"),
            Arguments.of("oct-empty.json", "{\"kty\": \"oct\", \"k\": \"\"}"),
            Arguments.of("bad-alg.json", "{\"kty\": \"oct\", \"alg\": \"none\", \"k\": \"" + b64(SECRET) + "\"}"),
            Arguments.of("jwks-empty.json", "{\"keys\": []}"),
            Arguments.of("jwks-not-array.json", "{\"keys\": 5}"),
            Arguments.of("jwks-of-strings.json", "{\"keys\": [\"a\"]}"),
            Arguments.of("json-array.json", "[{\"kty\": \"oct\"}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedKeys")
    void malformedKeyFile_exits2_withTheFileNameOnOneLine(String name, String content) {
        String file = cli.file(name, content);
        CommandResult r = cli.run("jwt", "verify", Jws.hs256("{}"), "--key", file);
        assertThat(r).exitedWith(2).outIsEmpty().failedWithOneLineError(name);
        assertThat(r.errLines()).hasSize(1);
        assertThat(cli.run("jwt", "sign", "--key", file)).exitedWith(2).failedWithOneLineError(name);
    }

    @Test
    void truncatedCertificate_exits2_withoutExceptionClassNames() {
        String file = cli.file("truncated-cert.pem", "-----BEGIN CERTIFICATE-----\nMIIDazCCAlOgAwIBAgIU\n-----END CERTIFICATE-----\n");
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--key", file)).exitedWith(2)
                .failedWithOneLineError("truncated-cert.pem", "CERTIFICATE");
    }

    @Test
    void encryptedAndDerKeys_exit2_sayingWhatToDo() {
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--key", cli.key("ec256.encrypted.pem"))).exitedWith(2)
                .failedWithOneLineError("ec256.encrypted.pem", "encrypted", "openssl");
        assertThat(cli.run("jwt", "verify", Jws.hs256("{}"), "--key", cli.key("ec256.pkcs8.der"))).exitedWith(2)
                .failedWithOneLineError("ec256.pkcs8.der", "DER", "PEM");
    }

    // --- the secret is never printed ---------------------------------------------------------------

    static Stream<Arguments> failingRunsWithTheSecret() {
        String token = Jws.hs256("{\"sub\":\"alice\",\"exp\":1}");
        return Stream.of(
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET + "-wrong"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", "short-" + SECRET.substring(0, 8)}),
            Arguments.of((Object) new String[] {"jwt", "verify", token + "x", "--secret", SECRET, "--output", "json"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET, "--alg", "HS512"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET, "--key", "x.pem"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET, "--secret", SECRET}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET, "--leeway", "x"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret", SECRET, "--bogus"}),
            Arguments.of((Object) new String[] {"jwt", "verify", "--secert", SECRET, token}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secert", SECRET}),
            Arguments.of((Object) new String[] {"jwt", "sign", "{}", "--secret", SECRET, "extra"}),
            Arguments.of((Object) new String[] {"jwt", "verify", token, "--secret=" + SECRET, "extra"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET, "--alg", "HS512"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET, "--alg", "ES256"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET, "--claim", "x:=oops"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET, "--exp", "never"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET, "--output", "junit"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", "b64:" + SECRET + "!"}),
            Arguments.of((Object) new String[] {"jwt", "sign", "--secret", SECRET.substring(0, 20)}));
    }

    @Test
    void mistypedSecretFlag_doesNotEchoTheSecret() {
        CommandResult r = cli.run("jwt", "verify", Jws.hs256("{}"), "--secert", SECRET);
        assertThat(r).exitedWith(2).failedWithOneLineError("--secert").neverPrints(SECRET);
    }

    @ParameterizedTest
    @MethodSource("failingRunsWithTheSecret")
    void failingRun_neverPrintsTheSecret_evenWithVerbose(String[] args) {
        CommandResult r = cli.run(args);
        assertThat(r.exitCode()).isIn(1, 2);
        assertThat(r).errHasNoStackTrace().neverPrints(SECRET).neverPrints(SECRET.substring(0, 8));
        String[] verbose = Stream.concat(Stream.of("--verbose"), Stream.of(args)).toArray(String[]::new);
        assertThat(cli.run(verbose)).neverPrints(SECRET).neverPrints(SECRET.substring(0, 8));
    }
}
