package dev.apitool.core.jwt;

import static dev.apitool.core.jwt.Fixtures.key;
import static dev.apitool.core.jwt.Fixtures.keyBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyReaderTest {

    static Stream<Arguments> everyFormat() {
        return Stream.of(
                Arguments.of("rsa2048.pkcs8.pem", JwsKey.Type.RSA, null, true),
                Arguments.of("rsa2048.pkcs1.pem", JwsKey.Type.RSA, null, true),
                Arguments.of("rsa2048.pub.pem", JwsKey.Type.RSA, null, false),
                Arguments.of("rsa2048.pkcs1.pub.pem", JwsKey.Type.RSA, null, false),
                Arguments.of("rsa2048.cert.pem", JwsKey.Type.RSA, null, false),
                Arguments.of("ec256.sec1.pem", JwsKey.Type.EC, Curve.P_256, true),
                Arguments.of("ec256.pkcs8.pem", JwsKey.Type.EC, Curve.P_256, true),
                Arguments.of("ec256.pkcs8-nopub.pem", JwsKey.Type.EC, Curve.P_256, true),
                Arguments.of("ec256.pub.pem", JwsKey.Type.EC, Curve.P_256, false),
                Arguments.of("ec384.sec1.pem", JwsKey.Type.EC, Curve.P_384, true),
                Arguments.of("ec384.pkcs8.pem", JwsKey.Type.EC, Curve.P_384, true),
                Arguments.of("ec384.pkcs8-nopub.pem", JwsKey.Type.EC, Curve.P_384, true),
                Arguments.of("ec384.pub.pem", JwsKey.Type.EC, Curve.P_384, false),
                Arguments.of("ec521.sec1.pem", JwsKey.Type.EC, Curve.P_521, true),
                Arguments.of("ec521.pkcs8.pem", JwsKey.Type.EC, Curve.P_521, true),
                Arguments.of("ec521.pkcs8-nopub.pem", JwsKey.Type.EC, Curve.P_521, true),
                Arguments.of("ec521.pub.pem", JwsKey.Type.EC, Curve.P_521, false),
                Arguments.of("ed25519.pkcs8.pem", JwsKey.Type.OKP, Curve.ED25519, true),
                Arguments.of("ed25519.pub.pem", JwsKey.Type.OKP, Curve.ED25519, false),
                Arguments.of("rsa1024.pkcs8.pem", JwsKey.Type.RSA, null, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyFormat")
    void read_everyFormat_loadsTheKeyWithItsTypeCurveAndParts(String file, JwsKey.Type type, Curve curve, boolean priv) {
        JwsKey k = key(file);
        assertThat(k.type()).isEqualTo(type);
        assertThat(k.curve()).isEqualTo(curve);
        assertThat(k.publicKey()).as("public part (given or derived)").isNotNull();
        assertThat(k.privateKey() != null).as("has private part").isEqualTo(priv);
        assertThat(k.origin()).isEqualTo(file);
    }

    static Stream<Arguments> privatePublicPairs() {
        return Stream.of(
                Arguments.of("rsa2048.pkcs8.pem", "rsa2048.pub.pem", JwsAlgorithm.RS256),
                Arguments.of("rsa2048.pkcs8.pem", "rsa2048.pkcs1.pub.pem", JwsAlgorithm.PS384),
                Arguments.of("rsa2048.pkcs8.pem", "rsa2048.cert.pem", JwsAlgorithm.RS512),
                Arguments.of("rsa2048.pkcs1.pem", "rsa2048.pub.pem", JwsAlgorithm.PS256),
                Arguments.of("ec256.sec1.pem", "ec256.pub.pem", JwsAlgorithm.ES256),
                Arguments.of("ec256.pkcs8.pem", "ec256.pub.pem", JwsAlgorithm.ES256),
                Arguments.of("ec256.pkcs8-nopub.pem", "ec256.pub.pem", JwsAlgorithm.ES256),
                Arguments.of("ec384.sec1.pem", "ec384.pub.pem", JwsAlgorithm.ES384),
                Arguments.of("ec384.pkcs8-nopub.pem", "ec384.pub.pem", JwsAlgorithm.ES384),
                Arguments.of("ec521.sec1.pem", "ec521.pub.pem", JwsAlgorithm.ES512),
                Arguments.of("ec521.pkcs8-nopub.pem", "ec521.pub.pem", JwsAlgorithm.ES512),
                Arguments.of("ed25519.pkcs8.pem", "ed25519.pub.pem", JwsAlgorithm.EdDSA));
    }

    @ParameterizedTest(name = "{2}: {0} signs, {1} verifies")
    @MethodSource("privatePublicPairs")
    void read_privateAndPublicFormsOfOneKey_interoperate(String privateFile, String publicFile, JwsAlgorithm alg) {
        JwsKey signer = key(privateFile);
        JwsKey verifier = key(publicFile);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = Signatures.sign(alg, signer.signingKey(), input);

        assertThat(Signatures.verify(alg, verifier.verificationKey(), input, sig)).isNull();
        // and the public half derived (or read) inside the private file verifies too
        assertThat(Signatures.verify(alg, signer.verificationKey(), input, sig)).isNull();
        assertThat(Signatures.verify(alg, verifier.verificationKey(), "header.other".getBytes(StandardCharsets.US_ASCII), sig))
                .isNotNull();
    }

    @Test
    void read_rsaPkcs8AndPkcs1_areTheSameKey() {
        RSAPublicKey a = (RSAPublicKey) key("rsa2048.pkcs8.pem").publicKey();
        RSAPublicKey b = (RSAPublicKey) key("rsa2048.pkcs1.pem").publicKey();
        RSAPublicKey c = (RSAPublicKey) key("rsa2048.pkcs1.pub.pem").publicKey();
        RSAPublicKey d = (RSAPublicKey) key("rsa2048.cert.pem").publicKey();
        assertThat(a.getModulus()).isEqualTo(b.getModulus()).isEqualTo(c.getModulus()).isEqualTo(d.getModulus());
        assertThat(a.getModulus().bitLength()).isEqualTo(2048);
    }

    @ParameterizedTest(name = "P-{0}")
    @ValueSource(strings = {"256", "384", "521"})
    void read_pkcs8EcKeyWithoutPublicPoint_derivesOpensslsPublicKey(String bits) {
        ECPublicKey derived = (ECPublicKey) key("ec" + bits + ".pkcs8-nopub.pem").publicKey();
        ECPublicKey fromOpenssl = (ECPublicKey) key("ec" + bits + ".pub.pem").publicKey();
        assertThat(derived.getW()).isEqualTo(fromOpenssl.getW());
        assertThat(derived.getEncoded()).isEqualTo(fromOpenssl.getEncoded());
    }

    @Test
    void read_ed25519PrivateSeed_derivesThePublicKeyInThePublicFile() {
        JwsKey priv = key("ed25519.pkcs8.pem");
        JwsKey pub = key("ed25519.pub.pem");
        assertThat(priv.publicKey().getEncoded()).isEqualTo(pub.publicKey().getEncoded());
        assertThat(Jwk.thumbprint(priv)).isEqualTo(Jwk.thumbprint(pub));
    }

    @Test
    void ed25519PublicKey_rfc8032Test1_matchesTheRfc() {
        // RFC 8032 §7.1 TEST 1
        byte[] seed = hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(EllipticMath.ed25519PublicKey(seed))
                .isEqualTo(hex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"));
    }

    @Test
    void read_keysInOneFile_returnsEach() {
        byte[] both = (new String(keyBytes("ec256.pub.pem"), StandardCharsets.US_ASCII)
                + new String(keyBytes("ed25519.pub.pem"), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        List<JwsKey> keys = KeyReader.read(both, "two.pem");
        assertThat(keys).extracting(JwsKey::type).containsExactly(JwsKey.Type.EC, JwsKey.Type.OKP);
    }

    @Test
    void read_jwkAndJwks_load() {
        JwsKey ec = key("ec256.sec1.pem");
        String jwk = dev.apitool.core.json.Json.compact(Jwk.toJson(ec.withKid("k1"), true));
        List<JwsKey> one = KeyReader.read(jwk.getBytes(StandardCharsets.UTF_8), "k.jwk");
        assertThat(one).singleElement().satisfies(k -> {
            assertThat(k.kid()).isEqualTo("k1");
            assertThat(k.privateKey()).isNotNull();
            assertThat(k.publicKey().getEncoded()).isEqualTo(ec.publicKey().getEncoded());
        });
        String set = "{\"keys\":[" + jwk + ",{\"kty\":\"RSA\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]}";
        assertThat(KeyReader.read(set.getBytes(StandardCharsets.UTF_8), "jwks.json"))
                .as("encryption keys are passed over").extracting(JwsKey::kid).containsExactly("k1");
    }

    // --- errors: each an InputException naming the file

    @Test
    void read_encryptedKey_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> KeyReader.read(keyBytes("ec256.encrypted.pem"), "ec256.encrypted.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("ec256.encrypted.pem:1:")
                .hasMessageContaining("encrypted");
    }

    @Test
    void read_encryptedTraditionalPem_isRefusedNamingTheFile() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n"
                + "-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> KeyReader.read(pem.getBytes(StandardCharsets.US_ASCII), "old.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("old.pem:2:")
                .hasMessageContaining("encrypted");
    }

    @Test
    void read_garbage_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> KeyReader.read("hello, world\n".getBytes(StandardCharsets.UTF_8), "garbage.txt"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("garbage.txt:")
                .hasMessageContaining("not a key file");
    }

    @Test
    void read_emptyFile_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> KeyReader.read(new byte[0], "empty.pem"))
                .isInstanceOf(InputException.class).hasMessageStartingWith("empty.pem:");
    }

    @Test
    void read_truncatedBase64_isRefusedNamingTheFileAndLine() {
        String pem = new String(keyBytes("rsa2048.pkcs8.pem"), StandardCharsets.US_ASCII);
        String[] lines = pem.split("\n");
        // drop a body line and one character: the base64 is no longer whole
        StringBuilder cut = new StringBuilder("\n").append(lines[0]).append('\n');
        for (int i = 1; i < lines.length - 1; i++) {
            if (i != 5) {
                cut.append(i == 6 ? lines[i].substring(1) : lines[i]).append('\n');
            }
        }
        cut.append(lines[lines.length - 1]).append('\n');
        assertThatThrownBy(() -> KeyReader.read(cut.toString().getBytes(StandardCharsets.US_ASCII), "cut.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cut.pem:2:");
    }

    @Test
    void read_truncatedDer_isRefusedNamingTheFile() {
        // whole base64, but the DER inside stops early
        String body = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(
                java.util.Base64.getMimeDecoder().decode(new String(keyBytes("ec256.pkcs8.pem"), StandardCharsets.US_ASCII)
                        .replaceAll("-----[A-Z ]+-----", "")), 60));
        String pem = "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> KeyReader.read(pem.getBytes(StandardCharsets.US_ASCII), "short.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("short.pem:1:")
                .hasMessageContaining("malformed PRIVATE KEY");
    }

    @Test
    void read_missingEndLine_isRefusedNamingTheFile() {
        String pem = new String(keyBytes("ec256.pub.pem"), StandardCharsets.US_ASCII).replace("-----END PUBLIC KEY-----", "");
        assertThatThrownBy(() -> KeyReader.read(pem.getBytes(StandardCharsets.US_ASCII), "noend.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("noend.pem:1:")
                .hasMessageContaining("no matching");
    }

    @Test
    void read_unknownPemLabel_isRefusedNamingTheFileAndLabel() {
        String pem = "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
        assertThatThrownBy(() -> KeyReader.read(pem.getBytes(StandardCharsets.US_ASCII), "id_ed25519"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("id_ed25519:1:")
                .hasMessageContaining("\"OPENSSH PRIVATE KEY\" is not a key");
    }

    @Test
    void read_binaryDer_isRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path der = dir.resolve("ec256.pkcs8.der");
        Files.write(der, keyBytes("ec256.pkcs8.der"));
        assertThatThrownBy(() -> KeyReader.read(Files.readAllBytes(der), der.toString()))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(der.toString())
                .hasMessageContaining("binary DER");
    }

    @Test
    void read_malformedJwk_isRefusedNamingTheFile() {
        assertThatThrownBy(() -> KeyReader.read("{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}"
                .getBytes(StandardCharsets.UTF_8), "bad.jwk"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.jwk:")
                .hasMessageContaining("\"x\" must be 32 bytes");
        assertThatThrownBy(() -> KeyReader.read("{\"kty\":\"oct\",\"k\":\"\"}".getBytes(StandardCharsets.UTF_8), "empty.jwk"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("empty.jwk:");
        assertThatThrownBy(() -> KeyReader.read("{\"kty\":\"RSA\",\"n\":\"AQAB\"".getBytes(StandardCharsets.UTF_8), "cut.jwk"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cut.jwk:");
    }

    @Test
    void secret_pemPublicKey_isRefusedAsAlgorithmConfusion() {
        assertThatThrownBy(() -> KeyReader.secret(keyBytes("rsa2048.pub.pem"), "rsa2048.pub.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("rsa2048.pub.pem:")
                .hasMessageContaining("algorithm-confusion");
    }

    @Test
    void secret_pemAfterAPreamble_isStillRefused() {
        byte[] withBagAttributes = ("Bag Attributes\n    friendlyName: server\nsubject=/CN=apitool test only\n"
                + "issuer=/CN=apitool test only\n" + new String(keyBytes("rsa2048.cert.pem"), StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> KeyReader.secret(withBagAttributes, "cert.pem"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("algorithm-confusion");
    }

    @Test
    void secret_jwk_isRefused() {
        assertThatThrownBy(() -> KeyReader.secret("{\"kty\":\"oct\",\"k\":\"AAAA\"}".getBytes(StandardCharsets.UTF_8), "k.jwk"))
                .isInstanceOf(InputException.class).hasMessageContaining("JWK");
    }

    /** A public key or certificate given as DER bytes ({@code --secret b64:…}) is as much a confusion attack as PEM. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rsa2048.pub.pem", "ec256.pub.pem", "ed25519.pub.pem", "rsa2048.cert.pem", "ec256.pkcs8.pem"})
    void secret_derKeyOrCertificate_isRefusedAsConfusion(String file) {
        String pem = new String(keyBytes(file), StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = java.util.Base64.getDecoder().decode(body);
        assertThatThrownBy(() -> KeyReader.secret(der, "--secret (base64)")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("--secret (base64): this is a DER ").hasMessageContaining("algorithm-confusion");
        assertThat(KeyReader.secret(java.util.Arrays.copyOf(der, 40), "--secret").type()).isEqualTo(JwsKey.Type.OCT);
    }

    @Test
    void secret_empty_isRefused() {
        assertThatThrownBy(() -> KeyReader.secret(new byte[0], "--secret"))
                .isInstanceOf(InputException.class).hasMessageContaining("empty");
    }

    @Test
    void secret_rawBytes_isAnOctKeyAllowingOnlyHmac() {
        JwsKey k = KeyReader.secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "--secret");
        assertThat(k.type()).isEqualTo(JwsKey.Type.OCT);
        assertThat(k.allowedAlgorithms()).containsExactlyInAnyOrder(JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);
        assertThat(k.bits()).isEqualTo(256);
    }

    static byte[] hex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
