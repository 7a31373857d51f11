package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.jwt.Jws.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apitool jwt sign}'s key flags end to end: every spelling of {@code --secret}, and
 * {@code --key} as PEM, JWK and JWK Set, each checked by verifying the token it signed.
 */
class JwtSignKeysTest extends AbstractHelpTest {

    /** Two HMAC keys in a JWK Set, told apart by kid. */
    static final String JWKS = "{\"keys\": ["
            + "{\"kty\": \"oct\", \"kid\": \"one\", \"k\": \"" + Jws.b64("first-secret-first-secret-first-se") + "\"},"
            + "{\"kty\": \"oct\", \"kid\": \"two\", \"k\": \"" + Jws.b64("second-secret-second-secret-second") + "\"}]}";

    @Override
    protected List<String> command() {
        return List.of("jwt", "sign");
    }

    // --- --secret ------------------------------------------------------------------------------

    @Test
    void secret_everySpellingOfTheSameBytes_signsTheSameToken() {
        String expected = sign("--secret", SECRET);
        cli.file("hs.key", SECRET);
        String std = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(sign("--secret", "@hs.key")).as("@file").isEqualTo(expected);
        assertThat(sign("--secret", "@" + dir.resolve("hs.key"))).as("@/absolute/file").isEqualTo(expected);
        assertThat(sign("--secret=@hs.key")).as("--secret=@file").isEqualTo(expected);
        assertThat(run(cli.env("JWT_SECRET", SECRET), "--secret", "env:JWT_SECRET").outLine()).as("env:").isEqualTo(expected);
        assertThat(sign("--secret", "b64:" + std)).as("b64: standard alphabet").isEqualTo(expected);
        assertThat(sign("--secret", "b64:" + Jws.b64(SECRET))).as("b64: url alphabet, unpadded").isEqualTo(expected);
        assertThat(run(cli.stdin(SECRET), "--secret", "-").outLine()).as("- (stdin)").isEqualTo(expected);
        assertThat(expected).isEqualTo(Jws.hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{}", SECRET));
    }

    @Test
    void secret_binaryFile_isUsedByteForByte() {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (0x80 + i * 3);
        }
        cli.file("hs.raw", raw);
        CommandResult r = cli.run("jwt", "sign", "{}", "--typ=", "--no-iat", "--secret", "@hs.raw");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.outLine()).isEqualTo(Jws.hmac("{\"alg\":\"HS256\"}", "{}", raw));
    }

    @Test
    void secret_fileEndingInNewline_warnsThatTheNewlineIsPartOfTheKey() {
        cli.file("hs.key", SECRET + "\n");
        CommandResult r = cli.run("jwt", "sign", "--no-iat", "--secret", "@hs.key");
        assertThat(r).succeeded().errContains("apitool: warning: ", "ends with a newline", "printf").neverPrints(SECRET);
        String withNewline = Jws.hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{}", SECRET + "\n");
        assertThat(r.outLine()).isEqualTo(withNewline);
    }

    @Test
    void secret_fromStdinWithANewline_warnsToo() {
        CommandResult r = cli.stdin(SECRET + "\n").run("jwt", "sign", "--secret", "-");
        assertThat(r).succeeded().errContains("standard input ends with a newline").neverPrints(SECRET);
    }

    @Test
    void secret_envVariableNotSet_exits2NamingIt() {
        assertThat(cli.run("jwt", "sign", "--secret", "env:JWT_SECRET")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--secret", "JWT_SECRET", "not set");
    }

    @Test
    void secret_missingFile_exits2NamingIt() {
        assertThat(cli.run("jwt", "sign", "--secret", "@missing.key")).exitedWith(2)
                .failedWithOneLineError("--secret", "missing.key", "no such file");
    }

    @ParameterizedTest
    @ValueSource(strings = {"b64:!!!!", "b64:abc$", "b64:Zm9v=x"})
    void secret_badBase64_exits2(String secret) {
        assertThat(cli.run("jwt", "sign", "--secret", secret)).exitedWith(2).failedWithOneLineError("--secret", "base64");
    }

    @Test
    void secret_empty_exits2() {
        cli.file("empty.key", "");
        assertThat(cli.run("jwt", "sign", "--secret", "@empty.key")).exitedWith(2).failedWithOneLineError("empty.key", "empty");
        assertThat(cli.run("jwt", "sign", "--secret", "")).exitedWith(2).failedWithOneLineError("--secret", "empty");
        assertThat(cli.env("EMPTY", "").run("jwt", "sign", "--secret", "env:EMPTY")).exitedWith(2).failedWithOneLineError("empty");
    }

    @Test
    void secret_thatIsAPemKey_exits2PointingAtKey() {
        String pem = cli.key("rsa2048.pub.pem");
        assertThat(cli.run("jwt", "sign", "--secret", "@" + pem)).exitedWith(2)
                .failedWithOneLineError("PEM key, not an HMAC secret", "--key");
        assertThat(cli.run("jwt", "sign", "--secret", cli.read(pem))).exitedWith(2)
                .failedWithOneLineError("PEM key, not an HMAC secret", "--key");
    }

    @Test
    void secret_thatIsAJwk_exits2PointingAtKey() {
        assertThat(cli.run("jwt", "sign", "--secret", "{\"kty\": \"oct\", \"k\": \"" + Jws.b64(SECRET) + "\"}"))
                .exitedWith(2).failedWithOneLineError("JWK, not an HMAC secret", "--key").neverPrints(SECRET);
    }

    @Test
    void noKey_exits2_andBothKinds_exits2() {
        assertThat(cli.run("jwt", "sign", "{}")).exitedWith(2).outIsEmpty().failedWithOneLineError("no key", "--secret", "--key");
        String pem = cli.key("ec256.pkcs8.pem");
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--key", pem)).exitedWith(2)
                .failedWithOneLineError("either --secret or --key").neverPrints(SECRET);
    }

    @Test
    void secret_givenTwice_exits2() {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--secret", "other-other-other-other-other-other"))
                .exitedWith(2).failedWithOneLineError("--secret").neverPrints(SECRET);
    }

    // --- --key: PEM ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} signs {2}, {1} verifies")
    @CsvSource({
        "rsa2048.pkcs8.pem,     rsa2048.pub.pem,       RS256",
        "rsa2048.pkcs1.pem,     rsa2048.pkcs1.pub.pem, RS384",
        "rsa2048.pkcs8.pem,     rsa2048.cert.pem,      PS256",
        "ec256.sec1.pem,        ec256.pub.pem,         ES256",
        "ec256.pkcs8-nopub.pem, ec256.pub.pem,         ES256",
        "ec384.pkcs8.pem,       ec384.pub.pem,         ES384",
        "ec521.sec1.pem,        ec521.pub.pem,         ES512",
        "ed25519.pkcs8.pem,     ed25519.pub.pem,       EdDSA",
    })
    void keyPem_signs_andThePublicKeyVerifies(String privateKey, String publicKey, String alg) {
        String priv = cli.key(privateKey);
        String pub = cli.key(publicKey);
        CommandResult r = cli.run("jwt", "sign", "--key", priv, "--alg", alg, "--sub", "alice");
        assertThat(r).succeeded().errIsEmpty().outDoesNotContain("PRIVATE");
        String token = r.outLine();
        assertThat(Jws.header(token).path("alg").asText()).isEqualTo(alg);
        assertThat(cli.run("jwt", "verify", token, "--key", pub)).succeeded().outContains("\"sub\": \"alice\"");
        assertThat(cli.run("jwt", "verify", token, "--key", priv)).as("a private key verifies too").succeeded();
    }

    @Test
    void keyPem_defaultAlgorithmComesFromTheKey() {
        assertThat(Jws.header(sign("--key", cli.key("rsa2048.pkcs8.pem"))).path("alg").asText()).isEqualTo("RS256");
        assertThat(Jws.header(sign("--key", cli.key("ec384.sec1.pem"))).path("alg").asText()).isEqualTo("ES384");
        assertThat(Jws.header(sign("--key", cli.key("ed25519.pkcs8.pem"))).path("alg").asText()).isEqualTo("EdDSA");
    }

    @Test
    void keyPem_inlineAtFileAndEnv() {
        String pem = cli.key("ec256.pkcs8.pem");
        String text = cli.read(pem);
        for (CommandResult r : List.of(cli.run("jwt", "sign", "--key", "@" + pem),
                cli.run("jwt", "sign", "--key", text),
                cli.env("SIGNING_KEY", text).run("jwt", "sign", "--key", "env:SIGNING_KEY"),
                cli.stdin(text).run("jwt", "sign", "--key", "-"))) {
            assertThat(r).succeeded();
            assertThat(cli.run("jwt", "verify", r.outLine(), "--key", cli.key("ec256.pub.pem"))).succeeded();
        }
    }

    @Test
    void keyPem_publicOnly_cannotSign() {
        assertThat(cli.run("jwt", "sign", "--key", cli.key("ec256.pub.pem"))).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("ec256.pub.pem", "only a public key", "private key");
    }

    @Test
    void keyPem_weakRsa_exits2_unlessAllowed() {
        String weak = cli.key("rsa1024.pkcs8.pem");
        assertThat(cli.run("jwt", "sign", "--key", weak)).exitedWith(2).failedWithOneLineError("1024 bits", "--allow-weak-key");
        CommandResult r = cli.run("jwt", "sign", "--key", weak, "--allow-weak-key");
        assertThat(r).succeeded().errContains("apitool: warning: weak key", "1024 bits");
    }

    @Test
    void keyFile_missing_exits2NamingIt() {
        assertThat(cli.run("jwt", "sign", "--key", "nowhere.pem")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--key", "nowhere.pem", "no such file");
    }

    // --- --key: JWK and JWK Set -------------------------------------------------------------------

    @Test
    void keyJwk_itsKidAndAlgGoIntoTheHeader() {
        String jwk = cli.file("hs.jwk", "{\"kty\": \"oct\", \"kid\": \"hs-1\", \"alg\": \"HS384\", \"k\": \""
                + Jws.b64(SECRET + "0123456789ab") + "\"}");
        String token = sign("--key", jwk);
        assertThat(Jws.header(token).toString()).isEqualTo("{\"alg\":\"HS384\",\"typ\":\"JWT\",\"kid\":\"hs-1\"}");
        assertThat(cli.run("jwt", "verify", token, "--key", jwk)).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET + "0123456789ab")).succeeded();
        assertThat(cli.run("jwt", "sign", "--key", jwk, "--alg", "HS256")).as("the JWK's alg is the only one it allows")
                .exitedWith(2).failedWithOneLineError("--alg HS256 does not fit", "HS384");
        assertThat(Jws.header(sign("--key", jwk, "--kid", "override")).path("kid").asText()).isEqualTo("override");
    }

    @Test
    void keyJwk_inline() {
        String token = sign("--key", "{\"kty\":\"oct\",\"k\":\"" + Jws.b64(SECRET) + "\"}");
        assertThat(token).isEqualTo(Jws.hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{}", SECRET));
    }

    @Test
    void keyJwks_kidPicksTheKey() {
        String jwks = cli.file("keys.json", JWKS);
        String token = sign("--key", jwks, "--kid", "two");
        assertThat(Jws.header(token).path("kid").asText()).isEqualTo("two");
        assertThat(cli.run("jwt", "verify", token, "--secret", "second-secret-second-secret-second")).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--key", jwks)).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--secret", "first-secret-first-secret-first-se")).rejectedToken("signature");
    }

    @Test
    void keyJwks_severalKeysWithoutKid_exits2ListingTheKids() {
        String jwks = cli.file("keys.json", JWKS);
        assertThat(cli.run("jwt", "sign", "--key", jwks)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("2 keys", "--kid", "\"one\"", "\"two\"");
        assertThat(cli.run("jwt", "sign", "--key", jwks, "--kid", "three")).exitedWith(2)
                .failedWithOneLineError("--kid \"three\"", "no such key");
    }

    @Test
    void keyJwk_marksForEncryption_exits2() {
        String jwk = cli.file("enc.jwk", "{\"kty\": \"oct\", \"use\": \"enc\", \"k\": \"" + Jws.b64(SECRET) + "\"}");
        assertThat(cli.run("jwt", "sign", "--key", jwk)).exitedWith(2).failedWithOneLineError("enc.jwk", "encryption");
    }

    private String sign(String... args) {
        CommandResult r = run(cli, args);
        assertThat(r).succeeded().errIsEmpty();
        return r.outLine();
    }

    /** Runs {@code jwt sign {} --no-iat ARGS}: a deterministic token for HMAC keys. */
    private static CommandResult run(Cli runner, String... args) {
        List<String> a = new ArrayList<>(List.of("jwt", "sign", "{}", "--no-iat"));
        a.addAll(List.of(args));
        return runner.run(a.toArray(String[]::new));
    }
}
