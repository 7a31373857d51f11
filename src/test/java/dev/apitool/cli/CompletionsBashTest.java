package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes through a real bash: sources the generated script, sets {@code COMP_WORDS}/{@code COMP_CWORD}
 * as bash does on TAB, calls the registered completion function and reads {@code COMPREPLY}, in a
 * directory holding a few files.
 */
class CompletionsBashTest {

    @TempDir
    static Path dir;

    private static Path script;

    @BeforeAll
    static void files() throws IOException {
        for (String f : List.of("demo-es256.pem", "demo-es256.pub", "a.hlog", "b.hlog", "order.json", "targets.ndjson")) {
            Files.writeString(dir.resolve(f), "x");
        }
        script = dir.resolve("apitool.bash");
        Files.writeString(script, Completions.bash(), StandardCharsets.UTF_8);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("apitool jwt sign --key demo-es2", List.of("demo-es256.pem", "demo-es256.pub")),
                Arguments.of("apitool jwt verify --key demo-es256.pu", List.of("demo-es256.pub")),
                Arguments.of("apitool health -f ord", List.of("order.json")),
                Arguments.of("apitool ratelimit simulate --policy x --script targ", List.of("targets.ndjson")),
                Arguments.of("apitool load http://127.0.0.1:1/ --targets targ", List.of("targets.ndjson")),
                Arguments.of("apitool load merge a.h", List.of("a.hlog")),
                Arguments.of("apitool load merge a.hlog b.", List.of("b.hlog")),
                Arguments.of("apitool jwt sign --secret @ord", List.of("@order.json")),
                Arguments.of("apitool load http://127.0.0.1:1/ --body @demo-es256.pe", List.of("@demo-es256.pem")),
                Arguments.of("apitool jwt keygen ES256 --format ", List.of("pem", "jwk", "jwks", "raw")),
                Arguments.of("apitool ratelimit simulate --format ", List.of("ndjson", "csv", "yaml")),
                Arguments.of("apitool ratelimit simulate --output ", List.of("text", "json")),
                Arguments.of("apitool load http://127.0.0.1:1/ --targets-order ", List.of("round-robin", "random")),
                Arguments.of("apitool jwt ke", List.of("keygen")));
    }

    @ParameterizedTest(name = "{0}<TAB>")
    @MethodSource("cases")
    void tab_afterWords_offersExactlyTheseCandidates(String line, List<String> expected) throws Exception {
        assertThat(complete(Map.of(line, line)).get(line)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void tab_afterEveryOptionWithFixedValues_offersThoseValues() throws Exception {
        Map<String, String> lines = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        collect(Apitool.fullCommandLine(), "apitool", lines, expected);
        assertThat(expected).as("options with a fixed vocabulary").hasSizeGreaterThan(10);
        Map<String, List<String>> got = complete(lines);
        expected.forEach((key, values) -> assertThat(got.get(key)).as(lines.get(key)).containsExactlyElementsOf(values));
    }

    private static void collect(CommandLine cl, String words, Map<String, String> lines, Map<String, List<String>> expected) {
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.completionCandidates() != null && !o.hidden()) {
                String key = words + " " + o.longestName();
                List<String> values = new ArrayList<>();
                o.completionCandidates().forEach(values::add);
                lines.put(key, key + " ");
                expected.put(key, values);
            }
        }
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                collect(sub, words + " " + name, lines, expected);
            }
        });
    }

    /** Completes each line (the last word is the one under the cursor) in one bash; returns the candidates per key. */
    private static Map<String, List<String>> complete(Map<String, String> lines) throws Exception {
        StringBuilder sh = new StringBuilder("source ./apitool.bash\n");
        for (Map.Entry<String, String> e : lines.entrySet()) {
            List<String> words = new ArrayList<>(List.of(e.getValue().split(" ", -1)));
            sh.append("COMP_WORDS=(");
            words.forEach(w -> sh.append('\'').append(w).append("' "));
            sh.append(")\nCOMP_CWORD=").append(words.size() - 1).append('\n')
                    .append("COMPREPLY=()\n_apitool_complete apitool '").append(words.get(words.size() - 1))
                    .append("' '").append(words.get(words.size() - 2)).append("' 2>/dev/null\n")
                    .append("echo '>>> ").append(e.getKey()).append("'\n")
                    .append("printf '%s\\n' \"${COMPREPLY[@]}\"\n");
        }
        Path file = dir.resolve("cases.sh");
        Files.writeString(file, sh.toString());
        Process p = new ProcessBuilder("bash", "--norc", "--noprofile", file.toString())
                .directory(dir.toFile()).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, List<String>> result = new LinkedHashMap<>();
        List<String> current = null;
        for (String l : out.split("\n")) {
            if (l.startsWith(">>> ")) {
                current = new ArrayList<>();
                result.put(l.substring(4), current);
            } else if (current != null && !l.isEmpty()) {
                current.add(l);
            }
        }
        assertThat(result.keySet()).as("bash output:%n%s", out).containsAll(lines.keySet());
        return result;
    }
}
