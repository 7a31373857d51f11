package dev.apitool.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP request as the client sends it. The body is sent with {@code Content-Length}, or in
 * chunks when the headers say {@code Transfer-Encoding: chunked}. {@code Host}, {@code User-Agent}
 * and {@code Accept} are added unless given. The byte array is not copied: do not change it while
 * the request is in flight.
 *
 * @param method the method token, upper case ({@code GET}, {@code POST}, ...)
 * @param uri an absolute {@code http} or {@code https} URI
 * @param headers request headers
 * @param body the body, empty for none
 * @param timeout the whole exchange's deadline (connect, send, response), or null for the client's default
 */
public record HttpRequest(String method, URI uri, Headers headers, byte[] body, Duration timeout) {

    private static final byte[] NO_BODY = new byte[0];

    public HttpRequest {
        if (method == null || method.isEmpty() || !method.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("invalid method: " + method);
        }
        if (uri == null || !uri.isAbsolute()) {
            throw new IllegalArgumentException("request URI must be absolute: " + uri);
        }
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? NO_BODY : body;
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Returns a GET of {@code uri}. */
    public static HttpRequest get(String uri) {
        return of("GET", URI.create(uri));
    }

    /** Returns a bodiless request. */
    public static HttpRequest of(String method, URI uri) {
        return new HttpRequest(method.toUpperCase(Locale.ROOT), uri, Headers.EMPTY, NO_BODY, null);
    }

    /** Returns a copy with {@code name: value} appended to the headers. */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, uri, headers.with(name, value), body, timeout);
    }

    /** Returns a copy with these headers instead. */
    public HttpRequest withHeaders(Headers newHeaders) {
        return new HttpRequest(method, uri, newHeaders, body, timeout);
    }

    /** Returns a copy with this body (not copied). */
    public HttpRequest withBody(byte[] newBody) {
        return new HttpRequest(method, uri, headers, newBody, timeout);
    }

    /** Returns a copy with this UTF-8 body. */
    public HttpRequest withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns a copy with this deadline for the whole exchange. */
    public HttpRequest withTimeout(Duration newTimeout) {
        return new HttpRequest(method, uri, headers, body, newTimeout);
    }

    /** Returns a copy aimed at another URI (redirects). */
    HttpRequest withUri(URI newUri) {
        return new HttpRequest(method, newUri, headers, body, timeout);
    }

    /** Returns whether repeating the request is safe (RFC 9110 section 9.2.2). */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + headers + " (" + body.length + " bytes)";
    }
}
