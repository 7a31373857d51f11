package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.Context;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.JsonSchemas;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The files {@code load} and {@code load merge} write: {@code --report}, {@code --html}, {@code --hdr-log}, one rule for all. */
@Timeout(30)
class LoadOutputFilesTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadTestServer server = new LoadTestServer();

    @Test
    void report_json_isWrittenWhileTextGoesToStdout_andMatchesTheSchema() {
        Cli cli = Cli.in(dir);
        CommandResult r = cli.run("load", server.url("/"), "-n", "60", "-c", "1", "--report", "json=run.json");
        assertThat(r).succeeded().outContains("Latency");
        JsonSchemas.assertValid("load", cli.read("run.json"));
        assertThat(cli.read("run.json")).contains("\"sent\": 60,", "\"requests\": 57,"); // 3 of 60 left out as warm-up
    }

    @Test
    void report_ofAMerge_isTheMergedJson() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("load", server.url("/"), "-n", "40", "-c", "1", "--hdr-log", "a.hlog")).succeeded();
        CommandResult merged = cli.run("load", "merge", "a.hlog", "--report", "json=merged.json");
        assertThat(merged).succeeded().outContains("Latency");
        JsonSchemas.assertValid("load", cli.read("merged.json"));
        assertThat(cli.read("merged.json")).contains("\"sources\"");
    }

    @Test
    void report_junit_isNotAFormatOfLoad_andIsRefusedBeforeAnyRequest() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("load", server.url("/"), "-n", "20", "--report", "junit=run.xml")).exitedWith(2)
                .failedWithOneLineError("--report junit=run.xml: unknown format 'junit', expected json=FILE");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void report_inAMissingDirectory_isRefusedBeforeAnyRequest_andCreatesNothing() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("load", server.url("/"), "-n", "20", "--report", "json=out/run.json")).exitedWith(2)
                .failedWithOneLineError("--report json=out/run.json: cannot write out/run.json: no such directory out");
        assertThat(server.requestsServed()).isZero();
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void report_twoNamingOneFile_isRefusedBeforeAnyRequest() {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("load", server.url("/"), "-n", "20", "--report", "json=r.json", "--report", "json=./r.json")).exitedWith(2)
                .failedWithOneLineError("--report json=./r.json: ./r.json is named by another --report too");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void noClobber_refusesAnExistingHtml_beforeAnyRequest() {
        Cli cli = Cli.in(dir);
        cli.file("run.html", "keep me");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "--html", "run.html", "--no-clobber")).exitedWith(2)
                .failedWithOneLineError("--html run.html: the file exists and --no-clobber keeps it");
        assertThat(server.requestsServed()).isZero();
        assertThat(cli.read("run.html")).isEqualTo("keep me");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "--html", "run.html")).succeeded();
        assertThat(cli.read("run.html")).startsWith("<!DOCTYPE html>");
    }

    @Test
    void html_toDevNull_writesThrough_andLeavesTheDevice() throws Exception {
        Cli cli = Cli.in(dir);
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--html", "/dev/null")).succeeded();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();
        assertThat(Files.size(Path.of("/dev/null"))).isZero();
    }

    @Test
    void hdrLog_ofARunThatDoesNotFinish_leavesTheOlderLog() throws Exception {
        Files.writeString(dir.resolve("run.hlog"), "an older log");
        LoadOutputOptions options = new LoadOutputOptions();
        options.hdrLog = "run.hlog";
        options.progress = LoadOutputOptions.Progress.never;
        Context context = new Context(Map.of(), () -> new ByteArrayInputStream(new byte[0]), dir, Clock.systemUTC(), false);
        try (LoadOutputOptions.Session session = options.start(context, new PrintWriter(new StringWriter()), new FileOptions())) {
            assertThat(session.listener()).isNotNull();
            // the run throws here: finish() is never called
        }
        assertThat(dir.resolve("run.hlog")).hasContent("an older log");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.hlog");
        }
    }

    @Test
    void hdrLog_ofAFinishedRun_replacesTheOlderLog() {
        Cli cli = Cli.in(dir);
        cli.file("run.hlog", "an older log");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--hdr-log", "run.hlog")).succeeded();
        assertThat(cli.read("run.hlog")).startsWith("#apitool load: GET").contains("#apitool-summary {");
    }
}
