package dev.apitool.cli.health;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.ExitCode;
import dev.apitool.core.health.TestServer;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;

/**
 * examples/health/ runs as documented: the config validates and passes against a local service
 * shaped like the one it describes, and the GitHub Actions step that runs {@code apitool health}
 * (in examples/health/github-actions.yml, and in README.md's {@code ```yaml} block once it has
 * one) runs in bash, with apitool on the PATH, against that local service: BASE_URL and the other
 * variables pointed at it, {@code ${{ secrets.* }}} given test values.
 */
class HealthExamplesTest {

    private static final String TOKEN = "ci-token";

    @TempDir
    Path dir;

    private TestServer service;
    private volatile String appStatus = "UP";

    @BeforeEach
    void startService() throws Exception {
        service = TestServer.start()
                .route("/actuator/health", Duration.ZERO, r -> json(appStatus.equals("UP") ? 200 : 503,
                        "{\"status\":\"" + appStatus + "\",\"components\":{\"db\":{\"status\":\"" + appStatus + "\"}}}"))
                .route("/api/status", Duration.ZERO, r -> ("Bearer " + TOKEN).equals(r.header("Authorization"))
                        ? json(200, "{\"version\":\"1.4.2\",\"checks\":[{\"name\":\"db\",\"status\":\"UP\"}]}")
                        : json(401, "{\"error\":\"unauthorized\"}"))
                .answer("/docs", 200, "text/html", "<html><head><title>Docs</title></head></html>");
        Path examples = Files.createDirectories(dir.resolve("examples/health"));
        for (String f : new String[] {"health.yaml", "github-actions.yml"}) {
            Files.copy(Path.of("examples/health", f), examples.resolve(f));
        }
    }

    @AfterEach
    void stopService() {
        service.close();
    }

    private static ServerResponse json(int status, String body) {
        return new ServerResponse(status, Headers.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                null, ServerResponse.Ending.KEEP_ALIVE);
    }

    private Map<String, String> serviceEnv() {
        return Map.of("BASE_URL", "http://127.0.0.1:" + service.port(), "API_TOKEN", TOKEN,
                "DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(service.port()));
    }

    private Cli cli() {
        Cli cli = Cli.in(dir);
        for (Map.Entry<String, String> e : serviceEnv().entrySet()) {
            cli = cli.env(e.getKey(), e.getValue());
        }
        return cli;
    }

    @Test
    void exampleConfig_isValid_withoutAnyEnvironment() {
        CommandResult r = Cli.in(dir).run("health", "-f", "examples/health/health.yaml", "--check-config");

        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.outLine()).isEqualTo("examples/health/health.yaml: OK, 4 endpoints (3 critical)");
    }

    @Test
    void exampleConfig_againstALocalService_healthy_thenUnhealthyWhenTheAppIsDown() {
        CommandResult healthy = cli().run("health", "-f", "examples/health/health.yaml");
        assertThat(healthy).succeeded().outContains("Overall: healthy\n", "api: healthy (", "database: healthy (");

        appStatus = "DOWN";
        CommandResult down = cli().run("health", "-f", "examples/health/health.yaml");
        assertThat(down).exitedWith(ExitCode.FAILED).outContains("Overall: unhealthy\n", "app: unhealthy - reported DOWN (db: DOWN)");
    }

    /** The smoke-check step of examples/health/github-actions.yml, and of README.md once it shows one. */
    static Stream<String> smokeExamples() {
        return Stream.of("examples/health/github-actions.yml", "README.md");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smokeExamples")
    void githubActionsSmokeStep_runsInBash_againstALocalService(String source) throws Exception {
        JsonNode step = smokeStep(source);
        Process p = bash(step.get("run").asText(), stepEnv(step)).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("Overall: healthy");
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(dir.resolve("health.xml"))));
        assertThat(junit.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();

        appStatus = "DOWN";
        Process failing = bash(step.get("run").asText(), stepEnv(step)).start();
        String failed = new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(failing.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failing.exitValue()).as("exit code; output:%n%s", failed).isEqualTo(1);
        assertThat(failed).contains("app: unhealthy - reported DOWN (db: DOWN)");
    }

    /**
     * Returns the step that runs {@code apitool health} in {@code source}: a workflow file (a list of
     * steps, {@code steps:}, or {@code jobs:}), or the first {@code ```yaml} block of README.md that has one.
     */
    private JsonNode smokeStep(String source) throws Exception {
        String yaml;
        if (source.endsWith(".md")) {
            Matcher m = Pattern.compile("(?ms)^```ya?ml[^\\n]*\\n(.*?)^```").matcher(Files.readString(Path.of(source)));
            yaml = null;
            while (m.find() && yaml == null) {
                yaml = m.group(1).contains("apitool health") ? m.group(1) : null;
            }
            Assumptions.assumeTrue(yaml != null, "README.md has no ```yaml block running apitool health yet");
        } else {
            yaml = Files.readString(dir.resolve(source));
        }
        JsonNode root = new YAMLMapper().readTree(yaml);
        JsonNode steps = root.isArray() ? root : root.has("steps") ? root.get("steps")
                : root.path("jobs").elements().hasNext() ? root.path("jobs").elements().next().path("steps") : root;
        for (JsonNode s : steps) {
            if (s.path("run").asText().contains("apitool health")) {
                return s;
            }
        }
        throw new AssertionError("no step running apitool health in " + source);
    }

    /** Returns the step's env with ${{ secrets.* }} given test values and every address pointed at the local service. */
    private Map<String, String> stepEnv(JsonNode step) {
        Map<String, String> env = new java.util.HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = step.path("env").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            env.put(e.getKey(), e.getValue().asText().contains("${{") ? "test-secret" : e.getValue().asText());
        }
        assertThat(env).containsKeys("BASE_URL", "API_TOKEN");
        env.putAll(serviceEnv());
        return env;
    }

    private ProcessBuilder bash(String script, Map<String, String> env) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("apitool");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.apitool.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", "-eo", "pipefail", "-c", script).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        pb.environment().putAll(env);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("NO_COLOR", "1");
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return pb;
    }
}
