package dev.apitool.core.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.apitool.core.config.DidYouMean;
import dev.apitool.core.config.Positions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Sizes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One value of a spec with its place (a JSON pointer) and the spec's {@link Problems}: readers ask
 * for typed values and every mistake is recorded at its exact position instead of thrown, so a
 * check reports all of them. A getter whose value is wrong records the error and returns the fallback.
 */
public final class Node {

    private final JsonNode json;
    private final String pointer;
    private final Problems problems;

    Node(JsonNode json, String pointer, Problems problems) {
        this.json = json == null ? MissingNode.getInstance() : json;
        this.pointer = pointer;
        this.problems = problems;
    }

    /** Returns the JSON value (a missing node when absent). */
    public JsonNode json() {
        return json;
    }

    /** Returns the JSON pointer of this value, e.g. {@code /middleware/2/policy}. */
    public String pointer() {
        return pointer;
    }

    /** Returns the problems this value reports into. */
    public Problems problems() {
        return problems;
    }

    /** Returns whether a value (even null) was written here. */
    public boolean present() {
        return !json.isMissingNode();
    }

    /** Returns the child {@code key} of this mapping (possibly absent). */
    public Node get(String key) {
        return new Node(json.get(key), pointer + "/" + Positions.escape(key), problems);
    }

    /** Returns whether this mapping has {@code key}. */
    public boolean has(String key) {
        return json.has(key);
    }

    /** Records an error at this value. */
    public void error(String message) {
        problems.error(pointer, message);
    }

    /** Records an error at this value's key. */
    public void keyError(String message) {
        problems.keyError(pointer, message);
    }

    /** Records a warning at this value. */
    public void warning(String message) {
        problems.warning(pointer, message);
    }

    /**
     * Records an error for every key of this mapping not in {@code allowed}, with a did-you-mean
     * and the list of valid keys; {@code what} names the mapping ("route", "rate-limit middleware").
     */
    public void allowOnly(Collection<String> allowed, String what) {
        if (!json.isObject()) {
            return;
        }
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String near = closest(key, allowed);
                get(key).keyError("unknown key '" + key + "' in " + what + (near == null ? "" : "; did you mean '" + near + "'?")
                        + " (expected " + String.join(", ", allowed) + ")");
            }
        }
    }

    /** Returns whether this value is a mapping; otherwise records "expected {@code expected}". */
    public boolean expectMapping(String expected) {
        if (json.isObject()) {
            return true;
        }
        error("expected " + expected + ", got " + kind());
        return false;
    }

    /** Returns the text of this scalar (numbers and booleans as written), or {@code fallback} when absent or not a scalar. */
    public String text(String fallback) {
        if (!present() || json.isNull()) {
            return fallback;
        }
        if (!json.isValueNode()) {
            error("expected a string, got " + kind());
            return fallback;
        }
        return json.asText();
    }

    /** Returns the text of child {@code key}, or {@code fallback}. */
    public String text(String key, String fallback) {
        return get(key).text(fallback);
    }

    /** Returns the non-blank text of child {@code key}; records "missing KEY (expected EXPECTED)" when absent. */
    public String required(String key, String expected) {
        Node n = get(key);
        String v = n.text(null);
        if (v == null || v.isBlank()) {
            if (n.present()) {
                n.error("empty " + key + " (expected " + expected + ")");
            } else {
                error("missing " + key + " (expected " + expected + ")");
            }
            return null;
        }
        return v.strip();
    }

    /** Returns the whole number at {@code key}, {@code min} to {@code max}, or {@code fallback}. */
    public long whole(String key, long fallback, long min, long max) {
        Node n = get(key);
        if (!n.present() || n.json.isNull()) {
            return fallback;
        }
        if (!n.json.isIntegralNumber() && !(n.json.isTextual() && n.json.asText().strip().matches("-?\\d{1,18}"))) {
            n.error("expected a whole number from " + min + " to " + max + ", got " + n.describe());
            return fallback;
        }
        long v = n.json.isTextual() ? Long.parseLong(n.json.asText().strip()) : n.json.asLong();
        if (!n.json.canConvertToLong() && !n.json.isTextual() || v < min || v > max) {
            n.error(key + " " + n.json.asText() + " is out of range (expected " + min + " to " + max + ")");
            return fallback;
        }
        return v;
    }

    /** Returns the number at {@code key}, {@code min} to {@code max}, or {@code fallback}. */
    public double number(String key, double fallback, double min, double max) {
        Node n = get(key);
        if (!n.present() || n.json.isNull()) {
            return fallback;
        }
        if (!n.json.isNumber()) {
            n.error("expected a number from " + min + " to " + max + ", got " + n.describe());
            return fallback;
        }
        double v = n.json.asDouble();
        if (!(v >= min && v <= max)) {
            n.error(key + " " + n.json.asText() + " is out of range (expected " + min + " to " + max + ")");
            return fallback;
        }
        return v;
    }

    /** Returns the boolean at {@code key}, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        Node n = get(key);
        if (!n.present() || n.json.isNull()) {
            return fallback;
        }
        if (!n.json.isBoolean()) {
            n.error("expected true or false, got " + n.describe());
            return fallback;
        }
        return n.json.asBoolean();
    }

    /** Returns the duration at {@code key} ({@code 250ms}, {@code 2s}), or {@code fallback}. */
    public Duration duration(String key, Duration fallback) {
        Node n = get(key);
        String v = n.text(null);
        if (v == null) {
            return fallback;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            n.error("bad duration '" + v + "' (expected a duration such as 250ms, 2s or 1m)");
            return fallback;
        }
    }

    /** Returns the size at {@code key} in bytes ({@code 512}, {@code 64KiB}, {@code 1MiB}), 1 to {@code max}, or {@code fallback}. */
    public long size(String key, long fallback, long max) {
        Node n = get(key);
        String v = n.text(null);
        if (v == null) {
            return fallback;
        }
        long bytes;
        try {
            bytes = Sizes.parse(v);
        } catch (InputException e) {
            bytes = -1;
        }
        if (bytes < 1 || bytes > max) {
            n.error("bad size '" + v + "' (expected 1 to " + max + " bytes, written like 512, 64KiB or 1MiB)");
            return fallback;
        }
        return bytes;
    }

    /** Returns the items of the list at {@code key} (a missing list is empty; a scalar is an error). */
    public List<Node> list(String key) {
        return get(key).items();
    }

    /** Returns the items of this list (absent or null: none; anything else not a list: an error). */
    public List<Node> items() {
        if (!present() || json.isNull()) {
            return List.of();
        }
        if (!json.isArray()) {
            error("expected a list, got " + kind());
            return List.of();
        }
        List<Node> out = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            out.add(new Node(json.get(i), pointer + "/" + i, problems));
        }
        return out;
    }

    /** Returns the strings of the list at {@code key}; a single string counts as a list of one. */
    public List<String> strings(String key) {
        Node n = get(key);
        if (n.json.isValueNode() && !n.json.isNull()) {
            return List.of(n.json.asText());
        }
        List<String> out = new ArrayList<>();
        for (Node item : n.items()) {
            String s = item.text(null);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Returns the entries of the mapping at {@code key}, in order (absent: none). */
    public Map<String, Node> entries(String key) {
        return get(key).entries();
    }

    /** Returns the entries of this mapping, in order (absent or null: none; not a mapping: an error). */
    public Map<String, Node> entries() {
        Map<String, Node> out = new LinkedHashMap<>();
        if (!present() || json.isNull()) {
            return out;
        }
        if (!json.isObject()) {
            error("expected a mapping, got " + kind());
            return out;
        }
        json.fieldNames().forEachRemaining(k -> out.put(k, get(k)));
        return out;
    }

    /** Returns a string-to-string mapping at {@code key} (header names to values, say). */
    public Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        entries(key).forEach((k, v) -> {
            String s = v.text(null);
            if (s != null) {
                out.put(k, s);
            } else if (v.json.isNull()) {
                v.error("empty value for '" + k + "' (expected a string)");
            }
        });
        return out;
    }

    /** Returns what kind of value this is, in messages: "a mapping", "a list", "the string 'x'". */
    public String kind() {
        if (!present()) {
            return "nothing";
        }
        if (json.isObject()) {
            return "a mapping";
        }
        if (json.isArray()) {
            return "a list";
        }
        if (json.isNull()) {
            return "nothing (null)";
        }
        return describe();
    }

    private String describe() {
        if (json.isTextual()) {
            String t = json.asText();
            return "the string '" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "'";
        }
        return json.isValueNode() ? json.asText().toLowerCase(Locale.ROOT) : kind();
    }

    /** Returns the candidate closest to {@code word} by edit distance ({@link DidYouMean}), or null when none is close. */
    public static String closest(String word, Collection<String> candidates) {
        return DidYouMean.closest(word, candidates);
    }
}
