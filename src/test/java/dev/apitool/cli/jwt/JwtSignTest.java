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

/** {@code apitool jwt sign} end to end: the payload sources, every claim and header flag, {@code --from}, and JSON output. */
class JwtSignTest extends AbstractHelpTest {

    static final String SEED_SECRET = "super-secret-key-do-not-share";
    static final String SEED_PAYLOAD = "{\"user_id\": 42, \"role\": \"admin\"}";
    /** The seed scenario's token, computed once by hand (HMAC-SHA256 over the compact header and payload). */
    static final String SEED_TOKEN = Jws.hmac("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"user_id\":42,\"role\":\"admin\"}", SEED_SECRET);

    @Override
    protected List<String> command() {
        return List.of("jwt", "sign");
    }

    // --- the seed scenario ------------------------------------------------------------------

    @Test
    void seed_weakSecretWithAllowWeakKey_signsAndWarns() {
        CommandResult r = cli.run("jwt", "sign", SEED_PAYLOAD, "--alg", "HS256", "--no-iat",
                "--secret", SEED_SECRET, "--allow-weak-key");
        assertThat(r).succeeded().errContains("apitool: warning: weak key", "29 bytes", "HS256 needs at least 32")
                .errHasNoStackTrace().neverPrints(SEED_SECRET);
        assertThat(r.outLine()).startsWith("eyJ").isEqualTo(SEED_TOKEN);
        assertThat(r.out()).endsWith("\n").hasLineCount(1);
    }

    @Test
    void seed_weakSecretWithoutAllowWeakKey_exits2() {
        CommandResult r = cli.run("jwt", "sign", SEED_PAYLOAD, "--no-iat", "--secret", SEED_SECRET);
        assertThat(r).exitedWith(2).outIsEmpty().failedWithOneLineError("29 bytes", "--allow-weak-key").neverPrints(SEED_SECRET);
    }

    @Test
    void seed_verifyReturnsThePayload_andATamperedTokenFails() {
        CommandResult ok = cli.run("jwt", "verify", SEED_TOKEN, "--secret", SEED_SECRET, "--allow-weak-key");
        assertThat(ok).succeeded().outContains("\"user_id\": 42", "\"role\": \"admin\"").neverPrints(SEED_SECRET);
        assertThat(Jws.json(ok.out())).isEqualTo(Jws.json(SEED_PAYLOAD));

        String tampered = SEED_TOKEN.substring(0, SEED_TOKEN.length() - 5) + "XXXXX";
        assertThat(cli.run("jwt", "verify", tampered, "--secret", SEED_SECRET, "--allow-weak-key"))
                .rejectedToken().outIsEmpty().neverPrints(SEED_SECRET);
    }

    @Test
    void seed_verifyWithoutAllowWeakKey_refusesTheWeakSecret() {
        assertThat(cli.run("jwt", "verify", SEED_TOKEN, "--secret", SEED_SECRET))
                .rejectedToken("29 bytes", "--allow-weak-key").outIsEmpty().neverPrints(SEED_SECRET);
    }

    // --- where the payload comes from --------------------------------------------------------

    @Test
    void payload_fromJsonArgument_fileAndStdin_giveTheSameToken() {
        String json = "{\"user_id\": 42, \"nested\": {\"a\": [1, 2.50, \"x\"]}}";
        cli.file("claims.json", json);
        String fromArg = sign(json, "--no-iat");
        assertThat(sign("@claims.json", "--no-iat")).isEqualTo(fromArg);
        assertThat(sign(cli.stdin(json + "\n"), "-", "--no-iat")).isEqualTo(fromArg);
        assertThat(Jws.payload(fromArg)).isEqualTo(Jws.json(json));
        assertThat(Jws.payload(fromArg).toString()).as("decimals kept as written").contains("2.50");
    }

    @Test
    void payload_fromAbsoluteFilePath_isReadAsAFileNotExpandedIntoArguments() {
        cli.file("claims with spaces.json", "{\"user_id\": 42, \"role\": \"admin\"}");
        String abs = "@" + dir.resolve("claims with spaces.json").toAbsolutePath();
        assertThat(Jws.payload(sign(abs, "--no-iat"))).isEqualTo(Jws.json(SEED_PAYLOAD));
    }

    @Test
    void payload_absent_signsOnlyTheFlagClaims() {
        assertThat(Jws.payload(sign("--no-iat"))).isEqualTo(Jws.json("{}"));
        assertThat(Jws.payload(sign()).fieldNames()).toIterable().containsExactly("iat");
    }

    @Test
    void payload_invalidJson_exits2WithLineAndColumn() {
        assertThat(cli.run("jwt", "sign", "{\"a\": 1,,}", "--secret", SECRET)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("PAYLOAD", "line 1, column").neverPrints(SECRET);
    }

    @Test
    void payload_duplicateKey_exits2() {
        assertThat(cli.run("jwt", "sign", "{\"a\": 1, \"a\": 2}", "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("PAYLOAD", "duplicate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2]", "\"text\"", "42", "null"})
    void payload_notAnObject_exits2(String payload) {
        assertThat(cli.run("jwt", "sign", payload, "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("PAYLOAD", "expected a JSON object");
    }

    @Test
    void payload_missingFile_exits2NamingIt() {
        assertThat(cli.run("jwt", "sign", "@nope.json", "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("PAYLOAD", "nope.json", "no such file");
    }

    @Test
    void payload_andFrom_together_exits2() {
        String from = sign("--sub", "alice");
        assertThat(cli.run("jwt", "sign", "{}", "--from", from, "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("PAYLOAD", "--from");
    }

    @Test
    void payload_andSecretBothFromStdin_exits2() {
        assertThat(cli.stdin("{}").run("jwt", "sign", "-", "--secret", "-")).exitedWith(2)
                .failedWithOneLineError("standard input", "already used");
    }

    // --- registered claims -------------------------------------------------------------------

    @Test
    void subIssAud_oneAudienceIsAString() {
        JsonNode c = claims("--sub", "alice", "--iss", "https://issuer.example", "--aud", "api");
        assertThat(c.path("sub").asText()).isEqualTo("alice");
        assertThat(c.path("iss").asText()).isEqualTo("https://issuer.example");
        assertThat(c.path("aud").isTextual()).isTrue();
        assertThat(c.path("aud").asText()).isEqualTo("api");
    }

    @Test
    void aud_severalAreAnArrayInOrder() {
        JsonNode aud = claims("--aud", "api", "--aud", "admin", "--aud", "billing").path("aud");
        assertThat(aud.isArray()).isTrue();
        assertThat(aud.toString()).isEqualTo("[\"api\",\"admin\",\"billing\"]");
    }

    @Test
    void claimFlags_winOverThePayload() {
        JsonNode c = claims("{\"sub\": \"old\", \"iat\": 1, \"keep\": true}", "--sub", "new");
        assertThat(c.path("sub").asText()).isEqualTo("new");
        assertThat(c.path("iat").asLong()).as("the payload's own iat is kept").isEqualTo(1);
        assertThat(c.path("keep").asBoolean()).isTrue();
        assertThat(claims("{\"iat\": 1}", "--iat", "0s").path("iat").asLong()).isEqualTo(Cli.NOW.getEpochSecond());
    }

    @Test
    void exp_asDuration_isNowPlusIt() {
        JsonNode c = claims("--exp", "15m");
        assertThat(c.path("exp").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 900);
        assertThat(c.path("exp").isIntegralNumber()).isTrue();
    }

    @Test
    void exp_absolute_inEveryAcceptedSpelling() {
        long dec1 = Instant.parse("2026-12-01T00:00:00Z").getEpochSecond();
        assertThat(claims("--exp", "2026-12-01T00:00:00Z").path("exp").asLong()).isEqualTo(dec1);
        assertThat(claims("--exp", "2026-12-01T01:00:00+01:00").path("exp").asLong()).isEqualTo(dec1);
        assertThat(claims("--exp", "2026-12-01").path("exp").asLong()).isEqualTo(dec1);
        assertThat(claims("--exp", "@" + dec1).path("exp").asLong()).isEqualTo(dec1);
        assertThat(claims("--exp", "+2h").path("exp").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 7200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "15 minutes", "2026-13-01", "2026-12-01T25:00:00Z", ""})
    void exp_unreadable_exits2NamingTheFlag(String exp) {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--exp", exp)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--exp", "invalid time");
    }

    @Test
    void nbf_inThePast_andIat_explicit() {
        JsonNode c = claims("--nbf=-30s", "--iat", "2026-01-01");
        assertThat(c.path("nbf").asLong()).isEqualTo(Cli.NOW.getEpochSecond() - 30);
        assertThat(c.path("iat").asLong()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--nbf", "later")).exitedWith(2).failedWithOneLineError("--nbf");
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--iat", "later")).exitedWith(2).failedWithOneLineError("--iat");
    }

    @Test
    void iat_defaultsToNow_andNoIatOmitsIt() {
        assertThat(claims().path("iat").asLong()).isEqualTo(Cli.NOW.getEpochSecond());
        assertThat(Jws.payload(sign(cli.later(Duration.ofMinutes(5)), "--from", sign("--sub", "a"), "--iat", "0s"))
                .path("iat").asLong()).as("--iat renews it").isEqualTo(Cli.NOW.getEpochSecond() + 300);
        assertThat(claims("--no-iat").has("iat")).isFalse();
        assertThat(claims("{\"iat\": 5}", "--no-iat").has("iat")).as("--no-iat also drops the payload's iat").isFalse();
    }

    @Test
    void jti_givenOrAuto() {
        assertThat(claims("--jti", "req-1").path("jti").asText()).isEqualTo("req-1");
        String a = claims("--jti", "auto").path("jti").asText();
        String b = claims("--jti", "auto").path("jti").asText();
        assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}").isNotEqualTo(b);
    }

    // --- --claim -----------------------------------------------------------------------------

    @Test
    void claim_equalsGivesAString_colonEqualsGivesTypedJson() {
        JsonNode c = claims("--claim", "scope=read write", "--claim", "n=42", "--claim", "empty=",
                "--claim", "num:=42", "--claim", "dec:=1.50", "--claim", "flag:=true", "--claim", "none:=null",
                "--claim", "list:=[1, \"a\", false]", "--claim", "obj:={\"a\": {\"b\": 1}}", "--claim", "url=https://x/?a=b");
        assertThat(c.path("scope").asText()).isEqualTo("read write");
        assertThat(c.path("n").isTextual()).isTrue();
        assertThat(c.path("n").asText()).isEqualTo("42");
        assertThat(c.path("empty").asText()).isEmpty();
        assertThat(c.path("num").isIntegralNumber()).isTrue();
        assertThat(c.path("num").asInt()).isEqualTo(42);
        assertThat(c.path("dec").toString()).isEqualTo("1.50");
        assertThat(c.path("flag").isBoolean()).isTrue();
        assertThat(c.path("none").isNull()).isTrue();
        assertThat(c.path("list").toString()).isEqualTo("[1,\"a\",false]");
        assertThat(c.path("obj").toString()).isEqualTo("{\"a\":{\"b\":1}}");
        assertThat(c.path("url").asText()).isEqualTo("https://x/?a=b");
    }

    @Test
    void claim_winsOverTheNamedFlags() {
        assertThat(claims("--sub", "alice", "--claim", "sub=bob").path("sub").asText()).isEqualTo("bob");
    }

    @ParameterizedTest
    @ValueSource(strings = {"n:=nope", "n:={", "n:=1 2", "n:=", "n:='single'"})
    void claim_badJson_exits2NamingTheFlag(String claim) {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--claim", claim)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--claim", "'n'", "NAME:=JSON").neverPrints(SECRET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"noequals", "=value", ":=1"})
    void claim_notAnAssignment_exits2(String claim) {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--claim", claim)).exitedWith(2)
                .failedWithOneLineError("--claim", "expected NAME=TEXT or NAME:=JSON");
    }

    // --- header flags ------------------------------------------------------------------------

    @Test
    void header_defaultsToAlgAndTyp() {
        assertThat(Jws.header(sign()).toString()).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    }

    @Test
    void kidTypAndHeader_setTheHeader() {
        JsonNode h = Jws.header(sign("--kid", "k-1", "--typ", "at+jwt", "--header", "cty=JWT", "--header", "x-num:=7"));
        assertThat(h.path("alg").asText()).isEqualTo("HS256");
        assertThat(h.path("kid").asText()).isEqualTo("k-1");
        assertThat(h.path("typ").asText()).isEqualTo("at+jwt");
        assertThat(h.path("cty").asText()).isEqualTo("JWT");
        assertThat(h.path("x-num").asInt()).isEqualTo(7);
    }

    @Test
    void typ_empty_omitsIt() {
        assertThat(Jws.header(sign("--typ=")).has("typ")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"alg=none", "alg=RS256", "alg:=\"RS256\"", "alg:=null"})
    void header_mayNotSetAlg(String header) {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--header", header)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--header", "alg", "--alg");
    }

    @Test
    void header_badJson_exits2NamingTheFlag() {
        assertThat(cli.run("jwt", "sign", "--secret", SECRET, "--header", "x:=[")).exitedWith(2)
                .failedWithOneLineError("--header", "'x'");
    }

    // --- --alg ---------------------------------------------------------------------------------

    @Test
    void alg_narrowsWithinTheKeysFamily() {
        String secret64 = SECRET + SECRET.substring(0, 28);
        String token = sign("--alg", "HS512", "--secret", secret64);
        assertThat(Jws.header(token).path("alg").asText()).isEqualTo("HS512");
        assertThat(cli.run("jwt", "verify", token, "--secret", secret64)).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--secret", secret64, "--alg", "HS256"))
                .rejectedToken("HS512", "--alg allows only HS256");
    }

    @Test
    void alg_tooStrongForTheSecret_exits2() {
        assertThat(cli.run("jwt", "sign", "--alg", "HS512", "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("36 bytes", "HS512 needs at least 64").neverPrints(SECRET);
    }

    @Test
    void alg_thatDoesNotFitTheKey_exits2() {
        assertThat(cli.run("jwt", "sign", "--alg", "RS256", "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("--alg RS256 does not fit", "HS256, HS384, HS512").neverPrints(SECRET);
        String ec = cli.key("ec256.pkcs8.pem");
        assertThat(cli.run("jwt", "sign", "--alg", "ES384", "--key", ec)).exitedWith(2)
                .failedWithOneLineError("--alg ES384 does not fit", "P-256", "ES256");
        assertThat(cli.run("jwt", "sign", "--alg", "HS256", "--key", ec)).exitedWith(2)
                .failedWithOneLineError("--alg HS256 does not fit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "HS1", "RSA"})
    void alg_unknownName_exits2ListingTheChoices(String alg) {
        assertThat(cli.run("jwt", "sign", "--alg", alg, "--secret", SECRET)).exitedWith(2).outIsEmpty()
                .failedWithOneLineError("--alg", "HS256").neverPrints(SECRET);
    }

    // --- --from --------------------------------------------------------------------------------

    @Test
    void from_reSignsTheClaimsWithChanges() {
        String original = sign("{\"user_id\": 42, \"role\": \"admin\"}", "--sub", "alice", "--exp", "15m", "--kid", "old");
        String other = "another-secret-another-secret-0123456789";
        Cli later = cli.later(Duration.ofMinutes(5));
        CommandResult r = later.run("jwt", "sign", "--from", original, "--secret", other, "--sub", "bob",
                "--claim", "role=viewer", "--exp", "1h");
        assertThat(r).succeeded().neverPrints(other);
        JsonNode c = Jws.payload(r.outLine());
        assertThat(c.path("user_id").asInt()).isEqualTo(42);
        assertThat(c.path("sub").asText()).isEqualTo("bob");
        assertThat(c.path("role").asText()).isEqualTo("viewer");
        assertThat(c.path("iat").asLong()).as("--from keeps the token's iat").isEqualTo(Cli.NOW.getEpochSecond());
        assertThat(c.path("exp").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 300 + 3600);
        assertThat(Jws.header(r.outLine()).has("kid")).as("the header is new, not copied").isFalse();
        assertThat(later.run("jwt", "verify", r.outLine(), "--secret", other)).succeeded();
        assertThat(later.run("jwt", "verify", r.outLine(), "--secret", SECRET)).rejectedToken("signature");
    }

    @Test
    void from_keepsTheClaimsAsTheyWere_whenNothingChanges() {
        String original = sign("{\"user_id\": 42}", "--no-iat", "--exp", "15m");
        assertThat(sign("--from", original, "--no-iat")).isEqualTo(original);
    }

    @Test
    void from_malformedToken_exits2() {
        assertThat(cli.run("jwt", "sign", "--from", "not-a-token", "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("malformed token").neverPrints(SECRET);
    }

    @Test
    void from_tokenWhosePayloadIsNotAnObject_exits2() {
        String textPayload = Jws.hs256("just text");
        assertThat(cli.run("jwt", "sign", "--from", textPayload, "--secret", SECRET)).exitedWith(2)
                .failedWithOneLineError("--from", "not a JSON claims set");
    }

    // --- --output json -------------------------------------------------------------------------

    @Test
    void outputJson_matchesTheSchema_andHoldsWhatWasSigned() {
        CommandResult r = cli.run("--output", "json", "jwt", "sign", "{\"user_id\": 42}", "--secret", SECRET,
                "--sub", "alice", "--aud", "a", "--aud", "b", "--exp", "15m", "--kid", "k1", "--header", "x:=[1]");
        assertThat(r).succeeded().errIsEmpty().neverPrints(SECRET);
        JsonSchemas.assertValid("jwt-sign", r.out());
        JsonNode doc = Jws.json(r.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        String token = doc.path("token").asText();
        assertThat(Jws.header(token)).isEqualTo(doc.path("header"));
        assertThat(Jws.payload(token)).isEqualTo(doc.path("payload"));
        assertThat(doc.path("payload").path("exp").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 900);
        assertThat(cli.run("jwt", "verify", token, "--secret", SECRET, "--aud", "b")).succeeded();
    }

    @Test
    void outputJson_asASubcommandOption_isTheSame() {
        CommandResult r = cli.run("jwt", "sign", "--secret", SECRET, "--no-iat", "--output", "json");
        assertThat(r).succeeded();
        JsonSchemas.assertValid("jwt-sign", r.out());
        assertThat(Jws.json(r.out()).path("payload").size()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------

    /** Runs {@code jwt sign ARGS --secret SECRET} (unless ARGS name a key) and returns the token. */
    private String sign(String... args) {
        return sign(cli, args);
    }

    private static String sign(Cli runner, String... args) {
        List<String> a = new ArrayList<>(List.of("jwt", "sign"));
        a.addAll(List.of(args));
        if (a.stream().noneMatch(s -> s.startsWith("--secret") || s.startsWith("--key"))) {
            a.add("--secret");
            a.add(SECRET);
        }
        CommandResult r = runner.run(a.toArray(String[]::new));
        assertThat(r).succeeded().errIsEmpty();
        return r.outLine();
    }

    /** Signs with ARGS and returns the token's claims as signed. */
    private JsonNode claims(String... args) {
        return Jws.payload(sign(args));
    }
}
