package dev.apitool.core.http;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A request as the {@link HttpServer} received it, body aggregated.
 *
 * @param method the method token as sent
 * @param target the request target as sent: a path with optional query, or an absolute URI
 * @param headers request headers in order
 * @param body the body (empty for none)
 * @param remote the client's address, or null when the channel has none (tests on an embedded channel)
 * @param keepAlive whether the client allows the connection to stay open after the response
 */
public record ServerRequest(String method, String target, Headers headers, byte[] body, InetSocketAddress remote,
        boolean keepAlive) {

    /** Returns the path part of the target (before {@code ?}). */
    public String path() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** Returns the raw query (after {@code ?}), or the empty string. */
    public String query() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /** Returns the first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
