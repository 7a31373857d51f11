package dev.apitool.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.pipeline.Environment;
import dev.apitool.core.pipeline.Pipeline;
import dev.apitool.core.pipeline.PipelineServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator predicts the server: {@code ratelimit simulate} on constant-rate traffic says how
 * many requests a policy refuses, and {@code load --rate} with the same traffic against
 * {@code pipeline serve} with the same policy in its {@code rate-limit} middleware gets that many
 * 429s, within 1%. The bucket holds a second of tokens, so that a pause of the loaded machine
 * shorter than that (GC, another build) costs no tokens on the server that the simulation keeps.
 */
class RateLimitPredictionTest {

    static final String POLICY = "token-bucket:capacity=100,rate=100/s";
    static final String RATE = "400/s";
    static final String DURATION = "5s";

    @TempDir
    Path dir;

    @Test
    void simulate_predictsThe429sOfALoadRunAgainstServe_within1Percent() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Cli cli = Cli.in(dir);
        CommandResult sim = cli.run("--output", "json", "ratelimit", "simulate", "--policy", POLICY,
                "--generate", "constant:rate=" + RATE + ",duration=" + DURATION);
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        JsonNode policy = json.readTree(sim.out()).path("policies").path(0);
        long predicted = policy.path("limited").asLong();
        long total = policy.path("total").asLong();
        assertThat(predicted).isPositive();

        String spec = """
                apiVersion: apitool/v1
                middleware:
                  - type: rate-limit
                    policy: "%s"
                    key: header:X-Key
                routes: [{method: GET, path: /, name: root, handler: {type: static, body: ok}}]
                """.formatted(POLICY);
        Environment env = new Environment(new Inputs(Map.of(), InputStream::nullInputStream, dir), Clock.systemUTC(),
                System::nanoTime, line -> { });
        Pipeline p = Pipeline.load(spec.getBytes(StandardCharsets.UTF_8), "rl.yaml", env, new ArrayList<>());
        try (PipelineServer server = PipelineServer.start(p, HttpServerOptions.loopback().withIoThreads(1))) {
            String url = "http://127.0.0.1:" + server.address().getPort() + "/";
            // Warm the server up on another key, so that its first requests are not slowed by the JIT.
            cli.run("load", url, "--rate", RATE, "-d", "2s", "-c", "64", "-H", "X-Key: warm-up");
            CommandResult load = cli.run("--output", "json", "load", url, "--rate", RATE, "-d", DURATION, "-c", "64",
                    "--warmup", "none", "-H", "X-Key: measured");
            JsonNode report = json.readTree(load.out());
            long refused = report.path("status").path("429").asLong();
            long sent = report.path("status").path("200").asLong() + refused;

            assertThat(sent).as("requests sent: %s", load.out()).isBetween(total - total / 100, total + total / 100);
            assertThat((double) Math.abs(refused - predicted)).as("predicted %d refused, the server refused %d", predicted, refused)
                    .isLessThanOrEqualTo(predicted * 0.01);
        }
    }
}
