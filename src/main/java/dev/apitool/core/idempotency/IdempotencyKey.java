package dev.apitool.core.idempotency;

/**
 * The {@code Idempotency-Key} request header (draft-ietf-httpapi-idempotency-key-header-07,
 * section 2): its name, the replay marker a server adds, and how a field value is read.
 *
 * <p>The draft makes the value an RFC 8941 structured-field string ({@code "8e03978e-40d5"}); Stripe
 * and most libraries send the key bare ({@code 8e03978e-40d5}). Both are accepted and name the same
 * key. A bare key is visible ASCII without a double quote; a quoted one follows RFC 8941 section
 * 3.3.3 ({@code \"} and {@code \\} the only escapes, printable ASCII inside). Parameters after the
 * string ({@code ;a=1}) are refused: no server we know of uses them.
 */
public final class IdempotencyKey {

    /** The request header that carries the key. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header that marks a replayed response (Stripe's, also used by the draft's implementations). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** The longest key by default: Stripe's limit, in characters. */
    public static final int DEFAULT_MAX_LENGTH = 255;

    /**
     * What a field value says: the key, or why it is not one.
     *
     * @param key the key without quotes or escapes, or null when {@code problem} is set
     * @param problem why the value is refused, or null
     */
    public record Parsed(String key, String problem) {
        /** Returns whether the value is a usable key. */
        public boolean ok() {
            return key != null;
        }
    }

    private IdempotencyKey() {}

    /**
     * Returns the key in {@code value} (quoted or bare), or the problem with it.
     *
     * @param maxLength the longest key accepted, counted without quotes, 1 or more
     */
    public static Parsed parse(String value, int maxLength) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return new Parsed(null, "the Idempotency-Key header is empty");
        }
        String key;
        if (v.charAt(0) == '"') {
            StringBuilder sb = new StringBuilder(v.length());
            int i = 1;
            boolean closed = false;
            for (; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= v.length() || (v.charAt(i + 1) != '"' && v.charAt(i + 1) != '\\')) {
                        return new Parsed(null, "the quoted Idempotency-Key has a bad escape (only \\\" and \\\\ are allowed)");
                    }
                    sb.append(v.charAt(++i));
                } else if (c == '"') {
                    closed = true;
                    break;
                } else if (c < 0x20 || c > 0x7e) {
                    return new Parsed(null, "the Idempotency-Key has a character outside printable ASCII");
                } else {
                    sb.append(c);
                }
                if (sb.length() > maxLength) {
                    return new Parsed(null, "the Idempotency-Key is longer than " + maxLength + " characters");
                }
            }
            if (!closed) {
                return new Parsed(null, "the quoted Idempotency-Key has no closing quote");
            }
            if (i != v.length() - 1) {
                return new Parsed(null, "the Idempotency-Key has content after its closing quote (parameters are not supported)");
            }
            key = sb.toString();
        } else {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c <= 0x20 || c > 0x7e || c == '"') {
                    return new Parsed(null, "the Idempotency-Key has a character outside visible ASCII (quote it as a structured-field string)");
                }
            }
            key = v;
        }
        if (key.isEmpty()) {
            return new Parsed(null, "the Idempotency-Key is an empty string");
        }
        if (key.length() > maxLength) {
            return new Parsed(null, "the Idempotency-Key is longer than " + maxLength + " characters");
        }
        return new Parsed(key, null);
    }

    /** Returns {@code key} as an RFC 8941 string: quoted, with {@code "} and {@code \} escaped. */
    public static String quote(String key) {
        return "\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
