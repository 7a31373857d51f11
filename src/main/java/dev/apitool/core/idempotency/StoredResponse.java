package dev.apitool.core.idempotency;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A finished response kept under a key, replayed as it was: status, end-to-end headers and body.
 * Framing headers ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection},
 * {@code Keep-Alive}) are left out; the server sets them again on replay.
 *
 * @param status the status code, 100 to 599
 * @param headers the headers as alternating names and values
 * @param body the body (not copied)
 */
public record StoredResponse(int status, List<String> headers, byte[] body) {

    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "keep-alive");

    public StoredResponse {
        headers = List.copyOf(headers);
    }

    /** Returns what to keep of {@code response} (a body response, not a stream). */
    public static StoredResponse of(ServerResponse response) {
        List<String> kept = new ArrayList<>();
        response.headers().forEach((name, value) -> {
            if (!FRAMING.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                kept.add(name);
                kept.add(value);
            }
        });
        return new StoredResponse(response.status(), kept, response.body());
    }

    /** Returns the response to send again, marked {@code Idempotent-Replayed: true}. */
    public ServerResponse replay() {
        Headers h = Headers.of(headers.toArray(new String[0])).set(IdempotencyKey.REPLAYED_HEADER, "true");
        return new ServerResponse(status, h, body, null, ServerResponse.Ending.KEEP_ALIVE);
    }

    /**
     * Returns one line of text for a store that keeps strings (Redis): the status, then each
     * header name and value, then the body, each Base64 and separated by spaces.
     */
    public String encode() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder sb = new StringBuilder().append(status).append(' ').append(headers.size() / 2);
        for (String h : headers) {
            sb.append(' ').append(b64.encodeToString(h.getBytes(StandardCharsets.UTF_8)));
        }
        return sb.append(' ').append(b64.encodeToString(body)).toString();
    }

    /** Returns the response {@link #encode} wrote. */
    public static StoredResponse decode(String text) {
        String[] parts = text.split(" ", -1);
        Base64.Decoder b64 = Base64.getDecoder();
        int status = Integer.parseInt(parts[0]);
        int n = Integer.parseInt(parts[1]);
        List<String> headers = new ArrayList<>(2 * n);
        for (int i = 0; i < 2 * n; i++) {
            headers.add(new String(b64.decode(parts[2 + i]), StandardCharsets.UTF_8));
        }
        return new StoredResponse(status, headers, b64.decode(parts[2 + 2 * n]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredResponse r && r.status == status && r.headers.equals(headers) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * status + headers.hashCode()) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return status + " " + headers + " (" + body.length + " bytes)";
    }
}
