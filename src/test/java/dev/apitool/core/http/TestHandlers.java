package dev.apitool.core.http;

import io.netty.handler.stream.ChunkedStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Request handlers for tests: echo, delay, fail, cut the connection, stream large bodies, redirect. */
final class TestHandlers {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test-handler-timer");
        t.setDaemon(true);
        return t;
    });

    private TestHandlers() {}

    /** Answers 200 with the request body, and the method, target and a few headers echoed as X- headers. */
    static ServerResponse echo(ServerRequest r) {
        ServerResponse out = ServerResponse.of(200, r.body())
                .withHeader("X-Method", r.method())
                .withHeader("X-Target", r.target())
                .withHeader("X-Host", String.valueOf(r.header("Host")));
        String custom = r.header("X-Custom");
        return custom == null ? out : out.withHeader("X-Custom-Echo", custom);
    }

    /** Returns a handler that answers with {@code response} after {@code delay}, from another thread. */
    static RequestHandler delayed(Duration delay, ServerResponse response) {
        return r -> {
            CompletableFuture<ServerResponse> f = new CompletableFuture<>();
            TIMER.schedule(() -> f.complete(response), delay.toNanos(), TimeUnit.NANOSECONDS);
            return f;
        };
    }

    /** Returns a chunked response of {@code size} bytes: byte i is {@code i % 251}. */
    static ServerResponse large(long size) {
        return ServerResponse.streamed(200, Headers.of("Content-Type", "application/octet-stream"),
                new ChunkedStream(new PatternStream(size), 64 * 1024));
    }

    /** Returns a redirect to {@code location}. */
    static ServerResponse redirect(int status, String location) {
        return ServerResponse.text(status, "see " + location + "\n").withHeader("Location", location);
    }

    /** Returns whether {@code body} is the pattern {@link #large} sends. */
    static boolean isPattern(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] != (byte) (i % 251)) {
                return false;
            }
        }
        return true;
    }

    /** An input stream of {@code size} pattern bytes, generated on the fly. */
    private static final class PatternStream extends InputStream {
        private final long size;
        private long pos;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return pos < size ? (int) (pos++ % 251) : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((pos + i) % 251);
            }
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, size - pos);
        }
    }
}
