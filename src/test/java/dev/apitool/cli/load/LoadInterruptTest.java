package dev.apitool.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Signals;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C on {@code load}, in a JVM of its own sent a real SIGINT: the report prints, marked interrupted, and the exit code is 130. */
class LoadInterruptTest {

    @Test
    void ctrlC_duringARun_reportMarkedInterrupted_exit130(@TempDir Path dir) throws Exception {
        Signals.requireDeliverable("INT");
        CountDownLatch requests = new CountDownLatch(50);
        try (HttpServer server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> {
            requests.countDown();
            return ServerResponse.text(200, "ok");
        }))) {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    "dev.apitool.cli.Main", "load", server.uri("/").toString(), "-d", "60s", "-c", "1", "--threads", "1"));
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.redirectOutput(dir.resolve("out.txt").toFile());
            pb.redirectError(dir.resolve("err.txt").toFile());
            Process p = pb.start();
            try {
                assertThat(requests.await(60, TimeUnit.SECONDS)).as("the run started").isTrue();
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
                assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stopped well before its 60s").isTrue();
            } finally {
                p.destroyForcibly();
            }
            String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(out + Files.readString(dir.resolve("err.txt"))).isEqualTo(130);
            assertThat(out).contains("Stopped by interrupt (interrupted: partial results)");
        }
    }
}
