package dev.apitool.core.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain-socket loopback server whose connections run a scripted behaviour: for bytes Netty's server would never send. */
final class RawServer implements AutoCloseable {

    /** What to do with one accepted connection; runs on its own thread. */
    interface Behaviour {
        void serve(Socket socket) throws Exception;
    }

    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();

    RawServer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    accepted.incrementAndGet();
                    Thread t = new Thread(() -> {
                        try (s) {
                            behaviour.serve(s);
                        } catch (Exception ignored) {
                            // the client went away or the test closed us
                        }
                    }, "raw-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }, "raw-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    int accepted() {
        return accepted.get();
    }

    /** Returns the request head, up to and including the blank line, as ISO-8859-1 text; null at EOF. */
    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    /**
     * Reads until {@code marker} has been seen; returns everything read. Only the tail is compared
     * after each byte (linear in the bytes read: a search of the whole text each time was quadratic,
     * seconds of CPU for a 40 kB body on a loaded machine).
     */
    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder sb = new StringBuilder();
        int m = marker.length();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.length() >= m && sb.charAt(sb.length() - 1) == marker.charAt(m - 1)
                    && sb.substring(sb.length() - m).equals(marker)) {
                break;
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
