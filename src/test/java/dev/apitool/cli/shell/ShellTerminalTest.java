package dev.apitool.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.ServerResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell on a real terminal: {@code apitool} with no arguments runs in a tmux pane, driven with
 * {@code send-keys} and read with {@code capture-pane}. One shell for the whole class, the tests
 * in order (each leaves the shell at its prompt). Waits poll the screen until the text appears,
 * up to a bound; nothing waits for time to pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(90)
class ShellTerminalTest {

    private static final String SECRET = "terminal-secret-terminal-secret-0123456789";
    private static final Duration BOUND = Duration.ofSeconds(40);

    @TempDir
    static Path dir;
    private static String socket;
    private static HttpServer server;
    private static final AtomicInteger held = new AtomicInteger();
    private static final CompletableFuture<Void> release = new CompletableFuture<>();
    private static final Pattern READY = Pattern.compile("\\[3\\] pipeline serve api\\.yaml --port 0 ready: (http://127\\.0\\.0\\.1:(\\d+))");

    @BeforeAll
    static void startShell() throws Exception {
        boolean tmux = run("tmux", "-V") == 0;
        if (!tmux && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("tmux is required under CI=true (apt-get install -y tmux)");
        }
        Assumptions.assumeTrue(tmux, "tmux is not installed");
        server = HttpServer.start(HttpServerOptions.loopback(), request -> {
            if (request.path().equals("/hold")) { // answered when the test says so: a command that runs until then
                held.incrementAndGet();
                return release.thenApply(v -> ServerResponse.text(200, "ok"));
            }
            return CompletableFuture.completedFuture(ServerResponse.text(200, "ok"));
        });
        Path home = Files.createDirectories(dir.resolve("home"));
        Path launcher = dir.resolve("apitool");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\ncd '" + dir + "'\nexec env HOME='" + home + "' NO_COLOR=1 '" + java
                + "' -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path") + "' dev.apitool.cli.Main\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        socket = "apitool-shell-test-" + ProcessHandle.current().pid();
        assertThat(tmux("new-session", "-d", "-s", "t", "-x", "200", "-y", "50", launcher.toString())).isZero();
        tmux("set-option", "-t", "t", "remain-on-exit", "on");
        awaitScreen(s -> s.contains("apitool> "), "the prompt");
    }

    @AfterAll
    static void stopShell() throws Exception {
        if (socket != null) {
            Files.writeString(Path.of("target/shell-terminal-screen.txt"), screen());
            tmux("kill-server");
        }
        if (server != null) {
            release.complete(null);
            server.close();
        }
    }

    @Test
    @Order(1)
    void tab_subcommandAndOptionValue_complete() throws Exception {
        type("jwt ke");
        key("Tab");
        awaitScreen(s -> lastLine(s).startsWith("apitool> jwt keygen"), "jwt keygen completed");
        key("C-u");
        type("jwt sign --alg HS");
        key("Tab");
        key("Tab");
        awaitScreen(s -> s.contains("HS256") && s.contains("HS384") && s.contains("HS512"), "the HS algorithms offered");
        key("C-u");
        key("C-l");
        awaitScreen(s -> lastLine(s).equals("apitool>"), "a clear prompt");
    }

    @Test
    @Order(2)
    void set_showUnset_keepSettingsWithSecretsMasked() throws Exception {
        line("set output json");
        line("set secret " + SECRET);
        line("show settings");
        awaitScreen(s -> s.contains("output = json") && s.contains("secret = ***"), "the settings");
        line("unset output");
        line("show settings");
        awaitScreen(s -> count(s, "secret = ***") == 2, "the settings again");
        String screen = screen();
        assertThat(screen.substring(screen.lastIndexOf("apitool> show settings"))).doesNotContain("output = json");
    }

    @Test
    @Order(3)
    void history_secretLines_areMaskedInTheFileOfMode0600() throws Exception {
        line("jwt sign --secret " + SECRET + "x --sub ada -H 'Authorization: Bearer abc'");
        awaitScreen(s -> s.contains("[exit 2]"), "the failed sign (jwt sign has no -H)");
        Path history = dir.resolve("home/.apitool_history");
        String text = awaitFile(history, t -> t.contains("--sub ada"));
        assertThat(text).contains("jwt sign --secret *** --sub ada -H 'Authorization: ***'")
                .contains("set secret ***")
                .doesNotContain(SECRET.substring(10)).doesNotContain("Bearer abc");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }

    @Test
    @Order(4)
    void failingCommand_printsItsErrorAndTheShellGoesOn() throws Exception {
        line("jwt verify not-a-token");
        awaitScreen(s -> s.contains("apitool: invalid token") && s.contains("[exit 1]"), "the failure");
        int before = count(screen(), "secret = ***");
        line("show settings");
        awaitScreen(s -> count(s, "secret = ***") == before + 1, "the shell still answering");
    }

    @Test
    @Order(5)
    void ctrlC_duringALongLoad_cancelsTheLoadNotTheShell() throws Exception {
        long served = server.requestsServed();
        line("load " + server.uri("/") + " -d 1m -c 2 --threads 1");
        awaitTrue(() -> server.requestsServed() > served + 100, "the load running");
        key("C-c");
        awaitScreen(s -> s.contains("interrupted: partial results"), "the partial report");
        awaitScreen(s -> lastLine(s).equals("apitool>"), "the prompt back");
        assertThat(screen()).as("a foreground Ctrl-C shows the exit code, as on the command line").contains("[exit 130]");
        line("jobs");
        awaitScreen(s -> lastLine(s).equals("apitool>") && s.contains("apitool> jobs"), "the shell still answering");
    }

    @Test
    @Order(6)
    void backgroundJob_startedListedCancelled_keepsItsPartialReport() throws Exception {
        long served = server.requestsServed();
        line("load " + server.uri("/bg") + " -d 1m -c 2 --threads 1 &");
        awaitScreen(s -> s.contains("[1] load " + server.uri("/bg") + " -d 1m -c 2 --threads 1 started"), "the job started");
        awaitTrue(() -> server.requestsServed() > served + 100, "the job running");
        line("jobs");
        awaitScreen(s -> s.contains("[1]  running"), "the job listed as running");
        line("cancel 1");
        awaitScreen(s -> s.contains("[1] cancelled"), "the job cancelled");
        line("job 1");
        awaitScreen(s -> s.substring(s.lastIndexOf("apitool> job 1")).contains("Stopped by interrupt (interrupted: partial results)")
                && lastLine(s).equals("apitool>"), "the job's partial report");
        String shown = screen().substring(screen().lastIndexOf("apitool> job 1"));
        assertThat(shown).contains("Requests").contains("Latency");
        assertThat(shown).as("job 1's line says cancelled, not the exit code").containsPattern("\\[1\\]  cancelled .*load ")
                .doesNotContain("exit 130");
        assertThat(screen()).contains("[1] cancelled  load ").doesNotContain("exit 130)");
    }

    @Test
    @Order(7)
    void waitAndTypeAhead_ctrlCStopsTheWaitNotTheJob_typedTextIsNotEchoedAndBecomesTheNextLine() throws Exception {
        String hold = "load " + server.uri("/hold") + " -n 1 -c 1 --threads 1";
        line(hold + " &");
        awaitScreen(s -> s.contains(hold + " started"), "the held job started");
        awaitTrue(() -> held.get() == 1, "the held request");
        line("wait");
        awaitScreen(s -> lastLine(s).equals("waiting for job 2 (Ctrl-C stops waiting)"), "wait running in the foreground");
        key("C-c");
        awaitScreen(s -> lastLine(s).equals("apitool>") && s.substring(s.lastIndexOf("apitool> wait")).contains("[exit 130]"),
                "Ctrl-C stopping the wait");
        line("jobs");
        awaitScreen(s -> s.substring(s.lastIndexOf("apitool> jobs")).contains("running   ") && lastLine(s).equals("apitool>"),
                "the job still running: Ctrl-C stopped the waiting, not the job");
        assertThat(held.get()).isEqualTo(1);
        line("wait");
        awaitScreen(s -> lastLine(s).equals("waiting for job 2 (Ctrl-C stops waiting)"), "wait running in the foreground again");
        type("show settings");
        release.complete(null);
        awaitScreen(s -> lastLine(s).equals("apitool> show settings"), "the typed-ahead text at the next prompt");
        String after = screen().substring(screen().lastIndexOf("apitool> wait"));
        assertThat(after).as("the end notice").containsPattern("\\] done \\(exit 0\\)  " + Pattern.quote(hold));
        assertThat(count(after, "show settings")).as("the text shows once, at the prompt, not echoed into the output:\n" + after)
                .isEqualTo(1);
        key("Enter");
        awaitScreen(s -> lastLine(s).equals("apitool>") && s.substring(s.lastIndexOf("apitool> show settings")).matches(
                "(?s).*(secret = \\*\\*\\*|no settings).*"), "the typed-ahead line run");
    }

    @Test
    @Order(8)
    void pipelineServeJob_usedByALoadThenCancelled_shutsDownAndFreesItsPort() throws Exception {
        Files.writeString(dir.resolve("api.yaml"), String.join("\n",
                "apiVersion: apitool/v1",
                "routes: [{method: POST, path: /orders, name: create_order, handler: counter}]", ""));
        line("pipeline serve api.yaml --port 0 &");
        awaitScreen(s -> READY.matcher(s).find() && lastLine(s).equals("apitool>"), "the server job ready, with its URL");
        Matcher ready = READY.matcher(screen());
        assertThat(ready.find()).isTrue();
        String url = ready.group(1);
        int port = Integer.parseInt(ready.group(2));
        type("load /or");
        key("Tab");
        awaitScreen(s -> lastLine(s).equals("apitool> load /orders"), "the path of the served spec's route completed");
        key("C-u");
        line("jobs");
        awaitScreen(s -> s.contains("[3]  running") && s.contains("— ready: " + url) && lastLine(s).equals("apitool>"),
                "the server listed as running, with its URL");
        line("load $url3/orders -X POST -n 60 -c 2 --threads 1");
        awaitScreen(s -> s.lastIndexOf("apitool> load $url3") >= 0 && lastLine(s).equals("apitool>"), "the load's report");
        assertThat(screen().substring(screen().lastIndexOf("apitool> load $url3"))).as("every request answered by the job")
                .contains("POST " + url + "/orders")
                .contains("Status     200: ").contains("Failed     0 (0.00%)");
        line("cancel 3");
        awaitScreen(s -> s.contains("[3] cancelled  pipeline serve api.yaml --port 0"), "the server job cancelled");
        line("job 3");
        awaitScreen(s -> s.substring(s.lastIndexOf("apitool> job 3")).contains("apitool: shutting down")
                && lastLine(s).equals("apitool>"), "its graceful shutdown in its output");
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close()).as("port " + port + " freed")
                .isInstanceOf(ConnectException.class);
    }

    @Test
    @Order(9)
    void serveJob_ctrlCWhileNotReady_stopsTheWaitingNotTheJob_andCancelStopsIt() throws Exception {
        Path fifo = dir.resolve("slow.yaml"); // the job's spec read blocks until the test writes it: not ready till then
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        line("pipeline serve slow.yaml --port 0 &");
        awaitScreen(s -> s.contains("[4] pipeline serve slow.yaml --port 0 starting (Ctrl-C stops waiting)"),
                "the & line waiting for readiness");
        key("C-c");
        awaitScreen(s -> s.contains("[4] pipeline serve slow.yaml --port 0 started, not ready yet") && lastLine(s).equals("apitool>"),
                "Ctrl-C stopped the waiting");
        line("jobs");
        awaitScreen(s -> s.substring(s.lastIndexOf("apitool> jobs")).contains("[4]  running") && lastLine(s).equals("apitool>"),
                "the job still running: Ctrl-C stopped the waiting, not the job");
        String listed = screen().substring(screen().lastIndexOf("apitool> jobs"));
        assertThat(listed.substring(listed.indexOf("[4]  running")).lines().findFirst().orElseThrow())
                .as("not ready: no URL").doesNotContain("ready:");
        line("cancel 4");
        Files.writeString(fifo, String.join("\n", "apiVersion: apitool/v1",
                "routes: [{method: GET, path: /ping, name: ping, handler: counter}]", ""));
        awaitScreen(s -> s.contains("[4] cancelled  pipeline serve slow.yaml --port 0") && lastLine(s).equals("apitool>"),
                "the job cancelled");
    }

    @Test
    @Order(10)
    void exit_withARunningJob_asksThenCancelsIt() throws Exception {
        line("load " + server.uri("/late") + " -d 1m -c 1 --threads 1 &");
        awaitScreen(s -> s.contains("[5] load"), "the fifth job started");
        line("exit");
        awaitScreen(s -> s.contains("Cancel it and leave? [y/N]"), "the question");
        type("n");
        key("Enter");
        line("jobs");
        awaitScreen(s -> s.contains("[5]  running"), "the job still running after 'n'");
        line("exit");
        awaitScreen(s -> count(s, "Cancel it and leave? [y/N]") == 2, "the question again");
        type("y");
        key("Enter");
        awaitTrue(() -> tmuxOutput("list-panes", "-t", "t", "-F", "#{pane_dead}").strip().equals("1"), "the shell gone");
        assertThat(screen()).contains("[5] cancelled");
    }

    // --- driving tmux ---

    /** Types {@code text} and Enter at the prompt, once the shell shows it (as a person would). */
    private static void line(String text) throws Exception {
        awaitScreen(s -> lastLine(s).equals("apitool>") || lastLine(s).endsWith("[y/N]"), "the prompt");
        type(text);
        key("Enter");
    }

    private static void type(String text) throws Exception {
        assertThat(tmux("send-keys", "-t", "t", "-l", text)).isZero();
    }

    private static void key(String key) throws Exception {
        assertThat(tmux("send-keys", "-t", "t", key)).isZero();
    }

    private static String screen() {
        return tmuxOutput("capture-pane", "-t", "t", "-p", "-J", "-S", "-3000");
    }

    private static String lastLine(String screen) {
        String[] lines = screen.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    private static void awaitScreen(Predicate<String> ready, String what) throws InterruptedException {
        awaitTrue(() -> ready.test(screen()), what);
    }

    private static String awaitFile(Path file, Predicate<String> ready) throws Exception {
        awaitTrue(() -> {
            try {
                return Files.exists(file) && ready.test(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return false;
            }
        }, file + " written");
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier ready, String what) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + BOUND.toSeconds() + "s for " + what + "; the screen:\n" + screen());
            }
            Thread.sleep(50); // polling the screen, not waiting for time to pass
        }
    }

    private static int tmux(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    private static String tmuxOutput(String... args) {
        try {
            List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int run(String... cmd) throws Exception {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
