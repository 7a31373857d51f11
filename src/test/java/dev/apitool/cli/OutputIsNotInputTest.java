package dev.apitool.cli;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output file ({@code --report}, {@code --html}, {@code --hdr-log}) that is one of the command's
 * input files is refused before any work, by the one rule of {@link FileOptions}: exit 2, an error
 * naming both flags, and the input left as it was. The URLs point at a closed loopback port (9), so
 * a command that started its work would fail differently.
 */
@Timeout(30)
class OutputIsNotInputTest {

    private static final String CONFIG = "endpoints:\n  - name: api\n    url: http://127.0.0.1:9/\n";
    private static final String CALLS = "{\"method\": \"POST\", \"path\": \"/orders\"}\n";
    private static final String SCRIPT = "{\"t\": 0, \"key\": \"a\"}\n";
    private static final String TARGETS = "{\"method\": \"GET\", \"path\": \"/\"}\n";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a.yaml", CONFIG, new String[] {"health", "-f", "a.yaml", "--report", "json=a.yaml"},
                        "--report json=a.yaml is the file of -f a.yaml, which this command reads"),
                Arguments.of("a.yaml", CONFIG, new String[] {"health", "-f", "./a.yaml", "--report", "junit=a.yaml"},
                        "--report junit=a.yaml is the file of -f ./a.yaml, which this command reads"),
                Arguments.of("t.ndjson", TARGETS, new String[] {"load", "http://127.0.0.1:9/", "-n", "1", "--targets", "t.ndjson",
                        "--report", "json=t.ndjson"}, "--report json=t.ndjson is the file of --targets t.ndjson"),
                Arguments.of("b.json", "{}", new String[] {"load", "http://127.0.0.1:9/", "-n", "1", "-X", "POST", "--body", "@b.json",
                        "--html", "b.json"}, "--html b.json is the file of --body @b.json"),
                Arguments.of("x.hlog", "#not a log\n", new String[] {"load", "merge", "x.hlog", "--report", "json=x.hlog"},
                        "--report json=x.hlog is the file of log x.hlog"),
                Arguments.of("s.ndjson", SCRIPT, new String[] {"ratelimit", "simulate", "--policy", "token-bucket:capacity=5,rate=2/s",
                        "--script", "s.ndjson", "--report", "json=s.ndjson"}, "--report json=s.ndjson is the file of --script s.ndjson"),
                Arguments.of("s.ndjson", SCRIPT, new String[] {"ratelimit", "simulate", "--policy", "token-bucket:capacity=5,rate=2/s",
                        "--script", "s.ndjson", "--html", "s.ndjson"}, "--html s.ndjson is the file of --script s.ndjson"),
                Arguments.of("calls.ndjson", CALLS, new String[] {"idempotency", "replay", "http://127.0.0.1:9/", "--from", "calls.ndjson",
                        "--report", "json=calls.ndjson"}, "--report json=calls.ndjson is the file of --from calls.ndjson"),
                Arguments.of("hs.key", "0123456789abcdef0123456789abcdef", new String[] {"jwt", "verify", "x.y.z", "--secret", "@hs.key",
                        "--report", "json=hs.key"}, "--report json=hs.key is the file of --secret @hs.key"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void outputNamingAnInput_isRefusedBeforeAnyWork_namingBothFlags_andKeepsTheInput(String input, String content, String[] args,
            String error) {
        Cli cli = Cli.in(dir);
        cli.file(input, content);
        assertThat(cli.run(args)).exitedWith(2).failedWithOneLineError(error);
        assertThat(cli.read(input)).isEqualTo(content);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("cases")
    void outputBesideTheInput_isNotRefusedByThisRule(String input, String content, String[] args, String error) {
        Cli cli = Cli.in(dir);
        cli.file(input, content);
        String[] other = args.clone();
        other[other.length - 1] = other[other.length - 1].replace(input, "out-" + input);
        assertThat(cli.run(other).err()).doesNotContain("is the file of");
    }
}
