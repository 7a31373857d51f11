package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.ExitCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code apitool ratelimit generate}: the script it writes, simulated, decides exactly as the same
 * spec given to {@code simulate --generate}; NDJSON or CSV by the file name; an existing file is
 * kept unless {@code --force}.
 */
class RatelimitGenerateTest extends AbstractHelpTest {

    private static final String[] POLICIES = {
        "--policy", "token-bucket:capacity=4,rate=8/s",
        "--policy", "nginx:rate=10r/s,burst=3,delay=1",
        "--policy", "sliding-window:limit=6,window=1s",
        "--policy", "concurrency:max=2",
    };

    private static final String[] SPECS = {
        "constant:rate=12/s,duration=3s,keys=3,seed=5",
        "poisson:rate=40/s,duration=3s,keys=20,dist=zipf,s=1.2,seed=7,dur=80ms",
        "burst:size=9,every=750ms,duration=3s,keys=2,cost=2,seed=3,dur=1ms",
    };

    @Override
    protected List<String> command() {
        return List.of("ratelimit", "generate");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void generatedNdjsonAndCsv_simulateExactlyAsSimulateGenerate(int which) {
        String spec = SPECS[which];
        String expected = simulate("--generate", spec);
        assertThat(Traces.decisions(Traces.lines(expected))).contains("allowed", "limited");
        for (String file : List.of("traffic.ndjson", "traffic.jsonl", "traffic.csv")) {
            CommandResult gen = cli.run("ratelimit", "generate", spec, "--out", file);
            assertThat(gen).succeeded().outIsEmpty().errContains("apitool: wrote ", " requests to ");
            assertThat(simulate("--script", file)).as(file).isEqualTo(expected);
        }
        assertThat(cli.read("traffic.csv")).startsWith("t,key,cost,dur\n");
        assertThat(cli.read("traffic.ndjson")).startsWith("{\"t\":\"0.000000\",");
    }

    @Test
    void csvOut_hasAHeader_andOneRowPerRequest() {
        assertThat(cli.run("ratelimit", "generate", "burst:size=3,every=1s,duration=2s,keys=2,seed=1", "--out", "b.csv")).succeeded()
                .errContains("wrote 6 requests");
        List<String> rows = cli.read("b.csv").lines().toList();
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0)).isEqualTo("t,key,cost,dur");
        assertThat(rows.subList(1, 4)).allSatisfy(r -> assertThat(r).matches("0\\.000000,user_[12],1,0"));
        assertThat(rows.subList(4, 7)).allSatisfy(r -> assertThat(r).matches("1\\.000000,user_[12],1,0"));
    }

    @Test
    void outDash_writesNdjsonToStdout_thatSimulateReadsFromStdin() {
        String spec = SPECS[1];
        CommandResult gen = cli.run("ratelimit", "generate", spec, "--out", "-");
        assertThat(gen).succeeded().errIsEmpty();
        CommandResult sim = cli.stdin(gen.out()).run(args("--script", "-", "--format", "ndjson"));
        assertThat(sim).succeeded();
        assertThat(sim.out()).isEqualTo(simulate("--generate", spec));
    }

    @Test
    void existingFile_withNoClobber_exits2_andKeepsIt_andIsReplacedWithout() {
        cli.file("t.ndjson", "{\"t\": 0}\n");
        assertThat(cli.run("ratelimit", "generate", SPECS[0], "--out", "t.ndjson", "--no-clobber")).exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("t.ndjson", "the file exists", "--no-clobber");
        assertThat(cli.read("t.ndjson")).isEqualTo("{\"t\": 0}\n");

        assertThat(cli.run("ratelimit", "generate", SPECS[0], "--out", "t.ndjson")).succeeded();
        assertThat(cli.read("t.ndjson").lines().count()).isEqualTo(36);
    }

    @Test
    void sameSeed_sameFile_otherSeed_otherFile() {
        cli.run("ratelimit", "generate", "poisson:rate=30/s,duration=2s,keys=4,seed=11", "--out", "a.ndjson");
        cli.run("ratelimit", "generate", "poisson:rate=30/s,duration=2s,keys=4,seed=11", "--out", "b.ndjson");
        cli.run("ratelimit", "generate", "poisson:rate=30/s,duration=2s,keys=4,seed=12", "--out", "c.ndjson");
        assertThat(cli.read("b.ndjson")).isEqualTo(cli.read("a.ndjson"));
        assertThat(cli.read("c.ndjson")).isNotEqualTo(cli.read("a.ndjson"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.yaml", "t.txt", "t"})
    void outWithAnotherExtension_exits2(String file) {
        assertThat(cli.run("ratelimit", "generate", SPECS[0], "--out", file)).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("--out " + file, ".ndjson", ".csv");
    }

    @Test
    void outInAMissingDirectory_exits2() {
        assertThat(cli.run("ratelimit", "generate", SPECS[0], "--out", "no/such/dir/t.ndjson")).exitedWith(ExitCode.USAGE)
                .failedWithOneLineError("cannot write");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wave:rate=1/s,duration=1s", "constant:rate=1/s", "poisson:rate=1/s,duration=1s,dist=pareto"})
    void badSpec_exits2_namingIt(String spec) {
        assertThat(cli.run("ratelimit", "generate", spec, "--out", "x.ndjson")).exitedWith(ExitCode.USAGE).outIsEmpty()
                .failedWithOneLineError("generator '" + spec + "'");
    }

    @Test
    void missingOut_exits2() {
        assertThat(cli.run("ratelimit", "generate", SPECS[0])).exitedWith(ExitCode.USAGE).failedWithOneLineError("--out");
    }

    private String simulate(String... source) {
        CommandResult r = cli.run(args(source));
        assertThat(r).succeeded();
        return r.out();
    }

    private static String[] args(String... source) {
        List<String> all = new ArrayList<>(List.of("ratelimit", "simulate"));
        all.addAll(List.of(POLICIES));
        all.addAll(List.of(source));
        all.addAll(List.of("--trace", "--output", "json"));
        return all.toArray(String[]::new);
    }
}
