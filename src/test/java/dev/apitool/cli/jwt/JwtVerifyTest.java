package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.jwt.Jws.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apitool jwt verify} end to end on tokens apitool signed: where the token comes from,
 * the policy flags, {@code --at}, {@code --jws} and JSON output. Hostile tokens and bad keys are
 * in {@link JwtVerifyRefusalsTest}.
 */
class JwtVerifyTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of("jwt", "verify");
    }

    // --- where the token comes from ----------------------------------------------------------

    @Test
    void tokenAsArgument_printsThePayloadAsJson() {
        String token = sign("{\"user_id\": 42}", "--sub", "alice");
        CommandResult r = cli.run("jwt", "verify", token, "--secret", SECRET);
        assertThat(r).succeeded().errIsEmpty().neverPrints(SECRET);
        assertThat(Jws.json(r.out())).isEqualTo(Jws.payload(token));
        assertThat(r.out()).contains("  \"user_id\": 42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "\r\n"})
    void tokenOnStdin_oneLineEndingIsTolerated(String ending) {
        String token = sign("--sub", "alice");
        assertThat(cli.stdin(token + ending).run("jwt", "verify", "--secret", SECRET)).succeeded().outContains("alice");
        assertThat(cli.stdin(token + ending).run("jwt", "verify", "-", "--secret", SECRET)).succeeded();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n\n", " ", " \n", "\t", "\u00a0"})
    void tokenOnStdin_anythingMoreAroundIt_isMalformed(String extra) {
        String token = sign();
        assertThat(cli.stdin(token + extra).run("jwt", "verify", "--secret", SECRET)).rejectedToken("malformed").outIsEmpty();
        assertThat(cli.stdin(extra + token).run("jwt", "verify", "--secret", SECRET)).rejectedToken("malformed");
    }

    @Test
    void tokenWithAnInnerSpace_isMalformed() {
        String token = sign();
        String spaced = token.substring(0, 10) + " " + token.substring(10);
        assertThat(cli.stdin(spaced + "\n").run("jwt", "verify", "--secret", SECRET)).rejectedToken("malformed", "whitespace");
        assertThat(cli.run("jwt", "verify", spaced, "--secret", SECRET)).rejectedToken("malformed");
    }

    @Test
    void emptyStdin_isMalformed() {
        assertThat(cli.run("jwt", "verify", "--secret", SECRET)).rejectedToken("the token is empty");
    }

    @Test
    void stdinTwice_exits2() {
        assertThat(cli.stdin(SECRET).run("jwt", "verify", "-", "--secret", "-")).exitedWith(2)
                .failedWithOneLineError("already used");
    }

    // --- policy flags ------------------------------------------------------------------------

    @Test
    void alg_narrowsTheAlgorithmsTheKeyAllows() {
        String token = sign();
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--alg", "HS256")).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--alg", "HS384", "--alg", "HS256")).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--alg", "HS384"))
                .rejectedToken("algorithm HS256 not allowed", "--alg allows only HS384");
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--alg", "none")).exitedWith(2)
                .failedWithOneLineError("--alg");
    }

    @Test
    void expired_failsWithoutLeeway_passesWithEnough() {
        String token = sign("--exp", "15m");
        Cli later = cli.later(Duration.ofMinutes(15).plusSeconds(30));
        assertThat(later.run("jwt", "verify", token, "--secret", SECRET)).rejectedToken("expired 30s ago").outIsEmpty();
        assertThat(later.run("jwt", "verify", token, "--secret", SECRET, "--leeway", "29s")).rejectedToken("expired");
        assertThat(later.run("jwt", "verify", token, "--secret", SECRET, "--leeway", "1m")).succeeded();
        assertThat(cli.later(Duration.ofMinutes(15)).run("jwt", "verify", token, "--secret", SECRET))
                .as("exp is the first instant the token is invalid").rejectedToken("expired");
        assertThat(cli.later(Duration.ofMinutes(15).minusSeconds(1)).run("jwt", "verify", token, "--secret", SECRET)).succeeded();
    }

    @Test
    void notYetValid_andIssuedInTheFuture_respectLeeway() {
        String nbf = sign("--nbf", "2m");
        assertThat(cli.run("jwt", "verify", nbf, "--secret", SECRET)).rejectedToken("not valid until", "in 2m");
        assertThat(cli.run("jwt", "verify", nbf, "--secret", SECRET, "--leeway", "2m")).succeeded();
        String future = sign("--iat", "1m");
        assertThat(cli.run("jwt", "verify", future, "--secret", SECRET)).rejectedToken("issued in the future");
        assertThat(cli.run("jwt", "verify", future, "--secret", SECRET, "--leeway", "90s")).succeeded();
    }

    @Test
    void leeway_unreadable_exits2() {
        assertThat(cli.run("jwt", "verify", sign(), "--secret", SECRET, "--leeway", "a while")).exitedWith(2)
                .failedWithOneLineError("--leeway");
    }

    @Test
    void claimChecks_pass_whenTheyMatch() {
        String token = sign("--iss", "https://issuer", "--sub", "alice", "--aud", "api", "--aud", "web", "--claim", "scope=read");
        assertThat(cli.later(Duration.ofMinutes(4)).run("jwt", "verify", token, "--secret", SECRET, "--iss", "https://issuer",
                "--sub", "alice", "--aud", "other", "--aud", "web", "--require", "scope", "--max-age", "5m")).succeeded();
    }

    @Test
    void claimChecks_everyFailureIsReportedTogetherOnOneLine() {
        String token = sign("--iss", "https://evil", "--sub", "mallory", "--aud", "web");
        CommandResult r = cli.later(Duration.ofHours(2)).run("jwt", "verify", token, "--secret", SECRET,
                "--iss", "https://issuer", "--sub", "alice", "--aud", "api", "--require", "scope", "--max-age", "1h");
        assertThat(r).rejectedToken("issuer \"https://evil\" is not \"https://issuer\"", "subject \"mallory\" is not \"alice\"",
                "audience \"web\" not in [\"api\"]", "missing required claim \"scope\"", "too old", "--max-age is 1h").outIsEmpty();
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void claimChecks_missingClaimsAreNamed() {
        String bare = sign("--no-iat");
        assertThat(cli.run("jwt", "verify", bare, "--secret", SECRET, "--iss", "i", "--sub", "s", "--aud", "a", "--max-age", "1m"))
                .rejectedToken("missing claim \"iss\"", "missing claim \"sub\"", "missing claim \"aud\"", "missing claim \"iat\"");
    }

    @Test
    void at_verifiesAnOldTokenAsOfItsTime() {
        Instant issued = Instant.parse("2020-01-01T00:00:00Z");
        String old = sign(cli.at(issued), "--sub", "alice", "--exp", "15m");
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET)).rejectedToken("expired");
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET, "--at", "2020-01-01T00:05:00Z")).succeeded().outContains("alice");
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET, "--at", "@" + (issued.getEpochSecond() + 60))).succeeded();
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET, "--at", "2020-01-01T00:15:00Z")).rejectedToken("expired");
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET, "--at", "2019-12-31T23:59:00Z"))
                .rejectedToken("issued in the future");
        assertThat(cli.run("jwt", "verify", old, "--secret", SECRET, "--at", "yesterday-ish")).exitedWith(2)
                .failedWithOneLineError("--at", "invalid time");
    }

    @Test
    void jws_verifiesTheSignatureOnly_andPrintsAnyPayloadAsIs() {
        String text = Jws.hs256("hello, world: not JSON");
        assertThat(cli.run("jwt", "verify", text, "--secret", SECRET))
                .rejectedToken("not a JWT claims set", "--jws");
        CommandResult r = cli.run("jwt", "verify", "--jws", text, "--secret", SECRET);
        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out()).isEqualTo("hello, world: not JSON\n");

        String expired = sign("--exp", "1s");
        assertThat(cli.later(Duration.ofHours(1)).run("jwt", "verify", "--jws", expired, "--secret", SECRET))
                .as("--jws checks no claims").succeeded();
        assertThat(cli.run("jwt", "verify", "--jws", Jws.hs256("tampered") + "A", "--secret", SECRET)).exitedWith(1);
    }

    @Test
    void headerBorneKeys_areIgnoredWithAWarning() {
        String token = Jws.hmac("{\"alg\":\"HS256\",\"jku\":\"https://evil/jwks\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AA\"}}",
                "{\"sub\":\"a\"}", SECRET);
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET)).succeeded()
                .errContains("apitool: warning: header \"jku\" ignored", "header \"jwk\" ignored");
        assertThat(cli.run("jwt", "verify", token, "--secret", "another-secret-of-32-bytes-or-more!!")).rejectedToken("signature");
    }

    @Test
    void kid_selectsTheKeyFromAJwks() {
        String jwks = cli.file("keys.json", JwtSignKeysTest.JWKS);
        String one = sign("--key", jwks, "--kid", "one");
        String two = sign("--key", jwks, "--kid", "two");
        CommandResult r = cli.run("--output", "json", "jwt", "verify", two, "--key", jwks);
        assertThat(r).succeeded();
        assertThat(Jws.json(r.out()).path("kid").asText()).isEqualTo("two");
        assertThat(cli.run("jwt", "verify", one, "--key", jwks)).succeeded();
        String unknown = Jws.hmac("{\"alg\":\"HS256\",\"kid\":\"three\"}", "{}", "first-secret-first-secret-first-se");
        assertThat(cli.run("jwt", "verify", unknown, "--key", jwks)).rejectedToken("no key has kid \"three\"", "\"one\", \"two\"");
    }

    @Test
    void severalKeyFlags_anyOfThemMayMatch() {
        String token = sign("--key", cli.key("ec256.pkcs8.pem"));
        assertThat(cli.run("jwt", "verify", token, "--key", cli.key("rsa2048.pub.pem"), "--key", cli.key("ec256.pub.pem")))
                .succeeded();
        assertThat(cli.run("jwt", "verify", token, "--key", cli.key("ec384.pub.pem"), "--key", cli.key("rsa2048.pub.pem")))
                .rejectedToken("algorithm ES256 not allowed");
    }

    // --- --output json -------------------------------------------------------------------------

    @Test
    void outputJson_valid_matchesTheSchema() {
        String token = sign("{\"user_id\": 42}", "--kid", "k1", "--exp", "15m");
        CommandResult r = cli.run("--output", "json", "jwt", "verify", token, "--secret", SECRET);
        assertThat(r).succeeded().errIsEmpty().neverPrints(SECRET);
        JsonSchemas.assertValid("jwt-verify", r.out());
        JsonNode doc = Jws.json(r.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("valid").asBoolean()).isTrue();
        assertThat(doc.path("header")).isEqualTo(Jws.header(token));
        assertThat(doc.path("payload")).isEqualTo(Jws.payload(token));
        assertThat(doc.path("errors").isArray()).isTrue();
        assertThat(doc.path("errors").size()).isZero();
        assertThat(doc.has("kid")).as("the secret has no kid of its own").isFalse();
    }

    @Test
    void outputJson_invalid_listsEveryErrorWithCodeAndMessage_andExits1() {
        String token = sign("--iss", "https://evil", "--exp", "1m");
        CommandResult r = cli.later(Duration.ofHours(1)).run("--output", "json", "jwt", "verify", token, "--secret", SECRET,
                "--iss", "https://issuer", "--require", "scope");
        assertThat(r).rejectedToken("expired");
        JsonSchemas.assertValid("jwt-verify", r.out());
        JsonNode doc = Jws.json(r.out());
        assertThat(doc.path("valid").asBoolean()).isFalse();
        List<String> codes = new ArrayList<>();
        doc.path("errors").forEach(e -> codes.add(e.path("code").asText()));
        assertThat(codes).containsExactly("expired", "issuer", "missing_claim");
        doc.path("errors").forEach(e -> assertThat(e.path("message").asText()).isNotBlank());
    }

    @Test
    void outputJson_malformed_hasNullHeaderAndPayload() {
        CommandResult r = cli.run("--output", "json", "jwt", "verify", "not.a-token", "--secret", SECRET);
        assertThat(r).rejectedToken("malformed");
        JsonSchemas.assertValid("jwt-verify", r.out());
        JsonNode doc = Jws.json(r.out());
        assertThat(doc.path("header").isNull()).isTrue();
        assertThat(doc.path("payload").isNull()).isTrue();
        assertThat(doc.path("errors").get(0).path("code").asText()).isEqualTo("malformed");
    }

    @Test
    void outputJson_jws_payloadIsText() {
        CommandResult r = cli.run("--output", "json", "jwt", "verify", "--jws", Jws.hs256("plain text"), "--secret", SECRET);
        assertThat(r).succeeded();
        JsonSchemas.assertValid("jwt-verify", r.out());
        assertThat(Jws.json(r.out()).path("payload").asText()).isEqualTo("plain text");
    }

    @Test
    void outputJson_warningsAreListed() {
        String weak = Jws.hmac("{\"alg\":\"HS256\"}", "{}", "short");
        CommandResult r = cli.run("--output", "json", "jwt", "verify", weak, "--secret", "short", "--allow-weak-key");
        assertThat(r).succeeded().errContains("apitool: warning: weak key");
        JsonSchemas.assertValid("jwt-verify", r.out());
        assertThat(Jws.json(r.out()).path("warnings").get(0).asText()).contains("weak key");
    }

    // --- helpers -------------------------------------------------------------------------------

    private String sign(String... args) {
        return sign(cli, args);
    }

    /** Signs {@code ARGS} with {@link Jws#SECRET} (unless ARGS name a key) at the runner's clock. */
    static String sign(Cli runner, String... args) {
        List<String> a = new ArrayList<>(List.of("jwt", "sign"));
        a.addAll(List.of(args));
        if (a.stream().noneMatch(s -> s.equals("--secret") || s.equals("--key"))) {
            a.add("--secret");
            a.add(SECRET);
        }
        CommandResult r = runner.run(a.toArray(String[]::new));
        assertThat(r).succeeded().errIsEmpty();
        return r.outLine();
    }
}
