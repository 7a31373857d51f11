package dev.apitool.cli.load;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback server for each test of a load command ({@code @RegisterExtension}): 200 "ok", and
 * 404 "no" on {@code /missing}.
 */
final class LoadTestServer implements BeforeEachCallback, AfterEachCallback {

    private HttpServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> r.path().equals("/missing")
                ? ServerResponse.text(404, "no") : ServerResponse.text(200, "ok")));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    /** Returns the server's URL for {@code path}, e.g. {@code http://127.0.0.1:41234/}. */
    String url(String path) {
        return server.uri(path).toString();
    }

    /** Returns the requests the server has answered. */
    long requestsServed() {
        return server.requestsServed();
    }
}
