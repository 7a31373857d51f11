package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apitool jwt keygen} end to end: for every key family the key files, their modes and
 * formats, that the keys sign and verify through the CLI, and that no private material reaches
 * stdout unless asked. RSA generation is slow, so RS256 is generated only once (in the
 * parameterized round trip); every other RSA case fails before generating.
 */
class JwtKeygenTest extends AbstractHelpTest {

    private static final Pattern KID = Pattern.compile("kid ([A-Za-z0-9_-]{43})");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Override
    protected List<String> command() {
        return List.of("jwt", "keygen");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS256", "RS256", "ES256", "ES384", "ES512", "EdDSA"})
    void keygen_jwk_writesOwnerOnlyKeys_thatSignAndVerifyThroughTheCli(String alg) throws IOException {
        boolean hmac = alg.startsWith("HS");
        CommandResult r = hmac ? cli.run("jwt", "keygen", alg, "--format", "jwk", "--out", "key.jwk")
                : cli.run("jwt", "keygen", alg, "--format", "jwk", "--out", "key.jwk", "--pub", "pub.jwk");
        assertThat(r).succeeded().outIsEmpty().errHasNoStackTrace().errContains("generated " + alg + " key", "key.jwk");
        assertOwnerOnly(dir.resolve("key.jwk"));

        JsonNode jwk = Jws.json(cli.read("key.jwk"));
        String kid = printedKid(r);
        assertThat(jwk.path("kid").asText()).as("the kid on stderr is the JWK's").isEqualTo(kid);
        assertThat(jwk.path("alg").asText()).isEqualTo(alg);
        assertThat(jwk.path("use").asText()).isEqualTo("sig");
        assertThat(jwk.has(hmac ? "k" : "d")).as("the private part is in --out").isTrue();

        String verifyWith = "key.jwk";
        if (!hmac) {
            JsonNode pub = Jws.json(cli.read("pub.jwk"));
            assertThat(pub.path("kid").asText()).isEqualTo(kid);
            assertThat(pub.has("d")).as("no private part in --pub").isFalse();
            assertThat(Files.getPosixFilePermissions(dir.resolve("pub.jwk")))
                    .doesNotContain(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
            verifyWith = "pub.jwk";
        }

        CommandResult signed = cli.run("jwt", "sign", "--key", "key.jwk", "--sub", "alice", "--exp", "5m");
        assertThat(signed).succeeded().errIsEmpty();
        JsonNode header = Jws.header(signed.outLine());
        assertThat(header.path("alg").asText()).isEqualTo(alg);
        assertThat(header.path("kid").asText()).isEqualTo(kid);
        assertThat(cli.run("jwt", "verify", signed.outLine(), "--key", verifyWith)).succeeded().outContains("alice");
        assertThat(cli.run("jwt", "verify", signed.outLine() + "A", "--key", verifyWith)).exitedWith(1);
    }

    @Test
    void keygen_pemByDefault_forAsymmetricKeys() throws IOException {
        CommandResult r = cli.run("jwt", "keygen", "ES256", "--out", "ec.pem", "--pub", "ec.pub.pem");
        assertThat(r).succeeded().outIsEmpty();
        assertOwnerOnly(dir.resolve("ec.pem"));
        assertThat(cli.read("ec.pem")).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(cli.read("ec.pub.pem")).startsWith("-----BEGIN PUBLIC KEY-----\n").doesNotContain("PRIVATE");
        String token = cli.run("jwt", "sign", "--key", "ec.pem").outLine();
        assertThat(Jws.header(token).has("kid")).as("PEM carries no kid").isFalse();
        assertThat(cli.run("jwt", "verify", token, "--key", "ec.pub.pem")).succeeded();

        assertThat(cli.run("jwt", "keygen", "EdDSA", "--out", "ed.pem", "--pub", "ed.pub.pem")).succeeded();
        assertThat(cli.run("jwt", "verify", cli.run("jwt", "sign", "--key", "ed.pem").outLine(), "--key", "ed.pub.pem"))
                .succeeded();
    }

    @Test
    void keygen_jwks_holdsOneKeyWithItsKid() throws IOException {
        CommandResult r = cli.run("jwt", "keygen", "ES512", "--format", "jwks", "--out", "keys.json", "--pub", "jwks.json");
        assertThat(r).succeeded().outIsEmpty();
        assertOwnerOnly(dir.resolve("keys.json"));
        JsonNode set = Jws.json(cli.read("jwks.json"));
        assertThat(set.path("keys").size()).isEqualTo(1);
        assertThat(set.path("keys").get(0).path("kid").asText()).isEqualTo(printedKid(r));
        assertThat(set.path("keys").get(0).has("d")).isFalse();
        String token = cli.run("jwt", "sign", "--key", "keys.json").outLine();
        assertThat(cli.run("jwt", "verify", token, "--key", "jwks.json")).succeeded();
    }

    @Test
    void keygen_raw_writesTheSecretBytes_forUseWithSecretAtFile() throws IOException {
        CommandResult r = cli.run("jwt", "keygen", "HS512", "--format", "raw", "--out", "hs.key");
        assertThat(r).succeeded().outIsEmpty();
        assertOwnerOnly(dir.resolve("hs.key"));
        assertThat(Files.size(dir.resolve("hs.key"))).isEqualTo(64);
        CommandResult signed = cli.run("jwt", "sign", "--secret", "@hs.key", "--alg", "HS512");
        assertThat(signed).succeeded().errIsEmpty();
        assertThat(cli.run("jwt", "verify", signed.outLine(), "--secret", "@hs.key")).succeeded();
        String b64 = Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("hs.key")));
        assertThat(cli.run("jwt", "verify", signed.outLine(), "--secret", "b64:" + b64)).succeeded();
    }

    @Test
    void keygen_hmacDefaultsToJwk() {
        assertThat(cli.run("jwt", "keygen", "HS384", "--out", "hs.jwk")).succeeded();
        assertThat(Jws.json(cli.read("hs.jwk")).path("kty").asText()).isEqualTo("oct");
    }

    // --- where the private part may go ------------------------------------------------------------

    @Test
    void outDash_printsThePrivateKeyOnStdout_andOnlyThen() {
        CommandResult toStdout = cli.run("jwt", "keygen", "ES256", "--out", "-");
        assertThat(toStdout).succeeded().outContains("-----BEGIN PRIVATE KEY-----").errContains("kid ")
                .errDoesNotContain("PRIVATE KEY", "private part in");

        CommandResult pubOnly = cli.run("jwt", "keygen", "ES256", "--format", "jwk", "--out", "k.jwk", "--pub", "-");
        assertThat(pubOnly).succeeded().outDoesNotContain("\"d\"");
        assertThat(Jws.json(pubOnly.out()).path("kid").asText()).isEqualTo(printedKid(pubOnly));

        CommandResult pemPub = cli.run("jwt", "keygen", "EdDSA", "--out", "ed.pem", "--pub", "-");
        assertThat(pemPub).succeeded().outContains("PUBLIC KEY").outDoesNotContain("PRIVATE");

        CommandResult secret = cli.run("jwt", "keygen", "HS256", "--out", "hs.jwk");
        assertThat(secret).succeeded().outIsEmpty().errDoesNotContain(Jws.json(cli.read("hs.jwk")).path("k").asText());
    }

    @Test
    void missingOut_exits2() {
        assertThat(cli.run("jwt", "keygen", "ES256")).exitedWith(2).outIsEmpty().failedWithOneLineError("--out");
    }

    @Test
    void missingAlg_orUnknownAlg_exits2() {
        assertThat(cli.run("jwt", "keygen", "--out", "k")).exitedWith(2).failedWithOneLineError("ALG");
        assertThat(cli.run("jwt", "keygen", "none", "--out", "k")).exitedWith(2).failedWithOneLineError("none");
        assertThat(Files.exists(dir.resolve("k"))).isFalse();
    }

    @Test
    void existingFile_withNoClobber_exits2AndIsLeftAlone() throws IOException {
        cli.file("key.pem", "keep me");
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--no-clobber")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("key.pem", "the file exists", "--no-clobber");
        assertThat(cli.read("key.pem")).isEqualTo("keep me");
    }

    @Test
    void existingPubFile_withNoClobber_exits2_andWritesNoPrivateKey() {
        cli.file("pub.pem", "keep me");
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--pub", "pub.pem", "--no-clobber")).exitedWith(2)
                .failedWithOneLineError("pub.pem", "the file exists", "--no-clobber");
        assertThat(cli.read("pub.pem")).isEqualTo("keep me");
        assertThat(Files.exists(dir.resolve("key.pem"))).as("no orphan private key is left behind").isFalse();
    }

    @Test
    void sameFileForOutAndPub_exits2() {
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "k.pem", "--pub", "./k.pem")).exitedWith(2)
                .failedWithOneLineError("--pub", "--out");
        assertThat(Files.exists(dir.resolve("k.pem"))).isFalse();
    }

    @Test
    void existingPrivateKeyFile_withoutForce_exits2AndIsLeftAlone() {
        cli.file("key.pem", "an older key");
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--pub", "new.pub.pem")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--out key.pem", "the file exists", "--force", "remove it");
        assertThat(cli.read("key.pem")).isEqualTo("an older key");
        assertThat(Files.exists(dir.resolve("new.pub.pem"))).as("no public key of a pair never kept").isFalse();
    }

    @Test
    void existingPublicKeyFile_isReplacedWithoutForce_asEveryOtherOutputFile() {
        cli.file("pub.pem", "an older public key");
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--pub", "pub.pem")).succeeded();
        assertThat(cli.read("pub.pem")).startsWith("-----BEGIN PUBLIC KEY-----");
    }

    @Test
    void forceWithNoClobber_stillKeepsTheFile() {
        cli.file("key.pem", "keep me");
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--force", "--no-clobber")).exitedWith(2)
                .failedWithOneLineError("key.pem", "the file exists", "--no-clobber");
        assertThat(cli.read("key.pem")).isEqualTo("keep me");
    }

    @Test
    void outDevNull_isWrittenThrough_withoutForce() {
        assumeTrue(Files.isWritable(Path.of("/dev/null")));
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "/dev/null")).succeeded();
    }

    @Test
    void existingFile_isReplacedWithForce_andMadeOwnerOnly() throws IOException {
        Path key = dir.resolve("key.pem");
        cli.file("key.pem", "old, world-readable");
        assumeTrue(Files.getFileAttributeView(key, java.nio.file.attribute.PosixFileAttributeView.class) != null);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "key.pem", "--force")).succeeded();
        assertThat(cli.read("key.pem")).startsWith("-----BEGIN PRIVATE KEY-----");
        assertOwnerOnly(key);
    }

    @Test
    void outIntoAMissingDirectory_exits2() {
        assertThat(cli.run("jwt", "keygen", "ES256", "--out", "no/such/dir/key.pem")).exitedWith(2)
                .failedWithOneLineError("--out", "key.pem");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1024", "2047", "16385", "0", "-2048"})
    void rsaBitsOutOfRange_exits2(String bits) {
        assertThat(cli.run("jwt", "keygen", "RS256", "--bits", bits, "--out", "rsa.pem")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--bits", "2048 to 16384");
        assertThat(Files.exists(dir.resolve("rsa.pem"))).isFalse();
    }

    @Test
    void formatThatDoesNotFitTheKey_exits2() {
        assertThat(cli.run("jwt", "keygen", "RS256", "--format", "raw", "--out", "rsa.key")).exitedWith(2)
                .failedWithOneLineError("--format raw", "HMAC");
        assertThat(cli.run("jwt", "keygen", "HS256", "--format", "pem", "--out", "hs.pem")).exitedWith(2)
                .failedWithOneLineError("PEM", "HMAC");
        assertThat(cli.run("jwt", "keygen", "HS256", "--format", "raw", "--out", "-")).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("raw", "--out");
        assertThat(cli.run("jwt", "keygen", "HS256", "--out", "hs.jwk", "--pub", "hs.pub")).exitedWith(2)
                .failedWithOneLineError("--pub", "no public part");
        assertThat(cli.run("jwt", "keygen", "ES256", "--format", "der", "--out", "k")).exitedWith(2)
                .failedWithOneLineError("--format");
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void outputJson_isNotAvailable() {
        assertThat(cli.run("--output", "json", "jwt", "keygen", "ES256", "--out", "k.pem")).exitedWith(2)
                .failedWithOneLineError("--output json");
        assertThat(Files.exists(dir.resolve("k.pem"))).isFalse();
    }

    private static String printedKid(CommandResult r) {
        Matcher m = KID.matcher(r.err());
        assertThat(m.find()).as("a kid on stderr in%n%s", r).isTrue();
        return m.group(1);
    }

    private static void assertOwnerOnly(Path file) throws IOException {
        assumeTrue(file.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file modes");
        assertThat(Files.getPosixFilePermissions(file)).as("mode of %s", file).isEqualTo(OWNER_ONLY);
    }
}
