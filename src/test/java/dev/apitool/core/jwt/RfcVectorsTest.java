package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published examples of RFC 7515, RFC 7520, RFC 8037 and kin, one JSON file each under
 * {@code src/test/resources/vectors/}: {@code source}, {@code alg}, {@code token}, {@code jwk},
 * {@code payload} (the payload as text) and optionally {@code verifyAt} (epoch seconds; without it
 * the token is verified as a bare JWS, its payload not read as claims).
 */
class RfcVectorsTest {

    record Vector(String file, String source, JwsAlgorithm alg, String token, byte[] jwk, byte[] payload, Long verifyAt) {}

    static Stream<Arguments> vectors() throws IOException, URISyntaxException {
        URL dir = RfcVectorsTest.class.getResource("/vectors");
        assertThat(dir).as("src/test/resources/vectors is on the test class path").isNotNull();
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).as("vector files").isNotEmpty();
        return files.stream().map(RfcVectorsTest::load).map(v -> Arguments.of(Named.of(v.file() + " (" + v.alg() + ")", v)));
    }

    private static Vector load(Path file) {
        try {
            String name = file.getFileName().toString();
            ObjectNode o = Json.parseObject(Files.readAllBytes(file), name);
            JwsAlgorithm alg = JwsAlgorithm.byName(o.path("alg").asText());
            assertThat(alg).as("%s: alg %s", name, o.path("alg")).isNotNull();
            JsonNode jwk = o.get("jwk");
            byte[] jwkBytes = (jwk.isTextual() ? jwk.asText() : Json.compact(jwk)).getBytes(StandardCharsets.UTF_8);
            JsonNode payload = o.get("payload");
            byte[] payloadBytes = (payload.isTextual() ? payload.asText() : Json.compact(payload)).getBytes(StandardCharsets.UTF_8);
            Long verifyAt = o.hasNonNull("verifyAt") ? o.get("verifyAt").asLong() : null;
            return new Vector(name, o.path("source").asText(), alg, o.path("token").asText(), jwkBytes, payloadBytes, verifyAt);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JwtVerifier verifier(Vector v, java.util.Set<JwsAlgorithm> algorithms) {
        List<JwsKey> keys = KeyReader.read(v.jwk(), v.file() + ": jwk");
        boolean jwsOnly = v.verifyAt() == null;
        Clock clock = Clock.fixed(jwsOnly ? Fixtures.NOW : Instant.ofEpochSecond(v.verifyAt()), ZoneOffset.UTC);
        JwtVerifier.Policy policy = new JwtVerifier.Policy(algorithms, Duration.ZERO, null, List.of(), null, List.of(),
                null, jwsOnly, false);
        return new JwtVerifier(keys, policy, clock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verify_publishedExample_isValidWithThePublishedPayload(Vector v) {
        JwtVerifier.Result r = verifier(v, EnumSet.noneOf(JwsAlgorithm.class)).verify(v.token());

        assertThat(r.valid()).as("%s (%s): %s", v.file(), v.source(), r.message()).isTrue();
        assertThat(r.payload()).as("%s payload", v.file()).isEqualTo(v.payload());
        assertThat(r.header().get("alg").asText()).isEqualTo(v.alg().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verify_policyAllowingOnlyAnotherAlgorithm_isAlgNotAllowed(Vector v) {
        JwsAlgorithm other = v.alg() == JwsAlgorithm.HS256 ? JwsAlgorithm.HS384 : JwsAlgorithm.HS256;
        for (JwsAlgorithm candidate : JwsAlgorithm.values()) {
            // prefer a sibling the key itself would allow, so it is the policy that refuses
            if (candidate != v.alg() && candidate.family() == v.alg().family()) {
                other = candidate;
                break;
            }
        }
        JwtVerifier.Result r = verifier(v, EnumSet.of(other)).verify(v.token());

        assertThat(r.valid()).as("%s verified under a policy allowing only %s", v.file(), other).isFalse();
        assertThat(r.errors()).extracting(JwtVerifier.Problem::code).containsExactly("alg_not_allowed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void verify_publishedExampleWithAnotherSignature_fails(Vector v) {
        String token = v.token();
        int dot = token.lastIndexOf('.');
        byte[] sig = Base64Url.decode(token.substring(dot + 1));
        sig[0] ^= 0x01;
        JwtVerifier.Result r = verifier(v, EnumSet.noneOf(JwsAlgorithm.class)).verify(token.substring(0, dot + 1) + Base64Url.encode(sig));
        assertThat(r.valid()).isFalse();
    }

    /** Returns the vectors whose signature is a function of key and input (ECDSA and PSS are randomised) and whose key is private. */
    static Stream<Arguments> deterministicVectors() throws IOException, URISyntaxException {
        return vectors().filter(a -> {
            Vector v = (Vector) ((Named<?>) a.get()[0]).getPayload();
            JwsAlgorithm.Family f = v.alg().family();
            return (f == JwsAlgorithm.Family.HMAC || f == JwsAlgorithm.Family.RSA || f == JwsAlgorithm.Family.EDDSA)
                    && KeyReader.read(v.jwk(), v.file()).get(0).signingKey() != null;
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deterministicVectors")
    void sign_deterministicAlgorithmWithThePublishedKey_reproducesThePublishedSignature(Vector v) {
        JwsKey key = KeyReader.read(v.jwk(), v.file()).get(0);
        int dot = v.token().lastIndexOf('.');
        byte[] sig = Signatures.sign(v.alg(), key.signingKey(), v.token().substring(0, dot).getBytes(StandardCharsets.US_ASCII));
        assertThat(Base64Url.encode(sig)).isEqualTo(v.token().substring(dot + 1));
    }
}
