package dev.apitool.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpResponse;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * What one successful attempt saw: for HTTP a status, headers and body; for {@code tcp://} and
 * {@code tls://} only that the connection opened; the latency in both cases, and the peer's
 * certificates over TLS. The body is parsed as JSON at most once, on first use.
 */
public final class Observation {

    private final Integer status;
    private final String reasonPhrase;
    private final Headers headers;
    private final byte[] body;
    private final Duration latency;
    private final List<X509Certificate> certificates;
    private boolean parsed;
    private JsonNode json;

    private Observation(Integer status, String reasonPhrase, Headers headers, byte[] body, Duration latency,
            List<X509Certificate> certificates) {
        this.status = status;
        this.reasonPhrase = reasonPhrase;
        this.headers = headers;
        this.body = body;
        this.latency = latency;
        this.certificates = List.copyOf(certificates);
    }

    /** Returns what an HTTP response showed, {@code latency} after the attempt started. */
    public static Observation of(HttpResponse r, Duration latency) {
        return new Observation(r.status(), r.reason(), r.headers(), r.body(), latency, r.peerCertificates());
    }

    /** Returns an HTTP observation from its parts (tests, and front ends that fetch otherwise). */
    public static Observation http(int status, Headers headers, String body, Duration latency) {
        return new Observation(status, "", headers, body.getBytes(StandardCharsets.UTF_8), latency, List.of());
    }

    /** Returns what a connect check showed: the connection opened after {@code latency}, with these certificates. */
    public static Observation connection(Duration latency, List<X509Certificate> certificates) {
        return new Observation(null, null, Headers.EMPTY, new byte[0], latency, certificates);
    }

    /** Returns the HTTP status, or null for a connect check. */
    public Integer status() {
        return status;
    }

    /** Returns the reason phrase as sent (may be empty), or null for a connect check. */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    public Headers headers() {
        return headers;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Duration latency() {
        return latency;
    }

    /** Returns the peer's certificate chain, leaf first; empty without TLS. */
    public List<X509Certificate> certificates() {
        return certificates;
    }

    /** Returns the body as JSON, or null when it is empty or not JSON. */
    public JsonNode json() {
        if (!parsed) {
            parsed = true;
            if (body.length > 0) {
                try {
                    json = Json.parse(body, "body");
                } catch (InputException | IllegalStateException e) {
                    json = null;
                }
            }
        }
        return json;
    }
}
