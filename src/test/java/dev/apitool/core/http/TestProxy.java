package dev.apitool.core.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny forward proxy on plain sockets: CONNECT opens a tunnel, an absolute-form request is
 * forwarded as is. Every upstream connection goes to 127.0.0.1 at the requested port, so made-up
 * host names work. Counts tunnels and forwarded connections and keeps the first request lines.
 */
final class TestProxy implements AutoCloseable {

    final AtomicInteger connects = new AtomicInteger();
    final AtomicInteger forwarded = new AtomicInteger();
    final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final boolean denyConnect;

    TestProxy(boolean denyConnect) throws IOException {
        this.denyConnect = denyConnect;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("proxy-accept", () -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    sockets.add(s);
                    daemon("proxy-conn", () -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = RawServer.readHead(in);
            if (head == null) {
                client.close();
                return;
            }
            String line = head.substring(0, head.indexOf("\r\n"));
            requestLines.add(line);
            String[] parts = line.split(" ");
            Socket upstream;
            if (parts[0].equals("CONNECT")) {
                connects.incrementAndGet();
                if (denyConnect) {
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.close();
                    return;
                }
                int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
                upstream = new Socket(InetAddress.getLoopbackAddress(), port);
                out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } else {
                forwarded.incrementAndGet();
                upstream = new Socket(InetAddress.getLoopbackAddress(), URI.create(parts[1]).getPort());
                upstream.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            }
            sockets.add(upstream);
            daemon("proxy-up", () -> pipe(upstream, client));
            pipe(client, upstream);
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException ignored) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
