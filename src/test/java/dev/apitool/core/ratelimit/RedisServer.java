package dev.apitool.core.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} for tests, on an ephemeral loopback port, persisting nothing
 * ({@code --save "" --appendonly no}), stopped by its pid. Where redis-server is not installed the
 * test is skipped with a message, except under {@code CI=true}, where that is a failure.
 */
public final class RedisServer implements AutoCloseable {

    private final Process process;
    private final Path dir;
    public final int port;

    private RedisServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** Returns a running server, or skips (fails under CI=true) the calling test when redis-server is missing. */
    public static RedisServer start() throws IOException, InterruptedException {
        Path exe = ServerProcesses.find("REDIS_SERVER", "redis-server", "/usr/bin/redis-server");
        if (exe == null) {
            String why = "redis-server is not installed (apt-get install -y redis-server)";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + ": required when CI=true");
            }
            Assumptions.abort(why + ": skipping the Redis store tests");
        }
        Path dir = Files.createTempDirectory("apitool-redis");
        for (int attempt = 0; attempt < 5; attempt++) {
            int port = ServerProcesses.freePort();
            Process p = new ProcessBuilder(exe.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--dir", dir.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("redis-" + port + ".log").toFile())
                    .start();
            if (awaitPong(p, port)) {
                return new RedisServer(p, dir, port);
            }
            ServerProcesses.stop(p); // the port was taken between our probe and its bind: try another
        }
        throw new IOException("redis-server did not start; see the logs in " + dir);
    }

    /** Returns the server's URI. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process);
    }

    private static boolean awaitPong(Process p, int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                OutputStream out = s.getOutputStream();
                out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = s.getInputStream();
                byte[] buf = new byte[16];
                int n = in.read(buf);
                if (n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG")) {
                    return true;
                }
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        return false;
    }
}
