package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.json.Json;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code apitool load} end to end against a loopback server: reports, JSON shape, thresholds, refusals. */
@Timeout(30)
class LoadCommandTest extends AbstractHelpTest {

    private HttpServer server;

    @Override
    protected List<String> command() {
        return List.of("load");
    }

    @BeforeEach
    void startServer() {
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> r.path().equals("/missing")
                ? ServerResponse.text(404, "no") : ServerResponse.text(200, "ok")));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    @Test
    void help_saysHttp2IsNotYetSupported_andNamesBothModels() {
        assertThat(cli.run("load", "--help")).succeeded()
                .outContains("HTTP/2", "not yet supported", "Closed model", "Open model", "--rate", "--threshold", "-c, --connections");
    }

    @Test
    void aPasswordInTheUrl_isNeverPrinted_norWrittenToTheLogOrPage() throws Exception {
        String withPassword = url("/").replace("://", "://alice:hunter2@");
        CommandResult text = cli.run("load", withPassword, "-n", "20", "-c", "1", "--hdr-log", "run.hlog", "--html", "run.html");
        assertThat(text).succeeded().outContains("alice:***@");
        CommandResult json = cli.run("--output", "json", "load", withPassword, "-n", "20", "-c", "1");
        assertThat(json).succeeded().outContains("alice:***@");
        for (String shown : List.of(text.out(), text.err(), json.out(), json.err(),
                Files.readString(dir.resolve("run.hlog")), Files.readString(dir.resolve("run.html")))) {
            assertThat(shown).doesNotContain("hunter2");
        }
    }

    @Test
    void requestCount_sendsExactlyThatMany_andPrintsTheTextReport() {
        CommandResult r = cli.run("load", url("/"), "-n", "1000", "-c", "5");
        assertThat(r).succeeded().errIsEmpty()
                .outContains("closed model", "5 connections", "Warm-up: first 50 requests", "Requests   950 in", "Status     200: 950",
                        "Errors     connect 0  timeout 0  reset 0  protocol 0  fdLimit 0", "Stopped by requests");
        assertThat(server.requestsServed()).isEqualTo(1000);
    }

    @Test
    void outputJson_closedModel_matchesTheSchema() {
        CommandResult r = cli.run("--output", "json", "load", url("/"), "-n", "200", "-c", "2", "-X", "POST",
                "-H", "Content-Type: application/json", "--body", "{\"a\":1}", "--threshold", "errors<1%");
        assertThat(r).succeeded().errIsEmpty();
        JsonSchemas.assertValid("load", r.out());
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("model").asText()).isEqualTo("closed");
        assertThat(doc.path("sent").asLong()).isEqualTo(200);
        assertThat(doc.path("method").asText()).isEqualTo("POST");
        assertThat(doc.path("status").path("200").asLong()).isEqualTo(doc.path("requests").asLong());
        assertThat(doc.path("thresholds").get(0).path("passed").asBoolean()).isTrue();
        assertThat(doc.has("targetRps")).isFalse();
    }

    @Test
    void outputJson_openModel_matchesTheSchema_withTargetLateDropped() {
        CommandResult r = cli.run("--output", "json", "load", url("/"), "--rate", "100/s", "-d", "1s");
        assertThat(r).succeeded();
        JsonSchemas.assertValid("load", r.out());
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("model").asText()).isEqualTo("open");
        assertThat(doc.path("targetRps").asDouble()).isEqualTo(100.0);
        assertThat(doc.path("dropped").asLong()).isZero();
        assertThat(server.requestsServed()).isBetween(99L, 101L);
    }

    @Test
    void thresholdsBreached_exit1_namingEachBreachedOne() {
        CommandResult r = cli.run("load", url("/"), "-n", "100", "-c", "2", "--threshold", "p50<1us", "--threshold", "errors<1%",
                "--threshold", "rps>100000000");
        assertThat(r).exitedWith(1).errContains("thresholds breached: p50<1us (was ", "rps>100000000 (was ")
                .errDoesNotContain("errors<1%").errHasNoStackTrace()
                .outContains("FAIL p50<1us", "pass errors<1%", "FAIL rps>100000000");
    }

    @Test
    void errorsThreshold_countsStatusesFrom400_unlessOkStatusSaysOtherwise() {
        assertThat(cli.run("load", url("/missing"), "-n", "50", "-c", "1", "--threshold", "errors<1%"))
                .exitedWith(1).errContains("errors<1% (was 100.00%)");
        assertThat(cli.run("load", url("/missing"), "-n", "50", "-c", "1", "--threshold", "errors<1%", "--ok-status", "2xx,404"))
                .succeeded();
    }

    @Test
    void unknownThresholdMetric_isAUsageError() {
        CommandResult r = cli.run("load", url("/"), "-n", "10", "--threshold", "p98<250ms");
        assertThat(r).exitedWith(2).failedWithOneLineError("unknown metric 'p98'", "p99");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void badOkStatus_isAUsageError_namingTheSet() {
        CommandResult r = cli.run("load", url("/"), "-n", "10", "--ok-status", "2xx,700");
        assertThat(r).exitedWith(2).failedWithOneLineError("invalid status set '2xx,700': expected codes 100-599");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void otherSchemesAndBadFlags_areUsageErrors() {
        assertThat(cli.run("load", "ftp://127.0.0.1:1/", "-n", "1")).exitedWith(2)
                .failedWithOneLineError("expected an http:// or https:// URL", "HTTP/2 is not yet supported");
        assertThat(cli.run("load", url("/"), "--rate", "0.5/s", "-d", "1s")).exitedWith(2).failedWithOneLineError("30/m");
        assertThat(cli.run("load", url("/"), "-n", "5", "--max-in-flight", "5")).exitedWith(2).failedWithOneLineError("--rate");
    }

    @Test
    void lateOrDroppedThreshold_inTheClosedModel_isAUsageError_notASilentPass() {
        assertThat(cli.run("load", url("/"), "-n", "5", "-c", "1", "--threshold", "late<1")).exitedWith(2)
                .failedWithOneLineError("threshold 'late<1': late is counted in the open model only");
        assertThat(cli.run("load", url("/"), "-n", "5", "-c", "1", "--threshold", "dropped<=0")).exitedWith(2)
                .failedWithOneLineError("threshold 'dropped<=0': dropped is counted in the open model only");
        assertThat(cli.run("load", url("/"), "-n", "5", "--rate", "100/s", "--threshold", "late<1000")).succeeded();
        assertThat(server.requestsServed()).isEqualTo(5);
        assertThat(cli.run("load", url("/"), "-n", "5", "-c", "1", "--hdr-log", "c.hlog")).succeeded();
        assertThat(cli.run("load", "merge", "c.hlog", "--threshold", "late<1")).exitedWith(2)
                .failedWithOneLineError("late is counted in the open model only");
    }

    @Test
    void copiesOverTheBound_inTheOpenModel_nameMaxInFlight_notTheConnectionsGiven() {
        cli.file("big.bin", new byte[2 << 20]);
        assertThat(cli.run("load", url("/"), "-X", "POST", "--body", "@big.bin", "--idempotency-key", "auto", "--rate", "10/s",
                "-c", "2", "-d", "1s")).exitedWith(2)
                .failedWithOneLineError("256 connections (--max-in-flight 256) would take 512 MiB", "lower --max-in-flight");
        assertThat(cli.run("load", url("/"), "-X", "POST", "--body", "@big.bin", "--idempotency-key", "auto", "-c", "200",
                "-n", "1")).exitedWith(2).failedWithOneLineError("200 connections (-c 200) would take 400 MiB", "lower -c");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void warmupAsLongAsTheRun_isAUsageError() {
        assertThat(cli.run("load", url("/"), "-d", "1s", "--warmup", "5s", "-c", "1")).exitedWith(2)
                .failedWithOneLineError("--warmup 5s is not shorter than the run (1s)");
        assertThat(cli.run("load", url("/"), "--stages", "1s:10/s", "--warmup", "1s", "-c", "1")).exitedWith(2)
                .failedWithOneLineError("--warmup 1s is not shorter than the run (1s)");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void requestCountZero_isAUsageError_notARunWithoutALimit() {
        assertThat(cli.run("load", url("/"), "-n", "0", "-c", "1")).exitedWith(2).failedWithOneLineError("-n must be 1 or more, not 0");
        assertThat(cli.run("load", url("/"), "-n", "-3", "-c", "1")).exitedWith(2).failedWithOneLineError("-n must be 1 or more, not -3");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void serverThatNeverAnswers_noRequestMeasured_exit1_thresholdsDoNotPassOnNothing() {
        try (HttpServer silent = HttpServer.start(HttpServerOptions.loopback(), r -> new CompletableFuture<>())) {
            // every request is still in flight when the 3 s grace period (min(timeout, 3s)) ends: none is measured
            CommandResult r = cli.run("load", silent.uri("/").toString(), "-d", "300ms", "-c", "2", "--timeout", "10s",
                    "--warmup", "none", "--threshold", "p99<250ms", "--threshold", "errors<1%");
            assertThat(r).exitedWith(1).errContains("no request was measured").outContains("Requests   0");
        }
    }

    @Test
    void nothingListening_exit1_withConnectErrorsCounted() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        CommandResult r = cli.run("load", "http://127.0.0.1:" + port + "/", "-n", "20", "-c", "2");
        assertThat(r).exitedWith(1).errContains("no request succeeded").outContains("connect: ");
    }

    @Test
    void outputJson_stages_openModel_withTheStagesAndTheRatePlannedOverTheMeasuredSpan() {
        CommandResult r = cli.run("--output", "json", "load", url("/"), "--stages", "0s:100/s,500ms:100/s,500ms:0/s");
        assertThat(r).succeeded();
        JsonSchemas.assertValid("load", r.out());
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("model").asText()).isEqualTo("open");
        // 50 + 25 requests planned in 1 s; measured past the 100 ms warm-up: requests 10 (at 0.1 s) to 74 (0.9 s)
        assertThat(doc.path("targetRps").asDouble()).isCloseTo(80.0, within(0.01));
        assertThat(doc.path("stages").get(1).path("stage").asText()).isEqualTo("500ms:100/s");
        assertThat(doc.path("stages").get(2).path("durationSec").asDouble()).isEqualTo(0.5);
        assertThat(server.requestsServed()).isBetween(74L, 76L);
    }

    @Test
    void textReport_stages_areListed() {
        assertThat(cli.run("load", url("/"), "--stages", "0s:50/s,500ms:50/s")).succeeded()
                .outContains("open model", "Stages     0s:50/s, 500ms:50/s (from 0/s", "target 50.0/s");
    }

    @Test
    void stages_badInput_isAUsageError_namingTheFlagAndThePart() {
        assertThat(cli.run("load", url("/"), "--stages", "10s:100/s,30s")).exitedWith(2)
                .failedWithOneLineError("--stages: stage 2 '30s': expected DURATION:RATE");
        assertThat(cli.run("load", url("/"), "--stages", "10s:100/s", "--rate", "5/s")).exitedWith(2)
                .failedWithOneLineError("--stages and --rate exclude each other");
        assertThat(cli.run("load", url("/"), "--stages", "1s:100/s", "-d", "2s")).exitedWith(2)
                .failedWithOneLineError("-d 2s is longer than --stages (1s)");
        assertThat(cli.run("load", url("/"), "--stages", "1s:0/s")).exitedWith(2)
                .failedWithOneLineError("--stages 1s:0/s plans no requests: give a stage a rate above 0/s");
        assertThat(cli.run("load", url("/"), "--stages", "1s:0/s,1s:10/s", "-d", "1s")).exitedWith(2)
                .failedWithOneLineError("--stages 1s:0/s,1s:10/s plans no requests within -d 1s");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void rateOrWarmupMalformed_isAUsageError_namingTheFlag() {
        assertThat(cli.run("load", url("/"), "--rate", "fast")).exitedWith(2)
                .failedWithOneLineError("--rate: ");
        assertThat(cli.run("load", url("/"), "--warmup", "soon")).exitedWith(2)
                .failedWithOneLineError("--warmup: invalid duration 'soon'");
        assertThat(server.requestsServed()).isZero();
    }
}
