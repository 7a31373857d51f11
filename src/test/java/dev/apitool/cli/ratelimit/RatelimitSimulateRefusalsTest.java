package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.ratelimit.Traces.SEED;
import static dev.apitool.cli.ratelimit.Traces.SEED_POLICY;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code apitool ratelimit simulate} refuses: malformed scripts (exit 2, one line with
 * {@code file:line:column}, no stack trace), policy strings that do not parse (exit 2, naming the
 * bad part and listing the valid parameters), and bad flags.
 */
class RatelimitSimulateRefusalsTest {

    @TempDir
    Path dir;

    private Cli cli;

    @BeforeEach
    void freshCli() {
        cli = Cli.in(dir);
    }

    // --- malformed scripts ------------------------------------------------------------------

    @Test
    void malformedLine_afterTracedRequests_leavesEveryTracedLineWhole() {
        String script = cli.file("s.ndjson", "{\"t\":\"0\",\"key\":\"a\",\"cost\":1}\n{\"t\":\"1\",\"t\":\"0.5\"}\n");
        CommandResult r = cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", script, "--trace", "--output", "json");
        assertThat(r).exitedWith(2).errContains("s.ndjson:2:", "duplicate key 't'");
        org.assertj.core.api.Assertions.assertThat(r.out()).endsWith("}\n").contains("\"i\":1");
    }

    static Stream<Arguments> malformedScripts() {
        return Stream.of(
                Arguments.of("trailing comma", "s.ndjson", "{\"t\": 0}\n\n{\"t\":0.5,\"key\":\"a\",}\n", ":3:20: ", "double-quote"),
                Arguments.of("not an object", "s.ndjson", "{\"t\": 0}\n[1, 2]\n", ":2:1: ", "JSON object"),
                Arguments.of("two objects on a line", "s.ndjson", "{\"t\":1} {\"t\":2}\n", ":1:9: ", "one object per line"),
                Arguments.of("unknown field", "s.ndjson", "{\"t\": 0}\n{\"t\":1, \"who\":2}\n", ":2:9: ", "unknown field \"who\""),
                Arguments.of("missing t", "s.ndjson", "{\"key\": \"a\"}\n", ":1:1: ", "missing field \"t\""),
                Arguments.of("bad t", "s.ndjson", "{\"t\": \"soon\"}\n", ":1:7: ", "t 'soon'"),
                Arguments.of("t finer than a microsecond", "s.ndjson", "{\"t\": \"2026-03-01T12:00:00.0000005Z\"}\n", ":1:7: ", "microsecond"),
                Arguments.of("offsets and timestamps mixed", "s.ndjson", "{\"t\": 0}\n{\"t\": \"2026-03-01T12:00:00Z\"}\n", ":2:7: ", "not both"),
                Arguments.of("t out of order", "s.ndjson", "{\"t\":1}\n{\"t\":0.5}\n", ":2:6: ", "time order"),
                Arguments.of("negative cost", "s.ndjson", "{\"t\":1, \"cost\": -2}\n", ":1:17: ", "cost '-2'"),
                Arguments.of("bad dur", "s.ndjson", "{\"t\":1, \"dur\": \"long\"}\n", ":1:16: ", "dur"),
                Arguments.of("csv unknown column", "s.csv", "t,who\n0,a\n", ":1:3: ", "unknown column \"who\""),
                Arguments.of("csv field count", "s.csv", "t,key\n0,a\n0.1,b,c\n", ":3:1: ", "3 fields"),
                Arguments.of("csv bad t", "s.csv", "t,key\n0,a\nxyz,b\n", ":3:1: ", "t 'xyz'"),
                Arguments.of("csv unterminated quote", "s.csv", "t,key\n0,a\n0.1,\"b\n", ":3:", "unterminated"),
                Arguments.of("yaml bad t", "s.yaml", "requests:\n  - t: 0\n  - t: soon\n", ":3:8: ", "t 'soon'"),
                Arguments.of("yaml syntax", "s.yaml", "- {t: 0, key: a}\n- {t: 250ms, key: a\n", ":3:1: ", ""),
                Arguments.of("yaml not a list", "s.yaml", "t: 0\n", ":1:", "requests"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedScripts")
    void malformedScript_exits2_withFileLineColumn_inOneLine(String what, String name, String content, String where, String why) {
        cli.file(name, content);
        // the harness's working directory is the temp dir, so the file is named by its absolute path
        String located = "apitool: error: " + dir.resolve(name) + where;
        for (String output : new String[] {"text", "json"}) {
            CommandResult r = cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", name, "--output", output);
            assertThat(r).exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError(located, why);
        }
        CommandResult traced = cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", name, "--trace", "--output", "json");
        assertThat(traced).exitedWith(ExitCode.USAGE).failedWithOneLineError(located);
    }

    @Test
    void malformedLineOnStdin_isLocatedInStandardInput() {
        CommandResult r = cli.stdin("{\"t\": 0}\n{\"t\": }\n").run("ratelimit", "simulate", "--policy", SEED_POLICY,
                "--script", "-", "--format", "ndjson");
        assertThat(r).exitedWith(ExitCode.USAGE).failedWithOneLineError("standard input:2:7: ");
    }

    @Test
    void verbose_addsTheStackTrace() {
        cli.file("s.ndjson", "{\"t\": 0}\n[1]\n");
        assertThat(cli.run("--verbose", "ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "s.ndjson"))
                .exitedWith(ExitCode.USAGE).errContains("s.ndjson:2:1: ").errHasStackTrace();
    }

    @Test
    void missingScript_orUnknownExtension_exits2() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "nope.ndjson"))
                .exitedWith(ExitCode.USAGE).failedWithOneLineError("nope.ndjson", "no such file");
        cli.file("s.txt", "{\"t\": 0}\n");
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "s.txt"))
                .exitedWith(ExitCode.USAGE).failedWithOneLineError("s.txt", "cannot tell the script format");
    }

    @Test
    void stdinWithoutFormat_exits2_askingForFormat() {
        assertThat(cli.stdin("{\"t\": 0}\n").run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "-"))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("--script -", "--format");
    }

    // --- policy strings -----------------------------------------------------------------------

    static Stream<Arguments> badPolicies() {
        String tb = "(token-bucket parameters: capacity, rate, consume-rejected, name)";
        String ng = "(nginx parameters: rate, burst, delay, nodelay, consume-rejected, name)";
        return Stream.of(
                Arguments.of("token-bucket:capacity=5,rat=2/s", "unknown parameter 'rat'", tb),
                Arguments.of("token-bucket:capacity=x,rate=2/s", "capacity 'x'", tb),
                Arguments.of("token-bucket:capacity=0,rate=2/s", "capacity '0'", tb),
                Arguments.of("token-bucket", "missing parameter 'capacity'", tb),
                Arguments.of("token-bucket:capacity=5,rate=2/s,capacity=3", "'capacity' given twice", tb),
                Arguments.of("token-bucket:capacity=5,,rate=2/s", "empty parameter", tb),
                Arguments.of("nginx:rate=10r/s,nodelay,delay=2", "nodelay and delay=N exclude each other", ng),
                Arguments.of("nginx:rate=10r/x,burst=2", "rate", ng),
                Arguments.of("gcra:rate=fast", "invalid rate 'fast'", "(gcra parameters: rate, burst, consume-rejected, name)"),
                Arguments.of("concurrency:limit=2", "unknown parameter 'limit'", "(concurrency parameters: max, name)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPolicies")
    void badPolicyString_exits2_namingTheBadPart_andListingValidParameters(String policy, String badPart, String valid) {
        CommandResult r = cli.run("ratelimit", "simulate", "--policy", policy, "--script", SEED);
        assertThat(r).exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("policy '" + policy + "'", badPart, valid);
    }

    @Test
    void badPolicy_afterAGoodOne_stillExits2BeforeAnyOutput() {
        CommandResult r = cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--policy", "gcra:rate=1/s,burst=-1",
                "--script", SEED, "--trace");
        assertThat(r).exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("policy 'gcra:rate=1/s,burst=-1'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"leaky:capacity=5", "leaky", "Token-Bucket:capacity=5,rate=2/s", ":capacity=5"})
    void unknownAlgorithm_exits2_listingTheAlgorithms(String policy) {
        assertThat(cli.run("ratelimit", "simulate", "--policy", policy, "--script", SEED))
                .exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("unknown algorithm", "token-bucket, gcra, nginx, fixed-window, sliding-log, sliding-window, concurrency");
    }

    @Test
    void duplicatePolicy_exits2_evenWrittenDifferently() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--policy", SEED_POLICY, "--script", SEED))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("given twice");
        assertThat(cli.run("ratelimit", "simulate", "--policy", "gcra:rate=2/s,burst=3", "--policy", "gcra:burst=3,rate=2/s",
                "--script", SEED)).exitedWith(ExitCode.USAGE).failedWithOneLineError("gcra:burst=3,rate=2/s", "given twice");
        // the same algorithm with other settings, or another name, is a second column
        assertThat(cli.run("ratelimit", "simulate", "--policy", "gcra:rate=2/s,burst=3", "--policy", "gcra:rate=2/s,burst=3,name=b",
                "--script", SEED)).succeeded();
    }

    @Test
    void noPolicy_exits2() {
        assertThat(cli.run("ratelimit", "simulate", "--script", SEED)).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("--policy").pointsAtHelpOf("apitool ratelimit simulate");
    }

    // --- other flags --------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"foo", "memory:", "http://127.0.0.1:6379", "Redis"})
    void store_badValue_exits2(String store) {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", SEED, "--store", store))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("--store '" + store + "'", "memory or redis://HOST:PORT");
    }

    @Test
    void store_redisNobodyListens_exits2() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", SEED, "--store", "redis://127.0.0.1:" + port))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("redis://127.0.0.1:" + port, "cannot connect");
    }

    @Test
    void scriptAndGenerate_orNeither_exits2() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", SEED, "--generate", "constant:rate=1/s,duration=1s"))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("mutually exclusive");
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("--script", "--generate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wave:rate=1/s,duration=1s", "constant:rate=1/s", "constant:rate=1/s,duration=1s,s=2", "burst:size=0,every=1s,duration=1s"})
    void badGenerator_exits2_namingIt(String spec) {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--generate", spec))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("generator '" + spec + "'");
    }

    @Test
    void headers_unknownProfile_exits2() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", SEED, "--headers", "draft"))
                .exitedWith(ExitCode.USAGE).failedWithOneLineError("'draft'", "ietf, ietf-legacy or x-ratelimit");
    }

    @Test
    void outputJunit_exits2() {
        assertThat(cli.run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", SEED, "--output", "junit"))
                .exitedWith(ExitCode.USAGE).outIsEmpty().failedWithOneLineError("junit");
    }
}
