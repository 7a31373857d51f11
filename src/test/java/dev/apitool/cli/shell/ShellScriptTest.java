package dev.apitool.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.Cli;
import dev.apitool.cli.Apitool;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.Context;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Scripts piped into {@code apitool shell}: lines run in order, and the exit code is the first failure's. */
@Timeout(60)
class ShellScriptTest extends AbstractHelpTest {

    private static final String SECRET = "shell-test-secret-shell-test-secret-0123";
    private static HttpServer server;

    @Override
    protected List<String> command() {
        return List.of("shell");
    }

    @BeforeAll
    static void startServer() {
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> ServerResponse.text(200, "ok")));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private String script(String last) {
        return String.join("\n",
                "# sign a token, load the API in the background, verify the token, cancel the job",
                "set secret " + SECRET,
                "set url " + server.uri("").toString().replaceAll("/$", ""),
                "set token $(jwt sign --sub alice --exp 15m)",
                "load /hello -d 1m -c 2 --threads 1 &",
                "jobs",
                "jwt verify $token",
                "cancel 1",
                "job 1",
                "jwt verify $token --aud nobody",
                last,
                "");
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void shell_pipedScript_runsInOrderAndExitsWithTheFirstFailure() {
        long before = server.requestsServed();
        CommandResult r = Cli.in(dir).stdin(script("jwt verify $token")).run("shell");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("[1] load /hello -d 1m -c 2 --threads 1 started");
        assertThat(r.out()).containsPattern("\\[1\\]  (pending|running) .*load /hello");
        assertThat(r.out()).as("the job's partial report, shown by 'job 1'").contains("interrupted: partial results");
        assertThat(server.requestsServed()).as("the relative path went to the url setting's base").isGreaterThan(before);
        assertThat(count(r.out(), "\"sub\": \"alice\"")).as("the line after the failure did not run").isEqualTo(1);
        assertThat(r.err()).as("a cancelled job says so, not the exit code its command returned")
                .contains("[1] cancelled  load /hello").doesNotContain("exit 130");
        assertThat(r.out()).containsPattern("\\[1\\]  cancelled +\\S+ +load /hello");
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
    }

    @Test
    void shell_keepGoing_runsEveryLineAndStillExitsWithTheFirstFailure() {
        CommandResult r = Cli.in(dir).stdin(script("jwt verify $token")).run("shell", "--keep-going");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(count(r.out(), "\"sub\": \"alice\"")).isEqualTo(2);
    }

    @Test
    void shell_endlessLine_endsTheScriptWithAUsageErrorInsteadOfReadingForever() {
        byte[] endless = new byte[(2 << 20) + 10]; // NUL bytes and no line feed, as from /dev/zero
        System.arraycopy("jobs\n".getBytes(StandardCharsets.UTF_8), 0, endless, 0, 5);
        CommandResult r = Cli.in(dir).stdin(endless).run("shell");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apitool: error: <stdin>:2: line longer than the 1 MiB limit");
    }

    @Test
    void shell_invalidUtf8_isAUsageErrorNamingItsPlace() {
        byte[] script = {'j', 'o', 'b', 's', '\n', 'j', 'w', 't', ' ', (byte) 0xff, '\n'};
        CommandResult r = Cli.in(dir).stdin(script).run("shell");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apitool: error: <stdin>:2:5: invalid UTF-8 (byte 0xff; expected UTF-8 text)");
    }

    @Test
    void shell_unclosedQuote_isAUsageErrorNamingLineAndColumn() {
        CommandResult r = Cli.in(dir).stdin("jobs\njwt sign --claim 'x\n").run("shell");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("apitool: error: <stdin>:2:18: unclosed ' (expected a closing ')");
    }

    @Test
    void shell_failedSubstitution_failsTheLineWithItsCode() {
        CommandResult r = Cli.in(dir).stdin("set token $(jwt sign --sub a)\nshow settings\n").run("shell", "--keep-going");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as("the setting was not made").contains("no settings");
    }

    @Test
    void shell_unknownVariableOrJob_isAUsageError() {
        CommandResult r = Cli.in(dir).stdin("jwt verify $nope\n").run("shell");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("$nope is not set (expected a setting: set nope VALUE)");

        CommandResult c = Cli.in(dir).stdin("cancel 7\n").run("shell");
        assertThat(c.exitCode()).isEqualTo(2);
        assertThat(c.err()).contains("no job '7' (see 'jobs')");
    }

    @Test
    void shell_settingNamedLikeAnOption_isAddedUnlessGiven() {
        String token = Cli.in(dir).run("jwt", "sign", "--secret", SECRET, "--sub", "bob").out().strip();
        CommandResult r = Cli.in(dir).stdin("set secret wrong-secret-wrong-secret-wrong-secret\n"
                + "jwt verify " + token + " --secret " + SECRET + "\n"
                + "jwt verify " + token + "\n").run("shell", "--keep-going");

        assertThat(count(r.out(), "\"sub\": \"bob\"")).as("the given --secret wins over the setting").isEqualTo(1);
        assertThat(r.exitCode()).as("the setting's wrong secret is used where none is given").isEqualTo(1);
    }

    @Test
    void shell_outputSetting_appliesOnlyWhereTheCommandOffersThatFormat() {
        CommandResult r = Cli.in(dir).stdin("set output junit\n"
                + "jwt sign --secret " + SECRET + " --sub carol\n"
                + "health " + server.uri("/") + "\n").run("shell");

        assertThat(r.exitCode()).as("jwt sign has no JUnit output: it prints text instead of refusing; " + r).isZero();
        assertThat(r.out()).as("the token, as text").containsPattern("(?m)^eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+$");
        assertThat(r.out()).as("health offers junit: it takes the setting").contains("<testsuite");
    }

    /**
     * The script: sign a token, serve a spec in the background, load it, verify the token,
     * cancel the job (it drains and frees its port); the exit code is the first failure's.
     */
    @Test
    void shell_signServeLoadVerifyCancel_runsEndToEndAndExitsWithTheFirstFailure() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("api.yaml"), String.join("\n",
                "apiVersion: apitool/v1",
                "routes: [{method: POST, path: /orders, name: create_order, handler: counter}]", ""));
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        // The rest of the script is typed once the job listens, as a person would wait for it.
        InputStream stdin = new SequenceInputStream(new ByteArrayInputStream(String.join("\n",
                "set secret " + SECRET,
                "set token $(jwt sign --sub alice --exp 15m)",
                "pipeline serve api.yaml --port " + port + " &", "").getBytes(StandardCharsets.UTF_8)),
                new OnceListening(port, String.join("\n",
                        "load " + base + "/orders -X POST -n 60 -c 2 --threads 1",
                        "jobs",
                        "jwt verify $token",
                        "cancel 1",
                        "wait 1",
                        "job 1",
                        "jwt verify $token --aud nobody",
                        "jwt verify $token",
                        "")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Apitool.run(new Context(Map.of("HOME", dir.resolve("home").toString()), () -> stdin, dir,
                Clock.systemUTC(), false), new PrintWriter(out), new PrintWriter(err), "shell");
        CommandResult r = new CommandResult(code, out.toString(), err.toString(), List.of("shell"));

        assertThat(r.exitCode()).as("the first failure's code: the --aud check; " + r).isEqualTo(1);
        assertThat(r.out()).contains("[1] pipeline serve api.yaml --port " + port + " started");
        assertThat(r.out()).as("every request reached the served pipeline").contains("Status     200: ")
                .contains("Failed     0 (0.00%)");
        assertThat(r.out()).containsPattern("\\[1\\]  running .*pipeline serve");
        assertThat(count(r.out(), "\"sub\": \"alice\"")).as("verified once; the line after the failure did not run").isEqualTo(1);
        assertThat(r.out()).as("the job's output: it shut down gracefully").contains("apitool: shutting down");
        assertThat(r.err()).contains("[1] cancelled  pipeline serve api.yaml --port " + port);
        assertThat(r.out() + r.err()).doesNotContain(SECRET);
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free after cancel").isEqualTo(port);
        }
    }

    /** Standard input whose text is readable once {@code port} accepts connections (polled, bounded). */
    private static final class OnceListening extends InputStream {
        private final int port;
        private final String text;
        private InputStream in;

        OnceListening(int port, String text) {
            this.port = port;
            this.text = text;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (in == null) {
                awaitListening();
                in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            }
            return in.read(b, off, len);
        }

        private void awaitListening() throws IOException {
            try {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!accepts(port)) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("nothing listened on port " + port + " within 30s");
                    }
                    Thread.sleep(20); // polling the port, not waiting for time to pass
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for port " + port, e);
            }
        }

        private static boolean accepts(int port) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
