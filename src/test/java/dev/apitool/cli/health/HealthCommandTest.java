package dev.apitool.cli.health;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.health.TestServer;
import dev.apitool.core.http.ServerResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** {@code apitool health} end to end, in process, against real servers on loopback. */
class HealthCommandTest extends AbstractHelpTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestServer server;

    @Override
    protected List<String> command() {
        return List.of("health");
    }

    @BeforeEach
    void startServer() {
        server = TestServer.start().ok("/db", Duration.ofMillis(2)).ok("/cache", Duration.ofMillis(1))
                .ok("/slow-db", Duration.ofSeconds(5))
                .route("/secure", Duration.ZERO, r -> "Bearer s3cret".equals(r.header("Authorization"))
                        ? ServerResponse.text(200, "ok\n") : ServerResponse.text(401, "who are you?\n"))
                .answer("/actuator/health", 503, "application/json", "{\"status\":\"OUT_OF_SERVICE\"}");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String config(String timeout, String db, String cache) {
        return cli.file("health.yaml", "defaults:\n  timeout: " + timeout + "\n"
                + "endpoints:\n"
                + "  - name: db\n    url: " + db + "\n"
                + "  - name: cache\n    url: " + cache + "\n    critical: false\n");
    }

    /**
     * Returns a config whose critical db holds its answer for a minute and times out after 100 ms,
     * and whose non-critical cache answers at once within a timeout no loaded machine runs out of:
     * only the db's timeout decides the outcome.
     */
    private String hungDbConfig() {
        server.ok("/hung-db", Duration.ofMinutes(1));
        return cli.file("health.yaml", "defaults:\n  timeout: 30s\n"
                + "endpoints:\n"
                + "  - name: db\n    url: " + server.url("/hung-db") + "\n    timeout: 100ms\n"
                + "  - name: cache\n    url: " + server.url("/cache") + "\n    critical: false\n");
    }

    private static List<String> lines(CommandResult r) {
        return List.of(r.out().split("\n"));
    }

    @Test
    void aPasswordInTheUrl_isNeverPrinted() {
        String withPassword = server.url("/db").replace("://", "://alice:hunter2@");
        CommandResult text = cli.run("health", withPassword);
        CommandResult json = cli.run("--output", "json", "health", withPassword);
        assertThat(text).outContains("alice:***@");
        for (CommandResult r : List.of(text, json)) {
            assertThat(r.out() + r.err()).doesNotContain("hunter2");
        }
    }

    @Test
    void seedScenario1_fastDbAndCache_healthy_exit0() {
        CommandResult r = cli.run("health", "-f", config("10s", server.url("/db"), server.url("/cache")));

        assertThat(r).succeeded().errIsEmpty();
        assertThat(lines(r)).hasSize(3);
        assertThat(lines(r).get(0)).isEqualTo("Overall: healthy");
        assertThat(lines(r).get(1)).matches("db: healthy \\(\\d+ms\\)");
        assertThat(lines(r).get(2)).matches("cache: healthy \\(\\d+ms\\)");
    }

    @Test
    void seedScenario2_cacheRefusing_degraded_exit0_or3WithFailOnDegraded() {
        String f = config("10s", server.url("/db"), "http://127.0.0.1:" + TestServer.refusedPort() + "/cache");

        CommandResult r = cli.run("health", "-f", f);
        assertThat(r).succeeded().errIsEmpty();
        assertThat(lines(r).get(0)).isEqualTo("Overall: degraded");
        assertThat(lines(r).get(1)).matches("db: healthy \\(\\d+ms\\)");
        assertThat(lines(r).get(2)).isEqualTo("cache: unhealthy - Connection refused");

        assertThat(cli.run("health", "-f", f, "--fail-on", "degraded")).exitedWith(ExitCode.DEGRADED).outContains("Overall: degraded");
    }

    @Test
    void seedScenario3_slowCriticalDb_unhealthyWithTimeout_exit1() {
        CommandResult r = cli.run("health", "-f", hungDbConfig());

        assertThat(r).exitedWith(ExitCode.FAILED).errIsEmpty();
        assertThat(lines(r).get(0)).isEqualTo("Overall: unhealthy");
        assertThat(lines(r).get(1)).isEqualTo("db: unhealthy - timeout after 100ms");
        assertThat(lines(r).get(2)).matches("cache: healthy \\(\\d+ms\\)");
    }

    @Test
    void quickForm_eachUrlCritical_namedByItsUrl() {
        String refused = "tcp://127.0.0.1:" + TestServer.refusedPort();
        CommandResult r = cli.run("health", server.url("/db"), refused);

        assertThat(r).exitedWith(ExitCode.FAILED);
        assertThat(lines(r)).containsExactly("Overall: unhealthy", lines(r).get(1), refused + ": unhealthy - Connection refused");
        assertThat(lines(r).get(1)).matches("\\Q" + server.url("/db") + "\\E: healthy \\(\\d+ms\\)");
    }

    @Test
    void quickForm_requestFlags_methodHeaderBodyTimeout() {
        server.route("/echo", Duration.ZERO, req -> req.method().equals("POST") && "yes".equals(req.header("X-Probe"))
                && req.bodyText().equals("{\"ping\":1}") ? ServerResponse.text(200, "ok") : ServerResponse.text(400, "no"));
        cli.file("ping.json", "{\"ping\":1}");

        assertThat(cli.run("health", "-X", "post", "-H", "X-Probe: yes", "--body", "@ping.json", server.url("/echo"))).succeeded();
        assertThat(cli.run("health", "--timeout", "100ms", server.url("/slow-db")))
                .exitedWith(ExitCode.FAILED).outContains(": unhealthy - timeout after 100ms");
    }

    @Test
    void bodyPastTheCap_unhealthySayingTheCapWasHit() {
        byte[] huge = new byte[(64 << 20) + 1];
        server.route("/huge", Duration.ZERO, req -> ServerResponse.of(200, huge));

        assertThat(cli.run("health", server.url("/huge"))).exitedWith(ExitCode.FAILED)
                .outContains(": unhealthy - body cap hit (64 MiB): the response body from 127.0.0.1:");
    }

    @Test
    void actuator503OutOfService_degraded() {
        CommandResult r = cli.run("health", server.url("/actuator/health"));

        assertThat(r).succeeded().outContains("Overall: degraded", ": degraded - reported OUT_OF_SERVICE");
    }

    @Test
    void environmentVariables_expandInTheConfig_secretsStayOutOfOutput() {
        cli.file("health.yaml", "endpoints:\n  - name: api\n    url: " + server.url("/secure")
                + "\n    headers:\n      Authorization: Bearer ${API_TOKEN}\n");

        CommandResult r = cli.env("API_TOKEN", "s3cret").run("health", "-f", "health.yaml", "--output", "json");

        assertThat(r).succeeded().neverPrints("s3cret");
        assertThat(cli.run("health", "-f", "health.yaml")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("health.yaml:5:29: environment variable API_TOKEN is not set");
    }

    @Test
    void outputJson_matchesTheSchema() throws Exception {
        String f = config("10s", server.url("/db"), "http://127.0.0.1:" + TestServer.refusedPort() + "/cache");
        CommandResult r = cli.run("health", "-f", f, "--output", "json");

        assertThat(r).succeeded();
        JsonSchemas.assertValid("health", r.out());
        JsonNode doc = MAPPER.readTree(r.out());
        assertThat(doc.get("status").asText()).isEqualTo("degraded");
        assertThat(doc.get("endpoints").get(1).get("reason").asText()).isEqualTo("Connection refused");
    }

    @Test
    void outputJunit_parses_oneTestcasePerEndpoint_failureMarked() throws Exception {
        CommandResult r = cli.run("health", "-f", hungDbConfig(), "--output", "junit");

        assertThat(r).exitedWith(ExitCode.FAILED);
        Document doc = xml(r.out());
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(2);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("message").getNodeValue())
                .isEqualTo("timeout after 100ms");
    }

    @Test
    void reportFiles_junitAndJson_writtenWhileTextGoesToStdout() throws Exception {
        java.nio.file.Files.createDirectories(cli.workDir().resolve("out"));
        CommandResult r = cli.run("health", "-f", config("10s", server.url("/db"), server.url("/cache")),
                "--report", "junit=out/health.xml", "--report", "json=out/health.json");

        assertThat(r).succeeded().outContains("Overall: healthy");
        assertThat(xml(cli.read("out/health.xml")).getElementsByTagName("testcase").getLength()).isEqualTo(2);
        JsonSchemas.assertValid("health", cli.read("out/health.json"));
    }

    @Test
    void checkConfig_validConfig_exit0_sendsNothing() {
        CommandResult r = cli.run("health", "-f", config("10s", server.url("/db"), "tcp://127.0.0.1:" + server.port()),
                "--check-config");

        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.outLine()).isEqualTo("health.yaml: OK, 2 endpoints (1 critical)");
        assertThat(server.connections()).isZero();
    }

    @Test
    void badConfig_unknownKey_exit2_fileLineColumn_beforeAnyRequest() {
        cli.file("health.yaml", "endpoints:\n  - name: db\n    url: " + server.url("/db") + "\n    timout: 3s\n");

        assertThat(cli.run("health", "-f", "health.yaml")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("health.yaml:4:5: unknown key 'timout' in endpoint 'db'", "(did you mean 'timeout'?)")
                .outIsEmpty();
        assertThat(server.connections()).isZero();
    }

    @Test
    void badConfig_badConditionAndBadUrl_exit2_fileLineColumn() {
        cli.file("cond.yaml", "endpoints:\n  - name: db\n    url: " + server.url("/db") + "\n    conditions:\n      - status = 200\n");
        cli.file("url.yaml", "endpoints:\n  - name: db\n    url: htp://db/health\n");

        assertThat(cli.run("health", "-f", "cond.yaml", "--check-config")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("cond.yaml:5:16: bad condition 'status = 200': '=' is not an operator");
        assertThat(cli.run("health", "-f", "url.yaml")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("url.yaml:3:10: bad URL 'htp://db/health': unsupported scheme 'htp'");
        assertThat(server.connections()).isZero();
    }

    @Test
    void watchWithCount_runsNTimes_plainBlocksWhenNotATerminal_exitsWithTheLastStatus() {
        CommandResult r = cli.run("health", server.url("/db"), "--watch", "--interval", "50ms", "--count", "3");

        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out().split("\n\n")).hasSize(3).allSatisfy(block -> assertThat(block).startsWith("Overall: healthy\n"));
    }

    @Test
    void onATerminal_statusWordsColoured_watchRedrawsInPlace_noColorKeepsThePlainWords() {
        CommandResult single = cli.onTerminal().run("health", server.url("/db"));
        assertThat(single).succeeded().outContains("Overall: \u001b[32mhealthy\u001b[0m");
        assertThat(cli.onTerminal().run("health", "--no-color", server.url("/db"))).outContains("Overall: healthy\n");

        CommandResult watch = cli.onTerminal().run("health", server.url("/db"), "--count", "2", "--interval", "20ms");
        assertThat(watch).succeeded().outContains("Every 20ms: apitool health, run 2 (");
        assertThat(watch.out().split("\u001b\\[H\u001b\\[2J", -1)).hasSize(3);
    }

    @Test
    void watchJson_oneDocumentPerLine_eachValid() throws Exception {
        CommandResult r = cli.run("health", server.url("/db"), "--count", "2", "--interval", "20ms", "--output", "json");

        assertThat(r).succeeded();
        List<String> docs = lines(r);
        assertThat(docs).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonSchemas.assertValid("health", docs.get(i));
            assertThat(MAPPER.readTree(docs.get(i)).get("run").asInt()).isEqualTo(i + 1);
        }
    }

    @Test
    void usageErrors_oneLineExit2() {
        assertThat(cli.run("health")).exitedWith(ExitCode.USAGE).failedWithOneLineError("nothing to check");
        cli.file("h.yaml", "endpoints: [{name: a, url: 'http://a/'}]\n");
        assertThat(cli.run("health", "-f", "h.yaml", server.url("/db"))).exitedWith(ExitCode.USAGE).failedWithOneLineError("not both");
        assertThat(cli.run("health", "-f", "h.yaml", "-X", "POST")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("-X and --body are for the quick form");
        assertThat(cli.run("health", server.url("/db"), "--watch", "--output", "junit")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("use --report junit=FILE");
        assertThat(cli.run("health", server.url("/db"), "--report", "html=x.html")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("unknown format 'html', expected json=FILE or junit=FILE");
        assertThat(cli.run("health", server.url("/db"), "--count", "0")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("--count 0: expected 1 or more runs");
        assertThat(cli.run("health", "ftp://x/")).exitedWith(ExitCode.USAGE).failedWithOneLineError("unsupported scheme 'ftp'");
        assertThat(cli.run("health", "-H", "nocolon", server.url("/db"))).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("-H 'nocolon': no ':' after the header name, expected 'Name: value'");
        assertThat(cli.run("health", "-H", "X-Token: a\u0001b", server.url("/db"))).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("header value for 'X-Token' contains the control character 0x01");
        assertThat(cli.run("health", "--fail-on", "sometimes", server.url("/db"))).exitedWith(ExitCode.USAGE);
        assertThat(cli.run("health", "--timeout", "0", server.url("/db"))).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("duration '0' is out of range, expected 1ms to 10m");
        assertThat(cli.run("health", "--interval", "0", server.url("/db"))).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("duration '0' is out of range, expected 10ms to 1d");
        assertThat(server.connections()).isZero();
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
