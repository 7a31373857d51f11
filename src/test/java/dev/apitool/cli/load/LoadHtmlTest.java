package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code load --html FILE}: a self-contained page with the charts and the summary of the run. */
@Timeout(30)
class LoadHtmlTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final LoadTestServer server = new LoadTestServer();

    /** Fails unless {@code html} loads nothing from anywhere: no script, stylesheet, font, image, frame or link. */
    static void assertSelfContained(String html) {
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("<img").doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object")
                .doesNotContainIgnoringCase(" src=").doesNotContainIgnoringCase(" href=").doesNotContainIgnoringCase("url(")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("@font-face");
        Matcher http = Pattern.compile("https?://[^\"<\\s]*").matcher(html);
        while (http.find()) {
            // the SVG namespace names a vocabulary, it is not fetched; every other URL is text the page shows
            assertThat(html.substring(Math.max(0, http.start() - 7), http.start())).as(http.group())
                    .satisfiesAnyOf(p -> assertThat(p).isEqualTo("xmlns=\""), p -> assertThat(p).doesNotContain("=\""));
        }
    }

    @Test
    void html_ofARun_hasTheChartsAndTheSummary_selfContained() throws Exception {
        Cli cli = Cli.in(dir);
        java.nio.file.Files.createDirectories(dir.resolve("out"));
        assertThat(cli.run("load", server.url("/orders") + "?q=%3Cx%3E", "-n", "300", "-c", "2",
                "--html", "out/report.html", "--threshold", "p99<10s")).succeeded();
        String html = cli.read("out/report.html");
        assertSelfContained(html);
        assertThat(html).contains("<title>apitool load: GET http://127.0.0.1:", "/orders?q=%3Cx%3E",
                "<h2>Latency over time</h2>", "<h2>Throughput over time</h2>", "<h2>Latency by percentile</h2>",
                "<title>Latency by percentile, HdrHistogram style: log scale from 0% to 99.999%</title>",
                ">99.999%</text>", ">p99</text>", ">max</text>", "<polyline", "Status</th><td>200: ",
                "<td class=\"pass\">pass</td><td>p99&lt;10s</td>");
    }

    @Test
    void html_unwritable_isAUsageErrorNamingTheFlag_beforeAnyRequest() {
        Cli cli = Cli.in(dir);
        cli.file("taken", "a file where a directory should be");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--html", "taken/report.html"))
                .exitedWith(2).failedWithOneLineError("--html: cannot write taken/report.html: taken is not a directory");
        assertThat(server.requestsServed()).isZero();
    }
    @Test
    void outputFiles_thatCollide_orAreStdout_areUsageErrors_beforeAnyRequest_andClobberNothing() {
        Cli cli = Cli.in(dir);
        String targets = "{\"path\":\"/a\"}\n";
        cli.file("t.ndjson", targets);
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--hdr-log", "same.out", "--html", "./same.out"))
                .exitedWith(2).failedWithOneLineError("--html ./same.out is the file of --hdr-log same.out");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--targets", "t.ndjson", "--hdr-log", "t.ndjson"))
                .exitedWith(2).failedWithOneLineError("--hdr-log t.ndjson is the file of --targets t.ndjson");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--targets", "t.ndjson", "--html", "t.ndjson"))
                .exitedWith(2).failedWithOneLineError("--html t.ndjson is the file of --targets t.ndjson");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--hdr-log", "-"))
                .exitedWith(2).failedWithOneLineError("--hdr-log -: standard output carries the report");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--html", "-"))
                .exitedWith(2).failedWithOneLineError("--html -: standard output carries the report");
        assertThat(cli.read("t.ndjson")).isEqualTo(targets);
        assertThat(dir.resolve("same.out")).doesNotExist();
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(server.requestsServed()).isZero();
    }
    @Test
    void html_aDirectoryOrEmpty_isAUsageError_beforeAnyRequest() {
        Cli cli = Cli.in(dir);
        cli.file("out/keep", "x");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--html", "out"))
                .exitedWith(2).failedWithOneLineError("--html out: is a directory");
        assertThat(cli.run("load", server.url("/"), "-n", "20", "-c", "1", "--html", ""))
                .exitedWith(2).failedWithOneLineError("--html: expected a file name");
        assertThat(server.requestsServed()).isZero();
    }
}
