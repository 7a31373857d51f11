package dev.apitool.core.load;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A loopback server that answers 200 and keeps every request it received: method, target, headers, body. */
public final class RecordingServer implements AutoCloseable {

    private final Queue<ServerRequest> requests = new ConcurrentLinkedQueue<>();
    private final HttpServer server;

    public RecordingServer() {
        server = HttpServer.start(HttpServerOptions.loopback().withIoThreads(1), RequestHandler.of(r -> {
            requests.add(r);
            return ServerResponse.text(200, "ok");
        }));
    }

    public URI uri(String path) {
        return server.uri(path);
    }

    /** Returns the requests received so far, in arrival order. */
    public List<ServerRequest> requests() {
        return List.copyOf(requests);
    }

    /** Returns how many requests arrived for each {@code METHOD target}. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        for (ServerRequest r : requests) {
            out.merge(r.method() + " " + r.target(), 1L, Long::sum);
        }
        return out;
    }

    @Override
    public void close() {
        server.close();
    }
}
