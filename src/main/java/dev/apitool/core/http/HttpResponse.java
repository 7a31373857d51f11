package dev.apitool.core.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A complete HTTP response as the client received it, body included.
 *
 * @param status the status code, 100 to 599
 * @param reason the reason phrase as sent
 * @param headers response headers in order
 * @param body the whole body, decoded from chunks if need be (not copied: do not change it)
 * @param uri the URI that answered (after redirects)
 * @param redirects how many redirects were followed to get here, 0 or more
 * @param connectionId the pooled connection that carried the final exchange ({@code conn-N})
 * @param peerCertificates the server's certificate chain, leaf first; empty for plain http
 */
public record HttpResponse(int status, String reason, Headers headers, byte[] body, URI uri, int redirects,
        String connectionId, List<X509Certificate> peerCertificates) {

    public HttpResponse {
        peerCertificates = List.copyOf(peerCertificates);
    }

    /** Returns the first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.first(name);
    }

    /** Returns the body as UTF-8 text. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Returns a copy that records the URI and redirect count of the whole call. */
    HttpResponse at(URI finalUri, int redirectCount) {
        return new HttpResponse(status, reason, headers, body, finalUri, redirectCount, connectionId, peerCertificates);
    }

    @Override
    public String toString() {
        return status + " " + reason + " " + uri + " (" + body.length + " bytes, " + connectionId + ")";
    }
}
