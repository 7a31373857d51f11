package dev.apitool.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One exchange with a throwaway loopback socket in this process (never through a proxy), so the
 * pool, connect path, pipeline, codec and handler classes are loaded and linked before anything is
 * timed. Best effort: if loopback is unavailable the first real call pays for it.
 */
final class WarmUp {

    private static final int LIMIT_MILLIS = 2000;
    private static final byte[] RESPONSE = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private WarmUp() {
    }

    /**
     * Makes one exchange through a throwaway pool on {@code connector}, which should have the
     * client's transport and settings but limits of its own (a cold JVM can take longer than a
     * short request timeout to get here); the pool is closed afterwards.
     */
    static void exchange(Connector connector, ScheduledExecutorService timer) {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(LIMIT_MILLIS);
            Thread answer = new Thread(() -> answerOnce(server), "apitool-warm-up");
            answer.setDaemon(true);
            answer.start();
            URI uri = URI.create("http://" + hostLiteral(server.getInetAddress()) + ":" + server.getLocalPort() + "/");
            Duration limit = Duration.ofMillis(LIMIT_MILLIS);
            try (ConnectionPool pool = new ConnectionPool(Origin.of(uri, ProxyConfig.NONE), 1, limit, limit, connector, timer,
                    System::nanoTime)) {
                Connection c = pool.acquire(limit).get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                try {
                    c.send(new HttpRequest("GET", uri, Headers.EMPTY, new byte[0], limit), limit)
                            .get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
                } finally {
                    pool.release(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | ExecutionException | TimeoutException | HttpException e) {
            // best effort: the first measured call loads what this did not
        }
    }

    private static void answerOnce(ServerSocket server) {
        try (Socket s = server.accept()) {
            s.setSoTimeout(LIMIT_MILLIS);
            InputStream in = s.getInputStream();
            int matched = 0;
            int total = 0;
            for (int b; matched < 4 && total < 8192 && (b = in.read()) >= 0; total++) {
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            s.getOutputStream().write(RESPONSE);
        } catch (IOException e) {
            // the client side reports nothing either: see exchange
        }
    }

    private static String hostLiteral(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
