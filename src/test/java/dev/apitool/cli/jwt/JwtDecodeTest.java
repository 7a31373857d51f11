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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code apitool jwt decode} end to end: text and JSON views, times relative to the clock, and malformed input. */
class JwtDecodeTest extends AbstractHelpTest {

    @Override
    protected List<String> command() {
        return List.of("jwt", "decode");
    }

    @Test
    void text_showsHeaderPayloadTimesAndStatus_andWarnsItIsUnverified() {
        String token = JwtVerifyTest.sign(cli, "{\"user_id\": 42}", "--sub", "alice", "--exp", "15m", "--kid", "k1");
        CommandResult r = cli.later(Duration.ofMinutes(1)).run("jwt", "decode", token);
        assertThat(r).succeeded()
                .outContains("Header\n", "\"alg\": \"HS256\"", "\"kid\": \"k1\"", "Payload\n", "\"user_id\": 42", "\"sub\": \"alice\"")
                .outContains("Times\n", "  iat: 2026-03-01T12:00:00Z (1m ago)", "  exp: 2026-03-01T12:15:00Z (in 14m)")
                .outContains("Status: not expired (signature not verified)")
                .errContains("apitool: warning: UNVERIFIED").errHasNoStackTrace()
                .outDoesNotContain("UNVERIFIED", "\u001b[");
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void text_expiredToken_saysExpired() {
        String token = JwtVerifyTest.sign(cli, "--exp", "15m");
        CommandResult r = cli.later(Duration.ofHours(1)).run("jwt", "decode", token);
        assertThat(r).succeeded().outContains("exp: 2026-03-01T12:15:00Z (45m ago)", "Status: expired");
    }

    @Test
    void text_notYetValidAndNoExpiry_areSaid() {
        assertThat(cli.run("jwt", "decode", JwtVerifyTest.sign(cli, "--nbf", "5m"))).succeeded()
                .outContains("nbf: 2026-03-01T12:05:00Z (in 5m)", "Status: not yet valid");
        assertThat(cli.run("jwt", "decode", JwtVerifyTest.sign(cli))).succeeded()
                .outContains("Status: no expiry (exp absent)");
    }

    @Test
    void text_nonJsonPayload_isShownAsText_withoutTimesOrStatus() {
        CommandResult r = cli.run("jwt", "decode", Jws.hs256("plain words"));
        assertThat(r).succeeded().outContains("Payload\nplain words\n").outDoesNotContain("Times", "Status");
    }

    @Test
    void decode_needsNoKey_andShowsTamperedTokensToo() {
        String token = JwtVerifyTest.sign(cli, "--sub", "alice");
        String[] p = token.split("\\.");
        String forged = p[0] + "." + Jws.b64("{\"sub\":\"admin\"}") + "." + p[2];
        assertThat(cli.run("jwt", "decode", forged)).succeeded().outContains("\"sub\": \"admin\"").errContains("UNVERIFIED");
        assertThat(cli.run("jwt", "decode", Jws.hmac("{\"alg\":\"none\"}", "{}", SECRET))).succeeded().outContains("\"alg\": \"none\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n", "\r\n", ""})
    void tokenOnStdin_withOneLineEnding(String ending) {
        String token = JwtVerifyTest.sign(cli, "--sub", "alice");
        assertThat(cli.stdin(token + ending).run("jwt", "decode")).succeeded().outContains("alice");
        assertThat(cli.stdin(token + ending).run("jwt", "decode", "-")).succeeded().outContains("alice");
    }

    @Test
    void outputJson_matchesTheSchema_withTimesRelativeToTheClock() {
        String token = JwtVerifyTest.sign(cli, "{\"user_id\": 42}", "--exp", "15m", "--nbf=-1m");
        CommandResult r = cli.later(Duration.ofMinutes(1)).run("--output", "json", "jwt", "decode", token);
        assertThat(r).succeeded().errContains("UNVERIFIED");
        JsonSchemas.assertValid("jwt-decode", r.out());
        JsonNode doc = Jws.json(r.out());
        assertThat(doc.path("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.path("verified").asBoolean()).isFalse();
        assertThat(doc.path("header")).isEqualTo(Jws.header(token));
        assertThat(doc.path("payload")).isEqualTo(Jws.payload(token));
        assertThat(doc.path("signature").asText()).isEqualTo(token.split("\\.")[2]);
        JsonNode exp = doc.path("times").path("exp");
        assertThat(exp.path("at").asText()).isEqualTo("2026-03-01T12:15:00Z");
        assertThat(exp.path("epoch").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 900);
        assertThat(exp.path("relative").asText()).isEqualTo("in 14m");
        assertThat(doc.path("times").path("nbf").path("relative").asText()).isEqualTo("2m ago");
        assertThat(doc.path("times").path("iat").path("relative").asText()).isEqualTo("1m ago");
        assertThat(doc.path("expired").asBoolean()).isFalse();
        assertThat(doc.path("notYetValid").asBoolean()).isFalse();
    }

    @Test
    void outputJson_expiredAndTextPayload_matchTheSchema() {
        CommandResult expired = cli.later(Duration.ofDays(1)).run("--output", "json", "jwt", "decode",
                JwtVerifyTest.sign(cli, "--exp", "1h"));
        assertThat(expired).succeeded();
        JsonSchemas.assertValid("jwt-decode", expired.out());
        assertThat(Jws.json(expired.out()).path("expired").asBoolean()).isTrue();

        CommandResult text = cli.run("--output", "json", "jwt", "decode", Jws.hs256("[1, 2]"));
        assertThat(text).succeeded();
        JsonSchemas.assertValid("jwt-decode", text.out());
        assertThat(Jws.json(text.out()).path("payload").asText()).isEqualTo("[1, 2]");
        assertThat(Jws.json(text.out()).path("times").size()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-token", "a.b", "a.b.c.d", "a.b.c.d.e", "!!.e30.AA", "e30.e30.", "W10.e30.AA", "bm9wZQ.e30.AA"})
    void malformedToken_exits2WithOneLine(String token) {
        CommandResult r = cli.run("jwt", "decode", token);
        assertThat(r).exitedWith(2).outIsEmpty().failedWithOneLineError("malformed token");
    }

    @Test
    void emptyStdin_exits2() {
        assertThat(cli.run("jwt", "decode")).exitedWith(2).failedWithOneLineError("empty");
    }

    @Test
    void onATerminal_statusIsColoured_unlessNoColorOrNO_COLOR() {
        String token = JwtVerifyTest.sign(cli, "--exp", "15m");
        assertThat(cli.onTerminal().run("jwt", "decode", token)).succeeded().outContains("\u001b[32mnot expired\u001b[0m");
        assertThat(cli.onTerminal().run("--no-color", "jwt", "decode", token)).succeeded().outDoesNotContain("\u001b[");
        assertThat(cli.onTerminal().run("jwt", "decode", token, "--no-color")).succeeded().outDoesNotContain("\u001b[");
        assertThat(cli.onTerminal().env("NO_COLOR", "1").run("jwt", "decode", token)).succeeded()
                .outDoesNotContain("\u001b[").errDoesNotContain("\u001b[");
    }

    @Test
    void onATerminal_withoutAToken_exits2InsteadOfWaiting() {
        assertThat(cli.onTerminal().run("jwt", "decode")).exitedWith(2).failedWithOneLineError("no token");
        assertThat(cli.onTerminal().run("jwt", "verify", "--secret", SECRET)).exitedWith(2).failedWithOneLineError("no token");
        assertThat(cli.onTerminal().stdin("x.y.z").run("jwt", "decode", "-")).as("- still reads stdin").exitedWith(2)
                .failedWithOneLineError("malformed");
    }

    @Test
    void outputJunit_exits2() {
        assertThat(cli.run("--output", "junit", "jwt", "decode", JwtVerifyTest.sign(cli))).exitedWith(2)
                .failedWithOneLineError("--output junit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e300", "-1e300", "99999999999999999999999", "31556889864403200", "1.0000000001", "-0.5"})
    void extremeTimes_neverCrash(String exp) {
        String token = Jws.hs256("{\"exp\": " + exp + ", \"nbf\": " + exp + ", \"iat\": " + exp + "}");
        CommandResult text = cli.run("jwt", "decode", token);
        assertThat(text).succeeded().errHasNoStackTrace();
        CommandResult json = cli.run("--output", "json", "jwt", "decode", token);
        assertThat(json).succeeded();
        assertThat(JsonSchemas.validate("jwt-decode", json.out())).isEmpty();
        CommandResult verify = cli.run("jwt", "verify", token, "--secret", SECRET, "--leeway", "1h", "--max-age", "1d");
        assertThat(verify.exitCode()).as("%s", verify).isIn(0, 1);
        assertThat(verify).errHasNoStackTrace();
    }
}
