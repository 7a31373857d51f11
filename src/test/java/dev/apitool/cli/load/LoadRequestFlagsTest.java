package dev.apitool.cli.load;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} takes the shared request flags (cli RequestOptions): -X, -H, --body, --timeout, --resolve; no proxy. */
@Timeout(30)
class LoadRequestFlagsTest {

    @TempDir
    Path dir;

    private Cli cli;
    private HttpServer server;
    /** What the server saw, one line per distinct request: "METHOD target host=... x=... body=...". */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() {
        cli = Cli.in(dir);
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> {
            seen.add(describe(r));
            return ServerResponse.text(200, "ok");
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String describe(ServerRequest r) {
        return r.method() + " " + r.target() + " host=" + r.header("Host") + " x=" + r.header("X-Test") + " body=" + r.bodyText();
    }

    private String url(String path) {
        return server.uri(path).toString();
    }

    @Test
    void defaults_getWithNoBody() {
        assertThat(cli.run("load", url("/a?b=1"), "-n", "20", "-c", "2")).succeeded();
        assertThat(seen).containsExactly("GET /a?b=1 host=127.0.0.1:" + server.port() + " x=null body=");
        assertThat(server.requestsServed()).isEqualTo(20);
    }

    @Test
    void methodHeaderAndBodyFromAFile_reachTheServerAsGiven() throws Exception {
        Files.writeString(dir.resolve("order.json"), "{\"id\":7}");
        CommandResult r = cli.run("load", url("/orders"), "-n", "30", "-c", "3", "-X", "put", "-H", "X-Test: yes",
                "--body", "@order.json");
        assertThat(r).succeeded();
        assertThat(seen).containsExactly("PUT /orders host=127.0.0.1:" + server.port() + " x=yes body={\"id\":7}");
        assertThat(server.requestsServed()).isEqualTo(30);
    }

    @Test
    void bodyFromStandardInput() {
        assertThat(cli.stdin("hello").run("load", url("/"), "-n", "5", "-c", "1", "-X", "POST", "--body", "-")).succeeded();
        assertThat(seen).containsExactly("POST / host=127.0.0.1:" + server.port() + " x=null body=hello");
    }

    @Test
    void badRequestFlags_oneLineUsageErrors_nothingSent() {
        assertThat(cli.run("load", url("/"), "-n", "5", "-H", "no colon")).exitedWith(2)
                .failedWithOneLineError("-H 'no…': no ':' after the header name, expected 'Name: value'");
        assertThat(cli.run("load", url("/"), "-n", "5", "-X", "G E T")).exitedWith(2).failedWithOneLineError("-X G E T");
        assertThat(cli.run("load", url("/"), "-n", "5", "--timeout", "0s")).exitedWith(2)
                .failedWithOneLineError("duration '0s' is out of range, expected 1ms to 10m");
        assertThat(cli.run("load", url("/"), "-n", "5", "--body", "@missing.json")).exitedWith(2).failedWithOneLineError("missing.json");
        assertThat(cli.run("load", url("/"), "-n", "5", "--resolve", "nonsense")).exitedWith(2)
                .failedWithOneLineError("invalid --resolve 'nonsense'");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void durationsThatWouldOverflow_usageErrorsNamingTheRange() {
        assertThat(cli.run("load", url("/"), "-d", "99999999999999d")).exitedWith(2)
                .failedWithOneLineError("duration '99999999999999d' is out of range, expected 1ms to 365d");
        assertThat(cli.run("load", url("/"), "-n", "5", "--max-duration", "99999999999999d")).exitedWith(2)
                .failedWithOneLineError("duration '99999999999999d' is out of range, expected 1ms to 365d");
        assertThat(cli.run("load", url("/"), "-n", "5", "--jwt-secret", "0123456789abcdef0123456789abcdef",
                "--jwt-ttl", "99999999999999d")).exitedWith(2)
                .failedWithOneLineError("duration '99999999999999d' is out of range, expected 2s to 365d");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void headerValueWithAControlCharacter_usageErrorBeforeAnythingIsSent_valueNotEchoed() {
        assertThat(cli.run("load", url("/"), "-n", "5", "-H", "X-Token: se\u001bcret")).exitedWith(2)
                .failedWithOneLineError("header value for 'X-Token' contains the control character 0x1b");
        assertThat(cli.run("load", url("/"), "-n", "5", "-H", "X-Token: se\u001bcret").err()).doesNotContain("se\u001bcret");
        assertThat(server.requestsServed()).isZero();
    }

    @Test
    void help_documentsTheTenSecondTimeout_theSharedFlags_andThatProxiesAreIgnored() {
        assertThat(cli.run("load", "--help")).succeeded()
                .outContains("--timeout (default 10s)", "Request method (default: GET)", "HTTP_PROXY", "ignored",
                        "--insecure", "--cacert", "--resolve=HOST:PORT:ADDR", "--body=TEXT|@FILE|-");
    }

    @Test
    void resolve_connectsToTheGivenAddress_keepingTheNameInTheHostHeader() {
        String name = "api.load.test";
        CommandResult r = cli.run("load", "http://" + name + ":" + server.port() + "/r", "-n", "10", "-c", "2",
                "--resolve", name + ":" + server.port() + ":127.0.0.1");
        assertThat(r).succeeded();
        assertThat(seen).containsExactly("GET /r host=" + name + ":" + server.port() + " x=null body=");
        assertThat(server.requestsServed()).isEqualTo(10);
    }

    @Test
    void proxyVariables_areIgnored_evenMalformedOnes() {
        Cli proxied = cli.env("HTTP_PROXY", "http://127.0.0.1:1").env("http_proxy", "http://127.0.0.1:1")
                .env("HTTPS_PROXY", "socks5://nope");
        assertThat(proxied.run("load", url("/"), "-n", "10", "-c", "1")).succeeded();
        assertThat(server.requestsServed()).isEqualTo(10);
    }
}
