package dev.apitool.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Signals;
import dev.apitool.core.health.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Ctrl-C under --watch, in a real JVM: the watch stops and the process exits with the last status, not 130. */
class HealthWatchInterruptTest {

    @Test
    void ctrlC_duringWatch_exitsWithTheLastStatus() throws Exception {
        try (TestServer server = TestServer.start().ok("/db", java.time.Duration.ZERO)) {
            String refused = "tcp://127.0.0.1:" + TestServer.refusedPort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Signals.requireDeliverable("INT");
            ProcessBuilder pb = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), "dev.apitool.cli.Main", "health", server.url("/db"), refused,
                    "--watch", "--interval", "200ms").redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                int blocks = 0;
                String line;
                while (blocks < 2 && (line = out.readLine()) != null) {
                    lines.add(line);
                    blocks += line.startsWith("Overall: ") ? 1 : 0;
                }
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(5, TimeUnit.SECONDS);
                boolean ended = p.waitFor(10, TimeUnit.SECONDS);
                out.lines().forEach(lines::add);
                assertThat(ended).as("ended after SIGINT; output: %s", lines).isTrue();
            } finally {
                p.destroyForcibly();
            }
            assertThat(lines).contains("Overall: unhealthy", refused + ": unhealthy - Connection refused");
            assertThat(p.exitValue()).as("exit code; output: %s", lines).isEqualTo(1);
        }
    }
}
