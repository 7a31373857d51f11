package dev.apitool.core.idempotency.replay;

import dev.apitool.core.idempotency.IdempotencyKey;
import dev.apitool.core.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One call the probe made and what came back.
 *
 * @param label names the call in evidence ({@code #2}, {@code concurrent #7})
 * @param status the response status, or 0 when the exchange failed
 * @param body the response body (empty on failure)
 * @param replayed the {@code Idempotent-Replayed} value, or null
 * @param contentType the {@code Content-Type}, or null
 * @param error why the exchange failed, or null
 * @param sentNanos when it was sent (monotonic clock)
 * @param answeredNanos when the response (or failure) came
 */
record Exchange(String label, int status, byte[] body, String replayed, String contentType, String error, long sentNanos,
        long answeredNanos) {

    static Exchange of(String label, HttpResponse r, long sentNanos, long answeredNanos) {
        return new Exchange(label, r.status(), r.body(), r.header(IdempotencyKey.REPLAYED_HEADER), r.header("Content-Type"), null,
                sentNanos, answeredNanos);
    }

    static Exchange failed(String label, String error, long sentNanos, long answeredNanos) {
        return new Exchange(label, 0, new byte[0], null, null, error, sentNanos, answeredNanos);
    }

    /** Returns whether the response is marked as a replay. */
    boolean markedReplay() {
        return "true".equalsIgnoreCase(replayed == null ? null : replayed.strip());
    }

    /** Returns whether status and body equal {@code other}'s. */
    boolean sameAs(Exchange other) {
        return status == other.status && Arrays.equals(body, other.body);
    }

    /** Returns one line of evidence: label, status, the start of the body, and the replay marker. */
    String describe() {
        if (error != null) {
            return label + ": no response (" + error + ")";
        }
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && sb.length() < 72; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        String shown = sb.length() < text.length() ? sb + "…" : sb.toString();
        return label + ": " + status + (shown.isBlank() ? "" : " " + shown.strip())
                + (replayed == null ? "" : " (" + IdempotencyKey.REPLAYED_HEADER + ": " + replayed + ")");
    }
}
