package dev.apitool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.idempotency.IdempotencyGuard;
import dev.apitool.core.idempotency.IdempotencySettings;
import dev.apitool.core.idempotency.MemoryIdempotencyStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every {@code ```bash} block of README.md in bash, with {@code apitool} on the PATH (this
 * build's classes), in a scratch copy of {@code examples/}, and {@code $API} the base URL of a
 * small server on loopback: documented examples cannot rot. A block
 * whose fence says {@code exit=N} must exit N, and a comment quoting apitool's output
 * ({@code # apitool: error: …}) must match what it prints; {@code setup} blocks are run by {@code .ci/run}.
 */
class ReadmeExamplesTest {

    record Example(int line, String script, int exit) {
        @Override
        public String toString() {
            return "README.md:" + line;
        }
    }

    private static final Pattern FENCE = Pattern.compile("^```bash(.*)$");

    static List<Example> examples() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = FENCE.matcher(lines.get(i));
            if (!m.matches() || m.group(1).contains("setup")) {
                continue;
            }
            Matcher exit = Pattern.compile("exit=(\\d+)").matcher(m.group(1));
            int expected = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
            StringBuilder script = new StringBuilder();
            int start = i + 1;
            while (!lines.get(++i).startsWith("```")) {
                script.append(lines.get(i)).append('\n');
            }
            out.add(new Example(start, script.toString(), expected));
        }
        assertThat(out).as("README.md has runnable examples").isNotEmpty();
        return out;
    }

    /**
     * The API the examples talk to as {@code $API}: answers every request with 200 and a small JSON
     * body, except POST {@code /charges}, which creates a new charge each call (201 with a new id), and
     * {@code /idempotent/...}, the same behind the idempotency guard (memory store, 1 s TTL).
     */
    private static HttpServer api;

    @BeforeAll
    static void startApi() {
        RequestHandler up = RequestHandler.of(req ->
                ServerResponse.text(200, "{\"status\":\"UP\"}").withHeader("Content-Type", "application/json"));
        AtomicInteger charges = new AtomicInteger();
        RequestHandler charge = RequestHandler.of(req -> new ServerResponse(201, Headers.of("Content-Type", "application/json"),
                ("{\"id\":\"ch_" + charges.incrementAndGet() + "\"}").getBytes(StandardCharsets.UTF_8), null, null));
        IdempotencyGuard guard = new IdempotencyGuard(IdempotencySettings.builder(new MemoryIdempotencyStore())
                .ttl(Duration.ofSeconds(1)).build());
        api = HttpServer.start(HttpServerOptions.loopback(), req -> req.path().startsWith("/idempotent/") ? guard.handle(req, charge)
                : req.method().equals("POST") && req.path().startsWith("/charges") ? charge.handle(req) : up.handle(req));
    }

    @AfterAll
    static void stopApi() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void readmeExample_runsAsDocumented(Example example, @TempDir Path dir) throws Exception {
        copyTree(Path.of("examples"), dir.resolve("examples"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = bin.resolve("apitool");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' dev.apitool.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder pb = new ProcessBuilder("bash", "-c", "set -eo pipefail\n" + example.script());
        pb.directory(dir.toFile());
        pb.environment().put("API", api.uri("").toString().replaceAll("/$", ""));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("NO_COLOR", "1");
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Path log = dir.resolve("output.txt");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS); // a hang guard: a loaded machine takes minutes, not hours
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within 180 s; output:%n%s", example, output).isTrue();
        assertThat(p.exitValue()).as("exit code of %s; output:%n%s", example, output).isEqualTo(example.exit());
        assertThat(output).as("no stack trace in %s", example).doesNotContain("\tat ");
        // A comment that quotes apitool's output ("# apitool: error: ...") must be what it prints.
        for (String line : example.script().split("\n")) {
            if (line.startsWith("# apitool: ")) {
                assertThat(output).as("%s prints what its comment says", example).contains(line.substring(2));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
