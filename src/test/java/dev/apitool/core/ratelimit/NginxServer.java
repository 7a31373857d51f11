package dev.apitool.core.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx for tests, on an ephemeral loopback port, with everything it writes (pid, logs,
 * temp files) in a directory of the test's: one foreground process ({@code daemon off;
 * master_process off;}) started with {@code -p DIR -c DIR/nginx.conf -e DIR/error.log} and stopped
 * by its pid. Where nginx is not installed the test is skipped with a message, except under
 * {@code CI=true}, where that is a failure (as {@link RedisServer} does for redis-server).
 */
final class NginxServer implements AutoCloseable {

    private final Process process;
    private final Path dir;
    final int port;

    private NginxServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /**
     * Returns a running nginx whose {@code http {}} block is the one {@code http} returns for a
     * port, under a main context that keeps every file in {@code dir}; skips (fails under
     * CI=true) the calling test when nginx is missing.
     */
    static NginxServer start(Path dir, IntFunction<String> http) throws IOException, InterruptedException {
        Path exe = ServerProcesses.find("NGINX", "nginx", "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx");
        if (exe == null) {
            String why = "nginx is not installed (apt-get install -y nginx; looked in $NGINX, /usr/sbin and the PATH)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ": required when CI=true");
            }
            Assumptions.abort(why + ": skipping the comparison with a real nginx");
        }
        String lastError = "";
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = ServerProcesses.freePort();
            String conf = "daemon off;\nmaster_process off;\npid " + dir.resolve("nginx.pid") + ";\n"
                    + "error_log " + dir.resolve("error.log") + " notice;\n"
                    + "events { worker_connections 64; }\n"
                    + "http {\n"
                    + "    client_body_temp_path " + dir.resolve("client_body") + ";\n"
                    + "    proxy_temp_path " + dir.resolve("proxy") + ";\n"
                    + "    fastcgi_temp_path " + dir.resolve("fastcgi") + ";\n"
                    + "    uwsgi_temp_path " + dir.resolve("uwsgi") + ";\n"
                    + "    scgi_temp_path " + dir.resolve("scgi") + ";\n"
                    + http.apply(port) + "}\n";
            Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(exe.toString(), "-p", dir + "/", "-c", dir.resolve("nginx.conf").toString(),
                    "-e", dir.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("nginx-" + port + ".out").toFile())
                    .start();
            if (awaitListening(p, port, dir.resolve("nginx.pid"))) {
                return new NginxServer(p, dir, port);
            }
            ServerProcesses.stop(p);
            lastError = tail(dir.resolve("error.log")) + tail(dir.resolve("nginx-" + port + ".out"));
            if (!lastError.contains("Address already in use")) {
                break; // not a port race: the configuration or the binary is wrong
            }
        }
        throw new IOException("nginx did not start:\n" + lastError);
    }

    /** Returns the lines nginx has written to {@code name} in its directory so far. */
    List<String> log(String name) throws IOException {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process);
    }

    /**
     * Waits until this nginx has written its pid file (it does so once its sockets are bound) and
     * the port accepts connections; connects only, so no request reaches a limit.
     */
    private static boolean awaitListening(Process p, int port, Path pidFile) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                if (!Files.readString(pidFile).strip().equals(Long.toString(p.pid()))) {
                    throw new IOException("not yet");
                }
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return p.isAlive();
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())) + "\n";
        } catch (IOException e) {
            return "";
        }
    }
}
