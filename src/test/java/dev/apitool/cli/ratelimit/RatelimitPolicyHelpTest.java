package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.core.ratelimit.policy.Registry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ratelimit simulate --help} lists the registry's policies with their parameters; README's comparison shows them differ. */
class RatelimitPolicyHelpTest {

    @TempDir
    Path dir;

    @Test
    void help_listsEveryPolicy_withTheParametersTheRegistryDeclares() {
        CommandResult r = Cli.in(dir).run("ratelimit", "simulate", "--help");
        assertThat(r).succeeded();
        List<String> lines = r.out().lines().map(String::strip).toList();
        for (String algorithm : Registry.algorithms()) {
            String expected = algorithm + " " + String.join(", ", Registry.parameters(algorithm));
            assertThat(lines).as("help line of %s", algorithm)
                    .anyMatch(l -> l.replaceAll("\\s+", " ").equals(expected));
        }
    }

    @Test
    void readmeComparison_everyPolicyLimits_andEachAdmitsADifferentCount() throws Exception {
        List<String> args = readmeComparison();
        assertThat(args.stream().filter("--policy"::equals).count()).as("policies compared").isGreaterThanOrEqualTo(3);
        args.add("--output");
        args.add("json");
        CommandResult r = Cli.in(dir).run(args.toArray(String[]::new));
        assertThat(r).succeeded();
        JsonNode policies = new ObjectMapper().readTree(r.out()).path("policies");
        Set<Long> admitted = new HashSet<>();
        for (JsonNode p : policies) {
            assertThat(p.path("limited").asLong()).as("%s limits some of the traffic", p.path("policy").asText()).isPositive();
            admitted.add(p.path("allowed").asLong() + p.path("delayed").asLong());
        }
        assertThat(admitted).as("admitted counts differ between the policies").hasSize(policies.size());
    }

    /** Returns the arguments of README's {@code ratelimit simulate} example that compares several policies. */
    private static List<String> readmeComparison() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (String block : readme.split("```bash\n")) {
            String code = block.substring(0, Math.max(0, block.indexOf("```"))).replace("\\\n", " ");
            for (String line : code.split("\n")) {
                List<String> words = new ArrayList<>(Arrays.asList(line.strip().split("\\s+")));
                if (words.size() > 2 && words.get(0).equals("apitool") && words.get(1).equals("ratelimit")
                        && words.get(2).equals("simulate") && words.stream().filter("--policy"::equals).count() > 1
                        && words.contains("--generate")) {
                    return new ArrayList<>(words.subList(1, words.size()));
                }
            }
        }
        throw new AssertionError("README.md has no ratelimit simulate example with several --policy and --generate");
    }
}
