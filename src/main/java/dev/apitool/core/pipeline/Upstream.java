package dev.apitool.core.pipeline;

import dev.apitool.core.http.HttpClient;
import java.net.URI;

/**
 * An {@code upstream} service: a base URL the {@code proxy} handler forwards to, through core's
 * HTTP client and its keep-alive pool; closed with the pipeline.
 *
 * @param base the base URL, {@code http(s)://host:port[/prefix]}
 * @param client the client whose pool holds the connections
 */
public record Upstream(URI base, HttpClient client) implements AutoCloseable {

    @Override
    public void close() {
        client.close();
    }
}
