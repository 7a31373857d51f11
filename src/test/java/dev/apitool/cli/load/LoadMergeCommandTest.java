package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code apitool load --hdr-log} then {@code apitool load merge}: one log reproduces the run, two add up, bad files exit 2. */
@Timeout(60)
class LoadMergeCommandTest extends AbstractHelpTest {

    @RegisterExtension
    final LoadTestServer server = new LoadTestServer();

    @Override
    protected List<String> command() {
        return List.of("load", "merge");
    }

    private String url(String path) {
        return server.url(path);
    }

    private static JsonNode json(CommandResult r) {
        JsonSchemas.assertValid("load", r.out());
        return Json.parse(r.out().getBytes(StandardCharsets.UTF_8), "report");
    }

    @Test
    void help_namesTheRulesOfTheMerge() {
        assertThat(cli.run("load", "merge", "--help")).succeeded()
                .outContains("Usage: apitool load merge ", "LOG...", "union", "--threshold", "--html");
        assertThat(cli.run("load", "--help")).succeeded().outContains("Commands:", "merge", "--hdr-log=FILE", "--html=FILE",
                "--progress=WHEN");
    }

    @Test
    void mergeOfOneLog_reproducesTheRunsReport() {
        CommandResult run = cli.run("--output", "json", "load", url("/"), "-n", "300", "-c", "3", "--hdr-log", "run.hlog");
        assertThat(run).succeeded();
        assertThat(cli.read("run.hlog")).startsWith("#apitool load: GET " + url("/")).contains("#apitool-summary {");
        CommandResult merged = cli.run("--output", "json", "load", "merge", "run.hlog");
        assertThat(merged).succeeded().errIsEmpty();
        JsonNode a = json(run);
        JsonNode b = json(merged);
        for (String field : List.of("latencyUs", "serviceUs", "status", "errors", "requests", "failed", "sent", "durationSec", "rps",
                "model", "url", "method", "bytes", "warmup", "connections", "threads", "transport", "stoppedBy")) {
            assertThat(b.get(field)).as(field).isEqualTo(a.get(field));
        }
        assertThat(b.path("sources").get(0).path("file").asText()).isEqualTo("run.hlog");
        assertThat(b.path("sources").get(0).path("requests").asLong()).isEqualTo(a.path("requests").asLong());
        assertThat(b.has("notes")).isFalse();
        assertThat(a.has("sources")).isFalse();
    }

    @Test
    void mergeOfTwoLogs_addsThem_textSaysMergedAndThatTheTargetsDiffer() {
        assertThat(cli.run("load", url("/"), "-n", "200", "-c", "2", "--hdr-log", "a.hlog")).succeeded();
        assertThat(cli.run("load", url("/missing"), "-n", "100", "-c", "1", "--hdr-log", "b.hlog", "--ok-status", "2xx,404"))
                .succeeded();
        CommandResult text = cli.run("load", "merge", "a.hlog", "b.hlog");
        assertThat(text).succeeded().outContains("Merged 2 logs", "  a.hlog  ", "  b.hlog  ",
                "Note: the logs are of different targets: GET " + url("/") + ", GET " + url("/missing"),
                "Requests   285 in", "Status     200: 190  404: 95", "closed model, 3 connections",
                "Warm-up: by log: first 10 requests, first 5 requests (15 requests, not counted below)");
        JsonNode doc = json(cli.run("--output", "json", "load", "merge", "a.hlog", "b.hlog"));
        assertThat(doc.path("requests").asLong()).isEqualTo(285);
        assertThat(doc.path("sent").asLong()).isEqualTo(300);
        assertThat(doc.path("sources")).hasSize(2);
        assertThat(doc.path("notes").get(0).asText()).contains("different targets");
    }

    @Test
    void thresholds_applyToTheMergedReport_exit1NamingTheBreachedOne() {
        assertThat(cli.run("load", url("/"), "-n", "100", "-c", "2", "--hdr-log", "a.hlog")).succeeded();
        assertThat(cli.run("load", "merge", "a.hlog", "--threshold", "p50<1us", "--threshold", "errors<1%"))
                .exitedWith(1).errContains("threshold breached: p50<1us (was ").errDoesNotContain("errors<1%")
                .outContains("FAIL p50<1us", "pass errors<1%");
        assertThat(cli.run("load", "merge", "a.hlog", "--threshold", "p98<1s")).exitedWith(2)
                .failedWithOneLineError("unknown metric 'p98'");
    }

    @Test
    void badLogs_exit2_withOneLineNamingFileAndLine() {
        cli.file("notalog.hlog", "#[StartTime: 1772366400.000 (seconds since epoch), Sun Mar 01 12:00:00 UTC 2026]\nhello, world\n");
        assertThat(cli.run("load", "merge", "notalog.hlog")).exitedWith(2).failedWithOneLineError(
                "notalog.hlog:2: expected an interval line [Tag=NAME,]START,LENGTH,MAX,HISTOGRAM (2 fields)");
        assertThat(cli.run("load", "merge", "missing.hlog")).exitedWith(2).failedWithOneLineError("missing.hlog: no such file");
        assertThat(cli.run("load", url("/"), "-n", "50", "-c", "1", "--hdr-log", "a.hlog")).succeeded();
        String log = cli.read("a.hlog");
        cli.file("cut.hlog", log.substring(0, log.indexOf("#apitool-summary")));
        assertThat(cli.run("load", "merge", "a.hlog", "cut.hlog")).exitedWith(2).failedWithOneLineError("cut.hlog:",
                "ends without its '#apitool-summary' line");
    }

    @Test
    void logsOfBothModels_areRefused() {
        assertThat(cli.run("load", url("/"), "-n", "50", "-c", "1", "--hdr-log", "closed.hlog")).succeeded();
        assertThat(cli.run("load", url("/"), "--rate", "200/s", "-n", "50", "--hdr-log", "open.hlog")).succeeded();
        assertThat(cli.run("load", "merge", "closed.hlog", "open.hlog")).exitedWith(2)
                .failedWithOneLineError("closed.hlog ran the closed model and open.hlog the open model");
    }

    @Test
    void hdrLogInAMissingDirectory_isAUsageError_beforeAnyRequest() {
        assertThat(cli.run("load", url("/"), "-n", "50", "--hdr-log", "no/such/dir/a.hlog")).exitedWith(2)
                .failedWithOneLineError("--hdr-log: cannot write no/such/dir/a.hlog: no such directory no/such/dir");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void html_ofAMerge_escapesWhatTheLogSays_andFetchesNothing() {
        assertThat(cli.run("load", url("/"), "-n", "100", "-c", "2", "--hdr-log", "a.hlog")).succeeded();
        String log = cli.read("a.hlog").replace("\"url\":\"" + url("/") + "\"", "\"url\":\"http://x/<script>alert(1)</script>\"");
        cli.file("evil <b>.hlog", log);
        assertThat(cli.run("load", "merge", "evil <b>.hlog", "--html", "merged.html")).succeeded();
        String html = cli.read("merged.html");
        assertThat(html).contains("http://x/&lt;script&gt;alert(1)&lt;/script&gt;", "evil &lt;b&gt;.hlog", "Merged logs", "<svg")
                .doesNotContain("<script", "<b>");
        LoadHtmlTest.assertSelfContained(html);
    }

    @Test
    void mergeOfOneLogTwice_orHtmlOverALog_isAUsageError_andLeavesTheLogAlone() {
        assertThat(cli.run("load", url("/"), "-n", "100", "-c", "1", "--hdr-log", "a.hlog")).succeeded();
        String log = cli.read("a.hlog");
        assertThat(cli.run("load", "merge", "a.hlog", "./a.hlog"))
                .exitedWith(2).failedWithOneLineError("log ./a.hlog is given twice (as a.hlog)");
        assertThat(cli.run("load", "merge", "a.hlog", "--html", "a.hlog"))
                .exitedWith(2).failedWithOneLineError("--html a.hlog is the file of log a.hlog");
        assertThat(cli.run("load", "merge", "a.hlog", "--html", "-"))
                .exitedWith(2).failedWithOneLineError("--html -: standard output carries the report");
        assertThat(cli.read("a.hlog")).isEqualTo(log);
    }
}
