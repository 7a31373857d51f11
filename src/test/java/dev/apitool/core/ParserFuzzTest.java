package dev.apitool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.CompactJws;
import dev.apitool.core.jwt.Jwk;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtIssuer;
import dev.apitool.core.jwt.JwtVerifier;
import dev.apitool.core.jwt.KeyGen;
import dev.apitool.core.jwt.KeyReader;
import dev.apitool.core.time.Durations;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded fuzzing of every parser that reads user input: whatever the bytes, a parser either
 * accepts them or fails with its declared, user-facing exception; the verifier always returns a
 * verdict. A failure prints its seed; rerun one case with that seed to reproduce it.
 */
class ParserFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    private static String token;
    private static JwsKey ecKey;
    private static String pem;
    private static String jwk;

    @BeforeAll
    static void seeds() {
        SecureRandom random = new SecureRandom(new byte[] {1});
        ecKey = KeyGen.generate(JwsAlgorithm.ES256, 2048, random);
        pem = KeyGen.pem(ecKey, true) + KeyGen.pem(ecKey, false);
        jwk = Json.pretty(Jwk.toSet(ecKey, true));
        JwtIssuer.Spec spec = JwtIssuer.Spec.builder().subject("alice").issuer("iss").audiences(List.of("api")).exp("15m")
                .claims(List.of("n:=[1,2.50,{\"a\":null}]")).build();
        token = JwtIssuer.issue(spec, ecKey, CLOCK).token();
    }

    static Stream<Long> seeds200() {
        return LongStream.range(0, 200).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void verifier_anyMutatedToken_returnsAVerdictAndNeverAccepts(long seed) {
        String mutated = mutate(token, new Random(seed));
        try {
            CompactJws.parse(mutated);
        } catch (CompactJws.MalformedException expected) {
            // fine: a declared failure
        } catch (RuntimeException e) {
            fail("seed " + seed + ": CompactJws.parse threw " + e + " on " + mutated, e);
        }
        JwtVerifier.Result r;
        try {
            r = new JwtVerifier(List.of(ecKey), JwtVerifier.Policy.defaults(), CLOCK).verify(mutated);
        } catch (RuntimeException e) {
            throw new AssertionError("seed " + seed + ": verify threw " + e + " on " + mutated, e);
        }
        if (!mutated.equals(token)) {
            assertThat(r.valid()).as("seed %d: a mutated token verified: %s", seed, mutated).isFalse();
            assertThat(r.errors()).as("seed %d", seed).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void keyReader_anyMutatedPemOrJwk_loadsOrFailsWithInputException(long seed) {
        Random random = new Random(seed);
        String source = random.nextBoolean() ? pem : jwk;
        String mutated = mutate(source, random);
        try {
            List<JwsKey> keys = KeyReader.read(mutated.getBytes(StandardCharsets.UTF_8), "fuzz.key");
            assertThat(keys).as("seed %d", seed).isNotEmpty();
        } catch (InputException expected) {
            assertThat(expected.getMessage()).as("seed %d: message names the file", seed).contains("fuzz.key");
        } catch (RuntimeException e) {
            fail("seed " + seed + ": KeyReader threw " + e + " on:\n" + mutated, e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void json_anyMutatedDocument_parsesOrFailsWithInputException(long seed) {
        String mutated = mutate(jwk, new Random(seed));
        try {
            Json.parse(mutated.getBytes(StandardCharsets.UTF_8), "fuzz.json");
        } catch (InputException expected) {
            assertThat(expected.getMessage()).as("seed %d", seed).startsWith("fuzz.json: ");
        } catch (RuntimeException e) {
            fail("seed " + seed + ": Json.parse threw " + e + " on:\n" + mutated, e);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void durations_anyString_parsesOrFailsWithIllegalArgument(long seed) {
        Random random = new Random(seed);
        String alphabet = "0123456789dhmsun +-.";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(8); i >= 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try {
            var d = Durations.parse(s.toString());
            assertThat(d.isNegative()).as("seed %d: %s", seed, s).isFalse();
            assertThat(Durations.parse(Durations.format(d)).compareTo(d)).as("seed %d: format loses at most the finer parts", seed).isLessThanOrEqualTo(0);
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).as("seed %d", seed).contains("duration");
        } catch (RuntimeException e) {
            fail("seed " + seed + ": Durations.parse threw " + e + " on '" + s + "'", e);
        }
    }

    /** Returns {@code s} with 1 to 4 random edits: flip, insert, delete, duplicate or truncate. */
    static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        String noise = "AZaz09-_.=+/ \n\t{}[]\":,\u00e9\u0000";
        for (int edits = 1 + random.nextInt(4); edits > 0 && b.length() > 0; edits--) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(5)) {
                case 0: b.setCharAt(at, noise.charAt(random.nextInt(noise.length()))); break;
                case 1: b.insert(at, noise.charAt(random.nextInt(noise.length()))); break;
                case 2: b.deleteCharAt(at); break;
                case 3: b.insert(at, b.substring(at, Math.min(b.length(), at + 1 + random.nextInt(8)))); break;
                default: b.setLength(at); break;
            }
        }
        return b.toString();
    }
}
