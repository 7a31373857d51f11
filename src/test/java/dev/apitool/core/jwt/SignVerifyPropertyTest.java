package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random sign/verify round trips for every algorithm: a random claims set signs and
 * verifies to the same claims, and any one changed character makes verification fail. A failing
 * case names its seed; rerun it by putting the seed into {@link #cases()}.
 */
class SignVerifyPropertyTest {

    private static final int SEEDS_PER_ALGORITHM = 40;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Claims the issuer or the verifier give meaning to; random members never take these names. */
    private static final java.util.Set<String> REGISTERED = java.util.Set.of("iat", "exp", "nbf", "iss", "sub", "aud", "jti");

    private static final Map<JwsAlgorithm, JwsKey> KEYS = new EnumMap<>(JwsAlgorithm.class);

    @BeforeAll
    static void generateKeys() {
        SecureRandom random = new SecureRandom();
        for (JwsAlgorithm alg : JwsAlgorithm.values()) {
            KEYS.put(alg, KeyGen.generate(alg, 2048, random));
        }
    }

    static Stream<Arguments> cases() {
        Random master = new Random(20260101L);
        return Stream.of(JwsAlgorithm.values())
                .flatMap(alg -> Stream.generate(master::nextLong).limit(SEEDS_PER_ALGORITHM).map(seed -> Arguments.of(alg, seed)));
    }

    @ParameterizedTest(name = "{0} seed={1}")
    @MethodSource("cases")
    void signThenVerify_randomClaims_roundTripsAndAnyChangedCharacterFails(JwsAlgorithm alg, long seed) {
        Random random = new Random(seed);
        JwsKey key = KEYS.get(alg);
        ObjectNode payload = randomObject(random, 0);
        JwtIssuer.Spec spec = JwtIssuer.Spec.builder().payload(payload).noIat(true).alg(alg).build();
        JwtIssuer.Issued issued = JwtIssuer.issue(spec, key, Fixtures.clock());
        JwtVerifier verifier = new JwtVerifier(List.of(key), JwtVerifier.Policy.defaults(), Fixtures.clock());

        JwtVerifier.Result ok = verifier.verify(issued.token());
        assertThat(ok.valid()).as("seed %d %s: %s", seed, alg, ok.message()).isTrue();
        assertThat(ok.claims()).as("seed %d %s: claims", seed, alg).isEqualTo(payload);
        assertThat(Json.compact(ok.claims())).as("seed %d %s: claims text", seed, alg).isEqualTo(Json.compact(payload));

        String tampered = random.nextBoolean() ? changeOneCharacter(issued.token(), random) : flipOneByte(issued.token(), random);
        assertThat(tampered).isNotEqualTo(issued.token());
        JwtVerifier.Result bad = verifier.verify(tampered);
        assertThat(bad.valid()).as("seed %d %s: tampered token %s verified", seed, alg, tampered).isFalse();
    }

    /** Replaces one base64url character of a random segment with a different base64url character. */
    private static String changeOneCharacter(String token, Random random) {
        String[] parts = token.split("\\.", -1);
        int segment = random.nextInt(3);
        if (parts[segment].isEmpty()) {
            segment = 2;
        }
        char[] chars = parts[segment].toCharArray();
        int at = random.nextInt(10) == 0 ? chars.length - 1 : random.nextInt(chars.length);
        char replacement;
        do {
            replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        } while (replacement == chars[at]);
        chars[at] = replacement;
        parts[segment] = new String(chars);
        return String.join(".", parts);
    }

    /** Flips one random bit of one random character of the token, whatever character results. */
    private static String flipOneByte(String token, Random random) {
        char[] chars = token.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
        return new String(chars);
    }

    private static ObjectNode randomObject(Random random, int depth) {
        ObjectNode o = NODES.objectNode();
        int members = random.nextInt(depth == 0 ? 8 : 4) + (depth == 0 ? 1 : 0);
        for (int i = 0; i < members; i++) {
            String name = randomString(random, 1 + random.nextInt(8));
            if (!REGISTERED.contains(name)) {
                o.set(name, randomValue(random, depth + 1));
            }
        }
        return o;
    }

    private static JsonNode randomValue(Random random, int depth) {
        int kind = random.nextInt(depth >= 4 ? 7 : 9);
        switch (kind) {
            case 0: return NODES.textNode(randomString(random, random.nextInt(20)));
            case 1: return NODES.numberNode(random.nextInt());
            case 2: return NODES.numberNode(random.nextLong() | (1L << 40));
            case 3: return NODES.numberNode(new BigInteger(96, random).add(BigInteger.valueOf(Long.MAX_VALUE)));
            case 4: return NODES.numberNode(BigDecimal.valueOf(random.nextInt(), random.nextInt(12)).add(new BigDecimal("0.5")));
            case 5: return NODES.booleanNode(random.nextBoolean());
            case 6: return NODES.nullNode();
            case 7: {
                ArrayNode a = NODES.arrayNode();
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(random, depth + 1));
                }
                return a;
            }
            default: return randomObject(random, depth);
        }
    }

    /** Returns text mixing ASCII, JSON's special characters, control characters, accents and emoji. */
    private static String randomString(Random random, int length) {
        String specials = "\"\\/\b\f\n\r\t\u0000\u001f\u007f";
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0: s.append(specials.charAt(random.nextInt(specials.length()))); break;
                case 1: s.appendCodePoint(0xe0 + random.nextInt(0x100)); break;
                case 2: s.appendCodePoint(0x1f600 + random.nextInt(0x50)); break;
                default: s.append((char) (' ' + random.nextInt(95))); break;
            }
        }
        return s.toString();
    }
}
