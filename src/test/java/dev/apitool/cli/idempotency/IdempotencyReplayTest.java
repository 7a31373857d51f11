package dev.apitool.cli.idempotency;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.idempotency.CountingApi;
import dev.apitool.core.idempotency.IdempotencyGuard;
import dev.apitool.core.idempotency.IdempotencySettings;
import dev.apitool.core.idempotency.MemoryIdempotencyStore;
import dev.apitool.core.idempotency.Profile;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code apitool idempotency replay} against a real server on loopback, with and without the guard. */
class IdempotencyReplayTest extends AbstractHelpTest {

    private static final String BODY = "{\"amount\":99.99}";

    @Override
    protected List<String> command() {
        return List.of("idempotency", "replay");
    }

    private static CountingApi guarded(Profile profile, Duration ttl) {
        return new CountingApi(new IdempotencyGuard(IdempotencySettings.builder(new MemoryIdempotencyStore())
                .profile(profile).ttl(ttl).build()), 0);
    }

    @Test
    void guardedRoute_everyRulePasses_exit0() {
        try (CountingApi api = guarded(Profile.IETF, Duration.ofHours(1))) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/charges"), "--body", BODY, "--slow-url", api.url("/slow"));
            assertThat(r).succeeded().outContains("First call: executed handler", "Second call (same key): returned cached result",
                    "Different key: executed handler", "Result: conformant");
            assertThat(r.out()).containsPattern("key.in-flight +pass +the call that came second was refused with 409")
                    .containsPattern("replay.concurrent +pass").containsPattern("key.reused +pass +refused with 422")
                    .doesNotContain(" fail ", "inconclusive ");
        }
    }

    @Test
    void bareRoute_duplicateExecutionFails_exit1_withTheDifferingResponses() {
        try (CountingApi api = new CountingApi(null, 0)) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/charges"), "--body", BODY);
            assertThat(r).exitedWith(1).outContains("Second call (same key): executed handler", "#1: 201 {\"count\":1}",
                    "#2: 201 {\"count\":2}", "Result: not conformant (failed: replay.sequential");
            assertThat(r.out()).containsPattern("replay.sequential +fail +the handler ran 3 times for one key");
        }
    }

    @Test
    void failingFirstCall_guarded_failureReplayedAsStored() {
        try (CountingApi api = guarded(Profile.IETF, Duration.ofHours(1))) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/fails-first"), "--body", BODY);
            assertThat(r).succeeded().outContains("Second call (same key): returned cached result");
            assertThat(r.out()).containsPattern("replay.error +pass +the 500 of #1 was replayed as stored");
        }
        try (CountingApi bare = new CountingApi(null, 0)) {
            CommandResult r = cli.run("idempotency", "replay", bare.url("/fails-first"), "--body", BODY);
            assertThat(r).exitedWith(1);
            assertThat(r.out()).containsPattern("replay.error +fail +the first call failed with 500 but #2 got 201");
        }
    }

    @Test
    void ttl_waitedOut_keyRunsAgain() {
        try (CountingApi api = guarded(Profile.IETF, Duration.ofSeconds(1))) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/charges"), "--body", BODY, "--ttl", "1s",
                    "--concurrency", "3");
            assertThat(r).succeeded().outContains("After TTL: executed handler (cache expired)");
            assertThat(r.out()).containsPattern("ttl.expiry +pass");
        }
    }

    @Test
    void stripeProfile_againstStripeGuard_passes_againstIetfGuard_reusedKeyFails() {
        try (CountingApi stripe = guarded(Profile.STRIPE, Duration.ofHours(1)); CountingApi ietf = guarded(Profile.IETF, Duration.ofHours(1))) {
            assertThat(cli.run("idempotency", "replay", stripe.url("/charges"), "--body", BODY, "--profile", "stripe")).succeeded();
            CommandResult r = cli.run("idempotency", "replay", ietf.url("/charges"), "--body", BODY, "--profile", "stripe");
            assertThat(r).exitedWith(1);
            assertThat(r.out()).containsPattern("key.reused +fail +got 422 \\(expected 400\\)");
        }
    }

    @Test
    void jsonOutput_matchesTheSchema_andReportFilesAreWritten() throws Exception {
        try (CountingApi api = new CountingApi(null, 0)) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/charges"), "--body", BODY, "--output", "json",
                    "--report", "junit=replay.xml");
            assertThat(r).exitedWith(1);
            assertThat(JsonSchemas.validate("idempotency-replay", r.out())).isEmpty();
            JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "output");
            assertThat(doc.path("conformant").asBoolean()).isFalse();
            assertThat(doc.path("marksReplays").asBoolean()).as("a bare route marks nothing").isFalse();
            assertThat(doc.path("rules").get(0).path("verdict").asText()).isEqualTo("fail");
            assertThat(cli.read("replay.xml")).contains("<testsuite", "<failure message=\"the handler ran 3 times");
        }
        try (CountingApi api = guarded(Profile.IETF, Duration.ofHours(1))) {
            CommandResult r = cli.run("idempotency", "replay", api.url("/charges"), "--body", BODY, "--output", "junit");
            assertThat(r).succeeded().outContains("<testsuite", "failures=\"0\"", "replay.sequential").outDoesNotContain("<failure");
        }
    }

    @Test
    void recordedCalls_eachReplayed() {
        try (CountingApi api = guarded(Profile.IETF, Duration.ofHours(1))) {
            cli.file("calls.ndjson", "{\"method\":\"POST\",\"path\":\"/charges\",\"body\":{\"amount\":1},\"headers\":{\"Idempotency-Key\":\"old\"}}\n"
                    + "{\"path\":\"/refunds\",\"body\":\"r\"}\n");
            CommandResult r = cli.run("idempotency", "replay", api.url("/"), "--from", "calls.ndjson");
            assertThat(r).succeeded().outContains("calls.ndjson:1:1:", "calls.ndjson:2:1:");
            CommandResult json = cli.run("idempotency", "replay", api.url("/"), "--from", "calls.ndjson", "--output", "json");
            assertThat(JsonSchemas.validate("idempotency-replay", json.out())).isEmpty();
            assertThat(json.out()).contains("\"marksReplays\": true", "\"subject\": \"calls.ndjson:2:1\"");
            assertThat(api.runs).as("each recorded call ran once per run, under fresh keys").hasValue(4);
        }
    }

    @Test
    void refusedConnection_oneLine_exit1() {
        HttpServer closed = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(req -> ServerResponse.text(200, "")));
        String url = closed.uri("/charges").toString();
        closed.close();
        CommandResult r = cli.run("idempotency", "replay", url, "--body", BODY);
        assertThat(r).exitedWith(1).errHasNoStackTrace().errContains("apitool: POST " + url + ": ").outIsEmpty();
        assertThat(r.errLines()).hasSize(1);
    }

    @Test
    void serverThatNeverAnswers_boundedByTimeout_oneLine_exit1() {
        try (CountingApi api = new CountingApi(null, 0)) {
            long start = System.nanoTime();
            CommandResult r = cli.run("idempotency", "replay", api.url("/never"), "--body", BODY, "--timeout", "300ms");
            assertThat(r).exitedWith(1).errHasNoStackTrace().errContains("apitool: POST ", "/never: ").outIsEmpty();
            assertThat(r.errLines()).hasSize(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void badInput_missingFilesAndBadNumbers_oneLineExit2() {
        assertThat(cli.run("idempotency", "replay", "http://127.0.0.1:9/x", "--body", "@nope.json"))
                .exitedWith(2).failedWithOneLineError("nope.json");
        assertThat(cli.run("idempotency", "replay", "http://127.0.0.1:9/", "--from", "nope.ndjson"))
                .exitedWith(2).failedWithOneLineError("nope.ndjson", "no such file");
        assertThat(cli.run("idempotency", "replay", "http://127.0.0.1:9/x", "--repeat", "1"))
                .exitedWith(2).failedWithOneLineError("--repeat 1: expected 2 to 100");
        assertThat(cli.run("idempotency", "replay", "http://127.0.0.1:9/x", "--profile", "acme"))
                .exitedWith(2).failedWithOneLineError("--profile acme");
        assertThat(cli.run("idempotency", "replay", "ftp://example/x")).exitedWith(2).failedWithOneLineError("expected an http");
        assertThat(cli.run("idempotency", "replay", "http://127.0.0.1:9/x", "--report", "html=x.html"))
                .exitedWith(2).failedWithOneLineError("unknown format 'html'");
    }
}
