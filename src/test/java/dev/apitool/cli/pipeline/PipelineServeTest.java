package dev.apitool.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Signals;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apitool pipeline serve} as its own process: the ready line, SIGHUP reloads (a bad spec refused,
 * the old one serving), SIGTERM during load finishes the requests in flight. Signals go through
 * {@code kill}, never {@link Process#destroy()}: that also closes this side of the child's pipes, so
 * nothing it writes after the signal (its "shutting down" line) could be read.
 */
class PipelineServeTest {

    @TempDir
    Path dir;

    private Process process;
    private final BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private String start(Path spec) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.apitool.cli.Main",
                "pipeline", "serve", spec.toString(), "--port", "0", "--threads", "1").directory(dir.toFile()).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    stderr.add(line);
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(await("listening on"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Returns the first stderr line (from now on) that contains {@code text}, waiting up to 30 s for it. */
    private String await(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            String line = stderr.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(text)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no stderr line with '" + text + "' in 30 s; saw " + seen);
    }

    private void signal(String name) throws Exception {
        Signals.requireDeliverable(name);
        assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor()).isZero();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sighup_badSpecRefusedOldKeepsServing_goodSpecReplacesIt() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, "apiVersion: apitool/v1\nroutes: [{method: GET, path: /v, name: v, handler: {type: static, body: one}}]\n");
        String url = start(spec);
        assertThat(get(url + "/v").body()).isEqualTo("one");

        Files.writeString(spec, "apiVersion: apitool/v1\nroutes: [{method: GET, path: /v, name: v, handler: {type: statik}}]\n");
        signal("HUP");
        assertThat(await("apitool: error:")).contains("api.yaml:2:59: unknown handler 'statik'; did you mean 'static'?");
        await("reload refused; the previous pipeline keeps serving");
        assertThat(get(url + "/v").body()).isEqualTo("one");

        Files.writeString(spec, "apiVersion: apitool/v1\nroutes: [{method: GET, path: /v, name: v, handler: {type: static, body: two}}]\n");
        signal("HUP");
        await("apitool: reloaded");
        assertThat(get(url + "/v").body()).isEqualTo("two");
    }

    /** Returns a socket that has sent {@code GET path} (the response is read later). */
    private static java.net.Socket send(String url, String path) throws Exception {
        URI u = URI.create(url);
        java.net.Socket socket = new java.net.Socket(u.getHost(), u.getPort());
        socket.setSoTimeout(20_000);
        socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Returns the first line and the body of the response on {@code socket} (Content-Length framed). */
    private static String response(java.net.Socket socket) throws Exception {
        java.io.InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return "closed after " + head;
            }
            head.append((char) b);
        }
        Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        byte[] body = in.readNBytes(m.find() ? Integer.parseInt(m.group(1)) : 0);
        return head.substring(0, head.indexOf("\r\n")) + " " + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void sigterm_duringLoad_finishesRequestsInFlightAndExits0() throws Exception {
        Path spec = dir.resolve("api.yaml");
        Files.writeString(spec, """
                apiVersion: apitool/v1
                routes:
                  - {method: GET, path: /slow, name: slow, handler: {type: delay, fixed: 1500ms, body: done}}
                  - {method: GET, path: /fast, name: fast, handler: {type: static, body: fast}}
                """);
        String url = start(spec);
        List<java.net.Socket> slow = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            slow.add(send(url, "/slow"));
        }
        // One event loop (--threads 1) reads connections in the order their bytes arrived: once a
        // request sent after the slow ones is answered, the slow ones are in flight.
        try (java.net.Socket fast = send(url, "/fast")) {
            assertThat(response(fast)).isEqualTo("HTTP/1.1 200 OK fast");
        }

        signal("TERM");

        await("apitool: shutting down");
        for (java.net.Socket s : slow) {
            try (s) {
                assertThat(response(s)).isEqualTo("HTTP/1.1 200 OK done");
            }
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("exited").isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(seen).noneMatch(l -> l.contains("cut off"));
    }
}
