package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.ratelimit.Traces.SEED;
import static dev.apitool.cli.ratelimit.Traces.SEED_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.JsonSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apitool ratelimit simulate} end to end, in process: the seed scenario as a script in
 * every output, several policies side by side, generated traffic, header profiles, the HTML
 * page, and every script format and source. Refusals are in {@link RatelimitSimulateRefusalsTest},
 * the Redis store in {@link RatelimitRedisStoreTest}.
 */
class RatelimitSimulateTest extends AbstractHelpTest {

    private static final List<String> SEED_DECISIONS =
            List.of("allowed", "allowed", "allowed", "allowed", "allowed", "limited", "allowed");

    @Override
    protected List<String> command() {
        return List.of("ratelimit", "simulate");
    }

    private CommandResult simulate(String... args) {
        List<String> all = new ArrayList<>(List.of("ratelimit", "simulate"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    // --- the seed scenario: capacity 5, refill 2/s, six requests at 0 and one at 1 s ----------

    @Test
    void seedScript_textTrace_admitsOneToFive_limitsTheSixth_admitsTheOneAtOneSecond() {
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace");
        assertThat(r).succeeded().errIsEmpty();
        List<String> trace = Traces.textTrace(r.out());
        assertThat(trace).hasSize(7);
        for (int i = 0; i < 7; i++) {
            String time = i == 6 ? "1.000" : "0.000";
            assertThat(trace.get(i)).startsWith(time + "  #" + (i + 1) + "  client  " + SEED_POLICY + "  " + SEED_DECISIONS.get(i) + "  ");
        }
        assertThat(trace.get(0)).isEqualTo("0.000  #1  client  token-bucket:capacity=5,rate=2/s  allowed  remaining=4"
                + "  RateLimit-Policy: \"token-bucket\";q=5;w=3  RateLimit: \"token-bucket\";r=4;t=1");
        assertThat(trace.get(5)).contains("limited  remaining=0  retry-after=0.500s", "Retry-After: 1");
        assertThat(trace.get(6)).contains("allowed  remaining=1");
        // then the summary
        assertThat(r.out()).containsPattern("(?m)^total +7$").containsPattern("(?m)^allowed +6$")
                .containsPattern("(?m)^limited +1$").containsPattern("(?m)^first limited at +0\\.000s$")
                .contains("Traffic: " + SEED + ", 7 requests over 1.000s");
    }

    @Test
    void seedScript_jsonTrace_everyLineMatchesTheTraceSchema_decisionsInOrder() {
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out()).endsWith("\n").doesNotContain("\n\n").doesNotContain("schemaVersion");
        for (String line : Traces.rawLines(r.out())) {
            JsonSchemas.assertValid("ratelimit-trace", line);
        }
        List<JsonNode> lines = Traces.lines(r.out());
        assertThat(lines).extracting(n -> n.get("i").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(Traces.decisions(lines)).isEqualTo(SEED_DECISIONS);
        assertThat(lines).extracting(n -> n.get("t").asText())
                .containsExactly("0.000", "0.000", "0.000", "0.000", "0.000", "0.000", "1.000");
        assertThat(lines).extracting(n -> n.get("remaining").asLong()).containsExactly(4L, 3L, 2L, 1L, 0L, 0L, 1L);
        assertThat(lines).allSatisfy(n -> {
            assertThat(n.get("key").asText()).isEqualTo("client");
            assertThat(n.get("policy").asText()).isEqualTo(SEED_POLICY);
            assertThat(n.get("delayMs").asLong()).isZero();
        });
        JsonNode sixth = lines.get(5);
        assertThat(sixth.get("retryAfterMs").asLong()).isEqualTo(500);
        assertThat(sixth.get("headers").get("Retry-After").asText()).isEqualTo("1");
        assertThat(lines.get(6).get("retryAfterMs").asLong()).isZero();
        assertThat(lines.get(6).get("headers").has("Retry-After")).isFalse();
    }

    @Test
    void seedScript_jsonSummary_matchesTheSchema_withTheSeedCounts() {
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", SEED, "--output", "json");
        assertThat(r).succeeded().errIsEmpty();
        JsonSchemas.assertValid("ratelimit-simulate", r.out());
        JsonNode doc = Traces.json(r.out());
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.get("source").asText()).isEqualTo(SEED);
        assertThat(doc.get("requests").asLong()).isEqualTo(7);
        assertThat(doc.get("durationSec").asText()).isEqualTo("1.000");
        JsonNode p = doc.get("policies").get(0);
        assertThat(p.get("policy").asText()).isEqualTo(SEED_POLICY);
        assertThat(p.get("total").asLong()).isEqualTo(7);
        assertThat(p.get("allowed").asLong()).isEqualTo(6);
        assertThat(p.get("delayed").asLong()).isZero();
        assertThat(p.get("limited").asLong()).isEqualTo(1);
        assertThat(p.get("longestLimitedRun").asLong()).isEqualTo(1);
        assertThat(p.get("firstLimitedSec").asText()).isEqualTo("0.000");
        assertThat(p.get("topLimitedKeys").toString()).isEqualTo("[{\"key\":\"client\",\"count\":1}]");
        assertThat(p.get("admittedRatio").asDouble()).isEqualTo(6.0 / 7);
        JsonNode timeline = p.get("timeline");
        long admitted = 0;
        for (JsonNode v : timeline.get("admitted")) {
            admitted += v.asLong();
        }
        assertThat(admitted).isEqualTo(6);
        assertThat(timeline.get("limited").get(0).asLong()).isEqualTo(1);
    }

    @Test
    void emptyScript_jsonSummary_matchesTheSchema() throws IOException {
        String file = cli.file("empty.ndjson", "");
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", file, "--output", "json");
        assertThat(r).succeeded();
        JsonSchemas.assertValid("ratelimit-simulate", r.out());
        JsonNode p = Traces.json(r.out()).get("policies").get(0);
        assertThat(p.get("total").asLong()).isZero();
        assertThat(p.get("firstLimitedSec").isNull()).isTrue();
    }

    // --- several policies side by side ------------------------------------------------------

    @Test
    void severalPolicies_sideBySide_oneColumnEach_inTheOrderGiven() {
        String[] policies = {SEED_POLICY, "nginx:rate=2r/s,burst=3", "fixed-window:limit=5,window=1s"};
        String[] args = {"--policy", policies[0], "--policy", policies[1], "--policy", policies[2], "--script", SEED};

        CommandResult text = simulate(args);
        assertThat(text).succeeded().errIsEmpty();
        String header = text.out().lines().filter(l -> l.contains(policies[0])).findFirst().orElseThrow();
        assertThat(header.indexOf(policies[0])).isLessThan(header.indexOf(policies[1]));
        assertThat(header.indexOf(policies[1])).isLessThan(header.indexOf(policies[2]));
        assertThat(text.out()).containsPattern("(?m)^total +7 +7 +7$").containsPattern("(?m)^limited +1 +2 +1$");

        CommandResult json = simulate(concat(args, "--output", "json"));
        assertThat(json).succeeded();
        JsonSchemas.assertValid("ratelimit-simulate", json.out());
        JsonNode ps = Traces.json(json.out()).get("policies");
        assertThat(ps).extracting(p -> p.get("policy").asText()).containsExactly(policies);
        assertThat(ps.get(1).get("delayed").asLong()).isEqualTo(4);
        assertThat(ps.get(1).get("meanDelayMs").asDouble()).isEqualTo(1000.0);

        CommandResult trace = simulate(concat(args, "--trace", "--output", "json"));
        assertThat(trace).succeeded();
        List<JsonNode> lines = Traces.lines(trace.out());
        assertThat(lines).hasSize(21);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i).get("i").asLong()).isEqualTo(i / 3 + 1);
            assertThat(lines.get(i).get("policy").asText()).isEqualTo(policies[i % 3]);
            JsonSchemas.assertValid("ratelimit-trace", lines.get(i).toString());
        }
        List<JsonNode> nginx = lines.stream().filter(n -> n.get("policy").asText().equals(policies[1])).toList();
        // nginx rate=2r/s burst=3 (delay): excess 0, 1000, 2000, 3000 admitted; 4000 refused; 1 s drains 2000
        assertThat(Traces.decisions(nginx)).containsExactly("allowed", "delayed", "delayed", "delayed", "limited", "limited", "delayed");
        assertThat(nginx).extracting(n -> n.get("delayMs").asLong()).containsExactly(0L, 500L, 1000L, 1500L, 0L, 0L, 1000L);
        List<JsonNode> window = lines.stream().filter(n -> n.get("policy").asText().equals(policies[2])).toList();
        assertThat(Traces.decisions(window)).isEqualTo(SEED_DECISIONS);
    }

    // --- generated traffic --------------------------------------------------------------------

    static Stream<Arguments> generators() {
        return Stream.of(
                Arguments.of("constant:rate=10/s,duration=2s,keys=3", 20),
                Arguments.of("poisson:rate=20/s,duration=2s,keys=4,dist=zipf", -1),
                Arguments.of("burst:size=5,every=500ms,duration=2s,keys=2", 20));
    }

    @ParameterizedTest
    @MethodSource("generators")
    void generate_sameSeed_identicalOutput_differentSeed_otherKeysOrTimes(String spec, int expectedRequests) {
        String[] policies = {"--policy", "gcra:rate=5/s,burst=2", "--policy", "sliding-log:limit=4,window=1s"};
        CommandResult a = simulate(concat(policies, "--generate", spec + ",seed=42", "--trace", "--output", "json"));
        CommandResult b = simulate(concat(policies, "--generate", spec + ",seed=42", "--trace", "--output", "json"));
        CommandResult c = simulate(concat(policies, "--generate", spec + ",seed=43", "--trace", "--output", "json"));
        assertThat(a).succeeded().errIsEmpty();
        assertThat(b.out()).isEqualTo(a.out());
        assertThat(c.out()).isNotEqualTo(a.out());
        List<JsonNode> lines = Traces.lines(a.out());
        for (String line : Traces.rawLines(a.out())) {
            JsonSchemas.assertValid("ratelimit-trace", line);
        }
        long requests = lines.get(lines.size() - 1).get("i").asLong();
        if (expectedRequests >= 0) {
            assertThat(requests).isEqualTo(expectedRequests);
        }
        assertThat(lines).hasSize((int) requests * 2);
        assertThat(Traces.decisions(lines)).contains("allowed", "limited");

        CommandResult summary = simulate(concat(policies, "--generate", spec + ",seed=42", "--output", "json"));
        JsonSchemas.assertValid("ratelimit-simulate", summary.out());
        assertThat(Traces.json(summary.out()).get("source").asText()).isEqualTo(spec + ",seed=42");
        assertThat(simulate(concat(policies, "--generate", spec + ",seed=42", "--output", "json")).out()).isEqualTo(summary.out());
    }

    // --- header profiles ----------------------------------------------------------------------

    static Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("ietf", Set.of("RateLimit-Policy", "RateLimit")),
                Arguments.of("ietf-legacy", Set.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")),
                Arguments.of("x-ratelimit", Set.of("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void headers_profileChangesTheTraceHeaderNames(String profile, Set<String> names) {
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json", "--headers", profile);
        assertThat(r).succeeded();
        List<JsonNode> lines = Traces.lines(r.out());
        for (int i = 0; i < lines.size(); i++) {
            JsonSchemas.assertValid("ratelimit-trace", lines.get(i).toString());
            Set<String> expected = new TreeSet<>(names);
            if (i == 5) {
                expected.add("Retry-After");
            }
            assertThat(fieldNames(lines.get(i).get("headers"))).as("line %d", i + 1).isEqualTo(expected);
        }
        assertThat(Traces.decisions(lines)).isEqualTo(SEED_DECISIONS);

        CommandResult text = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--headers", profile);
        assertThat(text).succeeded();
        for (String name : names) {
            assertThat(Traces.textTrace(text.out())).allSatisfy(l -> assertThat(l).contains("  " + name + ": "));
        }
    }

    @Test
    void headers_ietfIsTheDefault_andProfilesGiveTheSameValues() {
        CommandResult byDefault = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json");
        CommandResult ietf = simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json", "--headers", "ietf");
        assertThat(ietf.out()).isEqualTo(byDefault.out());
        JsonNode legacy = Traces.lines(simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json",
                "--headers", "ietf-legacy").out()).get(2).get("headers");
        JsonNode x = Traces.lines(simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json",
                "--headers", "x-ratelimit").out()).get(2).get("headers");
        assertThat(legacy.get("RateLimit-Limit").asText()).isEqualTo(x.get("X-RateLimit-Limit").asText()).isEqualTo("5");
        assertThat(legacy.get("RateLimit-Remaining").asText()).isEqualTo(x.get("X-RateLimit-Remaining").asText()).isEqualTo("2");
        assertThat(Traces.lines(byDefault.out()).get(2).get("headers").get("RateLimit").asText()).isEqualTo("\"token-bucket\";r=2;t=2");
    }

    // --- the HTML page ------------------------------------------------------------------------

    @Test
    void html_writesASelfContainedPageWithCharts_andStillPrintsTheSummary() throws IOException {
        CommandResult r = simulate("--policy", SEED_POLICY, "--policy", "nginx:rate=2r/s,burst=3", "--script", SEED, "--html", "report.html");
        assertThat(r).succeeded().errIsEmpty().outContains("total ");
        String page = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "</html>", SEED_POLICY, "nginx:rate=2r/s,burst=3")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase(" src=").doesNotContain("http://", "https://www.");
        assertThat(page.split("<svg", -1)).hasSize(3); // one chart per policy
    }

    @Test
    void html_replacesAnEarlierReport() throws IOException {
        cli.file("report.html", "old");
        assertThat(simulate("--policy", SEED_POLICY, "--script", SEED, "--html", "report.html", "--output", "json")).succeeded();
        assertThat(Files.readString(dir.resolve("report.html"))).contains("<svg");
    }

    // --- script formats and sources ---------------------------------------------------------

    private static final String SEED_CSV = "t,key\n0,client\n0,client\n0,client\n0,client\n0,client\n0,client\n1,client\n";
    private static final String SEED_YAML = "# the seed scenario\nrequests:\n"
            + "  - {t: 0, key: client}\n  - {t: 0ms, key: client}\n  - {t: 0.000, key: client}\n"
            + "  - t: 0\n    key: client\n  - {t: 0, key: client}\n  - {t: 0, key: client}\n  - {t: 1s, key: client}\n";

    @ParameterizedTest
    @ValueSource(strings = {"csv", "yaml"})
    void csvAndYamlScripts_decideAsTheNdjsonScript(String format) throws IOException {
        String file = cli.file("seed." + format, format.equals("csv") ? SEED_CSV : SEED_YAML);
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", file, "--trace", "--output", "json");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out()).isEqualTo(simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json").out());
        assertThat(Traces.json(simulate("--policy", SEED_POLICY, "--script", file, "--output", "json").out()).get("source").asText())
                .isEqualTo(dir.resolve(file).toString());
    }

    @Test
    void csvScript_allColumns_quotedKeys_andIsoTimes() {
        String file = cli.file("r.csv", "t,key,cost,dur,method,path\n"
                + "2026-03-01T12:00:00Z,\"a,b\",1,40ms,GET,/x\n"
                + "2026-03-01T12:00:00.250Z,\"say \"\"hi\"\"\",2,,POST,/y\n");
        CommandResult r = simulate("--policy", "concurrency:max=1", "--script", file, "--trace", "--output", "json");
        assertThat(r).succeeded();
        List<JsonNode> lines = Traces.lines(r.out());
        assertThat(lines).extracting(n -> n.get("key").asText()).containsExactly("a,b", "say \"hi\"");
        assertThat(lines).extracting(n -> n.get("t").asText()).containsExactly("0.000", "0.250");
        // a cost of 2 can never fit a concurrency limit of 1
        assertThat(lines.get(1).get("decision").asText()).isEqualTo("limited");
        assertThat(lines.get(1).get("retryAfterMs").asLong()).isEqualTo(-1);
        for (JsonNode n : lines) {
            JsonSchemas.assertValid("ratelimit-trace", n.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "csv", "yaml", "NDJSON"})
    void stdinScript_withFormat_decidesAsTheFile(String format) throws IOException {
        String text = switch (format.toLowerCase()) {
            case "csv" -> SEED_CSV;
            case "yaml" -> SEED_YAML;
            default -> Files.readString(Path.of(SEED));
        };
        CommandResult r = cli.stdin(text).run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "-", "--format", format,
                "--trace", "--output", "json");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out()).isEqualTo(simulate("--policy", SEED_POLICY, "--script", SEED, "--trace", "--output", "json").out());
        CommandResult summary = cli.stdin(text).run("ratelimit", "simulate", "--policy", SEED_POLICY, "--script", "-",
                "--format", format, "--output", "json");
        assertThat(Traces.json(summary.out()).get("source").asText()).isEqualTo("standard input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ndjson", "csv", "yaml"})
    void aLeadingByteOrderMark_isIgnored(String format) throws IOException {
        String text = switch (format) {
            case "csv" -> SEED_CSV;
            case "yaml" -> SEED_YAML;
            default -> Files.readString(Path.of(SEED));
        };
        String file = cli.file("bom." + format, ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", file, "--trace", "--output", "json");
        assertThat(r).succeeded().errIsEmpty();
        assertThat(Traces.decisions(Traces.lines(r.out()))).isEqualTo(SEED_DECISIONS);
    }

    @Test
    void format_overridesTheFileName() {
        String file = cli.file("seed.txt", SEED_CSV);
        CommandResult r = simulate("--policy", SEED_POLICY, "--script", file, "--format", "csv", "--output", "json");
        assertThat(r).succeeded();
        assertThat(Traces.json(r.out()).get("policies").get(0).get("limited").asLong()).isEqualTo(1);
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String[] concat(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
