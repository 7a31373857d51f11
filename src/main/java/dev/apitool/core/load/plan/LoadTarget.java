package dev.apitool.core.load.plan;

import dev.apitool.core.http.Headers;
import java.net.URI;
import java.util.Objects;

/**
 * One request a load run sends: resolved, checked, ready to encode once.
 *
 * @param method the request method, e.g. {@code GET}
 * @param url the absolute {@code http://} URL
 * @param headers the request headers; {@code Host}, {@code User-Agent}, {@code Accept} given here replace the defaults
 * @param body the request body, empty for none
 * @param where where it was written, for messages: {@code targets.ndjson:3:1}, or the flag for the URL argument
 */
public record LoadTarget(String method, URI url, Headers headers, byte[] body, String where) {

    public LoadTarget {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? new byte[0] : body;
    }
}
