package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtVerifier;
import dev.apitool.core.jwt.KeyReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code apitool load --targets}, {@code --idempotency-key} and {@code --jwt-*} end to end, against a server that records what arrives. */
@Timeout(60)
class LoadTargetsCommandTest {

    private static final String SECRET = "Sup3r-s3cret-HMAC-key-for-load-tests!";

    @TempDir
    Path dir;

    private Cli cli;
    private HttpServer server;
    private final Queue<ServerRequest> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void start() throws IOException {
        cli = Cli.in(dir);
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> {
            received.add(r);
            return ServerResponse.text(200, "ok");
        }));
        Path examples = Files.createDirectories(dir.resolve("examples/load"));
        for (String f : List.of("targets.ndjson", "targets.csv", "targets.yaml", "order.json")) {
            Files.copy(Path.of("examples/load", f), examples.resolve(f));
        }
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String api() {
        return server.uri("").toString().replaceAll("/$", "");
    }

    private Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        received.forEach(r -> out.merge(r.method() + " " + r.target(), 1L, Long::sum));
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"targets.ndjson", "targets.yaml"})
    void examples_roundRobin_sendEachTargetItsShare_asWritten(String file) {
        CommandResult r = cli.run("load", api() + "/v1", "--targets", "examples/load/" + file, "-n", "300", "-c", "4", "--threads", "2");
        assertThat(r).succeeded().errIsEmpty().outContains("Targets: examples/load/" + file + ", ", "round-robin", "Status     200:");
        long n = file.endsWith("yaml") ? 3 : 4;
        assertThat(counts()).hasSize((int) n).allSatisfy((k, v) -> assertThat(v).isBetween(300 / n, 300 / n + 1));
        for (ServerRequest q : received) {
            assertThat(q.path()).startsWith("/v1/");
            if (q.method().equals("POST")) {
                assertThat(q.bodyText()).isEqualTo("{\"sku\": \"A-1\", \"qty\": 2}\n");
                assertThat(q.header("Content-Type")).isEqualTo("application/json");
            }
            if (q.method().equals("PATCH")) {
                assertThat(q.bodyText()).isEqualTo("{\"status\":\"shipped\"}");
            }
        }
    }

    @Test
    void targetsFromStandardInput_andASecondDash_isAUsageError_standardInputIsTaken() {
        Cli piped = cli.stdin("method,path\nGET,/a\n");
        assertThat(piped.run("load", api(), "--targets", "-", "--targets-format", "csv", "-n", "5", "-c", "1",
                "--jwt-secret", "-")).exitedWith(2)
                .failedWithOneLineError("--jwt-secret: standard input (-) is already used by another value");
    }

    @Test
    void csvFromStandardInput_random_sameSeedSameChoices_reportedInJson() {
        String csv = cli.read("examples/load/targets.csv").replace("order.json", "examples/load/order.json"); // stdin: relative to the working directory
        Cli piped = cli.stdin(csv);
        CommandResult first = piped.run("--output", "json", "load", api(), "--targets", "-", "--targets-format", "csv",
                "--targets-order", "random", "--seed", "42", "-n", "200", "-c", "2", "--threads", "1");
        assertThat(first).succeeded();
        JsonSchemas.assertValid("load", first.out());
        JsonNode doc = Json.parse(first.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("targets").path("source").asText()).isEqualTo("standard input");
        assertThat(doc.path("targets").path("count").asInt()).isEqualTo(3);
        assertThat(doc.path("targets").path("order").asText()).isEqualTo("random");
        assertThat(doc.path("targets").path("seed").asLong()).isEqualTo(42);
        assertThat(doc.path("method").asText()).isEqualTo("GET,POST,PATCH");
        Map<String, Long> once = counts();
        received.clear();
        assertThat(piped.run("load", api(), "--targets", "-", "--targets-format", "csv", "--targets-order", "random",
                "--seed", "42", "-n", "200", "-c", "2", "--threads", "1")).succeeded();
        assertThat(counts()).isEqualTo(once).hasSize(3);
    }

    @Test
    void aRatelimitScript_isUsedAsTargets_urlEntriesNeedNoUrlArgument() {
        cli.file("script.ndjson", "{\"t\": \"0.000\", \"key\": \"u1\", \"cost\": 1, \"method\": \"GET\", \"url\": \"" + api() + "/a\"}\n"
                + "{\"t\": \"0.250\", \"key\": \"u2\", \"dur\": \"40ms\", \"method\": \"DELETE\", \"url\": \"" + api() + "/b\"}\n");
        CommandResult r = cli.run("load", "--targets", "script.ndjson", "-n", "10", "-c", "1");
        assertThat(r).succeeded().outContains("GET,DELETE " + api() + "/: closed model");
        assertThat(counts()).isEqualTo(Map.of("GET /a", 5L, "DELETE /b", 5L));
    }

    @Test
    void idempotencyKeyAndJwt_everyRequestCarriesItsOwnKey_andAVerifiableToken() {
        CommandResult r = cli.env("JWT_SECRET", SECRET).run("--output", "json", "load", api() + "/orders", "-X", "POST", "--body", "{\"a\":1}",
                "-n", "2000", "-c", "6", "--threads", "2", "--idempotency-key", "auto",
                "--jwt-secret", "env:JWT_SECRET", "--jwt-sub", "loadtest", "--jwt-aud", "orders", "--jwt-claim", "tier:=3", "--jwt-ttl", "10m");
        assertThat(r).succeeded().neverPrints(SECRET);
        JsonSchemas.assertValid("load", r.out());
        JsonNode doc = Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
        assertThat(doc.path("idempotencyKey").asBoolean()).isTrue();
        assertThat(doc.path("jwt").path("alg").asText()).isEqualTo("HS256");
        assertThat(doc.path("jwt").path("refreshSec").asDouble()).isEqualTo(300.0);
        assertThat(received).hasSize(2000);
        assertThat(received.stream().map(q -> q.header("Idempotency-Key")).distinct()).hasSize(2000);
        JwsKey key = KeyReader.secret(SECRET.getBytes(StandardCharsets.UTF_8), "test");
        JwtVerifier verifier = new JwtVerifier(List.of(key), JwtVerifier.Policy.defaults(), Clock.fixed(Cli.NOW, ZoneOffset.UTC));
        for (String auth : received.stream().map(q -> q.header("Authorization")).distinct().toList()) {
            JwtVerifier.Result v = verifier.verify(auth.substring("Bearer ".length()));
            assertThat(v.valid()).as(v.message()).isTrue();
            assertThat(v.claims().path("sub").asText()).isEqualTo("loadtest");
            assertThat(v.claims().path("aud").asText()).isEqualTo("orders");
            assertThat(v.claims().path("tier").asInt()).isEqualTo(3);
            assertThat(v.claims().path("iat").asLong()).isEqualTo(Cli.NOW.getEpochSecond());
            assertThat(v.claims().path("exp").asLong()).isEqualTo(Cli.NOW.getEpochSecond() + 600);
        }
        assertThat(received).allSatisfy(q -> assertThat(q.bodyText()).isEqualTo("{\"a\":1}"));
    }

    @Test
    void jwtKey_signsWithTheKeysAlgorithm_asJwtSignDoes() {
        String pem = cli.key("ec256.pkcs8.pem");
        assertThat(cli.run("load", api() + "/x", "-n", "20", "-c", "2", "--jwt-key", pem, "--jwt-iss", "apitool")).succeeded()
                .outContains("Authorization: Bearer JWT (ES256), valid 15m, re-signed every 7m30s; 1 signed");
        JwsKey pub = KeyReader.read(cli.read(cli.key("ec256.pub.pem")).getBytes(StandardCharsets.US_ASCII), "pub").get(0);
        String token = received.peek().header("Authorization").substring(7);
        JwtVerifier.Result v = new JwtVerifier(List.of(pub), JwtVerifier.Policy.defaults(), Clock.fixed(Cli.NOW, ZoneOffset.UTC)).verify(token);
        assertThat(v.valid()).as(v.message()).isTrue();
        assertThat(v.header().path("alg").asText()).isEqualTo("ES256");
        assertThat(v.claims().path("iss").asText()).isEqualTo("apitool");
    }

    @Test
    void badTargetsLine_exit2_namingFileLineColumn_beforeAnyRequest() {
        cli.file("t.ndjson", "{\"path\": \"/a\"}\n{\"path\": \"/b\", \"heders\": {}}\n");
        assertThat(cli.run("load", api(), "--targets", "t.ndjson", "-n", "10"))
                .exitedWith(2).failedWithOneLineError("t.ndjson:2:16: unknown field \"heders\"", "expected t, key, cost, dur, method, path, url, headers, body, bodyFile");
        cli.file("t.csv", "method,path\nGET,/a\nGET\n");
        assertThat(cli.run("load", api(), "--targets", "t.csv", "-n", "10"))
                .exitedWith(2).failedWithOneLineError("t.csv:3:1: 1 fields, but the header names 2");
        assertThat(received).isEmpty();
    }

    @Test
    void mixedOrigins_areRefused_atTheLineThatLeavesTheOrigin() {
        cli.file("t.ndjson", "{\"url\": \"" + api() + "/a\"}\n{\"url\": \"http://127.0.0.2:1/b\"}\n");
        assertThat(cli.run("load", "--targets", "t.ndjson", "-n", "10"))
                .exitedWith(2).failedWithOneLineError("t.ndjson:2:9: http://127.0.0.2:1 is not the origin of ",
                        "t.ndjson:1:9 (" + api().replace("localhost", "127.0.0.1") + ")", "one origin (scheme, host, port)");
        assertThat(received).isEmpty();
    }

    @Test
    void refusals_areOneLineUsageErrors() {
        cli.file("t.ndjson", "{\"path\": \"/a\"}\n");
        assertThat(cli.run("load", "--targets", "t.ndjson", "-n", "1")).exitedWith(2).failedWithOneLineError("t.ndjson:1:10: path '/a' needs a base URL");
        assertThat(cli.run("load", "-n", "1")).exitedWith(2).failedWithOneLineError("no URL: give the target URL, or --targets FILE");
        assertThat(cli.run("load", api(), "--targets", "t.ndjson", "--body", "x", "-n", "1")).exitedWith(2).failedWithOneLineError("--body applies to the URL's one request");
        assertThat(cli.run("load", api(), "--targets", "t.ndjson", "--seed", "1", "-n", "1")).exitedWith(2).failedWithOneLineError("--seed applies to --targets-order random");
        assertThat(cli.run("load", api(), "--targets-order", "random", "-n", "1")).exitedWith(2).failedWithOneLineError("--targets-order applies to --targets");
        assertThat(cli.run("load", api(), "--targets", "t.ndjson", "--targets-order", "zigzag", "-n", "1")).exitedWith(2).failedWithOneLineError("expected round-robin or random");
        assertThat(cli.run("load", api(), "--idempotency-key", "yes", "-n", "1")).exitedWith(2).failedWithOneLineError("--idempotency-key 'yes': expected auto");
        assertThat(cli.run("load", api(), "-H", "Idempotency-Key: k", "--idempotency-key", "auto", "-n", "1")).exitedWith(2)
                .failedWithOneLineError("sets Idempotency-Key, which --idempotency-key sets on every request");
        assertThat(cli.run("load", api(), "--targets", "-", "-n", "1")).exitedWith(2).failedWithOneLineError("--targets-format");
        assertThat(cli.run("load", api(), "--targets", "nope.ndjson", "-n", "1")).exitedWith(2).failedWithOneLineError("nope.ndjson: no such file");
        assertThat(received).isEmpty();
    }

    @Test
    void jwtErrors_neverPrintTheSecret_andNameLoadsFlags() {
        Cli withEnv = cli.env("JWT_SECRET", SECRET);
        List<List<String>> cases = List.of(
                List.of("--jwt-secret", SECRET, "--jwt-alg", "RS256"),
                List.of("--jwt-secret", "env:JWT_SECRET", "--jwt-alg", "ES256"),
                List.of("--jwt-secret", SECRET, "--jwt-ttl", "10m", "--jwt-refresh", "20m"),
                List.of("--jwt-secret", SECRET, "--jwt-key", "k.pem"),
                List.of("--jwt-secret", SECRET, "--jwt-claim", "broken:={"),
                List.of("--jwt-secret", SECRET, "-H", "Authorization: Bearer " + SECRET),
                List.of("--jwt-secret", "env:MISSING"),
                List.of("--jwt-sub", "x"),
                List.of("--jwt-secret", SECRET, "--jwt-ttl", "1500ms"));
        List<String> expected = List.of("--jwt-alg RS256 does not fit", "--jwt-alg ES256 does not fit",
                "--jwt-refresh must be positive and at most --jwt-ttl", "give either --jwt-secret or --jwt-key",
                "--jwt-claim 'broken'", "sets Authorization, which --jwt-secret/--jwt-key sets", "environment variable MISSING is not set",
                "need --jwt-secret or --jwt-key", "duration '1500ms' is out of range, expected 2s to 365d");
        for (int i = 0; i < cases.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("load", api(), "-n", "1"));
            args.addAll(cases.get(i));
            CommandResult r = withEnv.run(args.toArray(String[]::new));
            assertThat(r).as(String.join(" ", args)).exitedWith(2).failedWithOneLineError(expected.get(i)).neverPrints(SECRET);
            CommandResult verbose = withEnv.run(java.util.stream.Stream.concat(java.util.stream.Stream.of("--verbose"), args.stream()).toArray(String[]::new));
            assertThat(verbose).exitedWith(2).neverPrints(SECRET);
        }
        assertThat(cli.run("load", api(), "-n", "1", "--jwt-secret", "short")).exitedWith(2)
                .failedWithOneLineError("HMAC key is 5 bytes", "--jwt-allow-weak-key signs anyway").neverPrints("short\"");
        assertThat(cli.run("load", api() + "/w", "-n", "1", "--jwt-secret", "short", "--jwt-allow-weak-key")).succeeded()
                .errContains("warning: weak key (--jwt-allow-weak-key)");
        // core's key reader names the key flag of the command it serves, not jwt sign's --key
        assertThat(cli.run("load", api(), "-n", "1", "--jwt-secret", "@" + cli.key("ec256.pub.pem"))).exitedWith(2)
                .failedWithOneLineError("this is a PEM key, not an HMAC secret: pass it with --jwt-key (");
        assertThat(received).hasSize(1);
    }

    @Test
    void help_statesTheOneOriginLimitation_andTheNewFlags() {
        assertThat(cli.run("load", "--help")).succeeded().outContains("--targets=FILE", "All targets must share one origin",
                "--targets-order", "--seed", "--idempotency-key", "--jwt-secret", "--jwt-key", "--jwt-refresh", "HTTP/2");
    }
}
