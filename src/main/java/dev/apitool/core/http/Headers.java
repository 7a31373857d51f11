package dev.apitool.core.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable, ordered list of HTTP header fields (RFC 9110 section 5): names compare
 * case-insensitively, a name may repeat, and insertion order is kept. Names must be tokens and
 * values may not contain CR or LF, so a header can never inject another.
 */
public final class Headers {

    /** The empty header list. */
    public static final Headers EMPTY = new Headers(new String[0]);

    /** Alternating names and values. */
    private final String[] fields;

    private Headers(String[] fields) {
        this.fields = fields;
    }

    /**
     * Returns headers from alternating names and values, e.g. {@code of("Accept", "application/json")}.
     *
     * @throws IllegalArgumentException on an odd count, a name that is not a token, or a value with CR, LF or
     *     another control character
     */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers need a value for every name: " + Arrays.toString(namesAndValues));
        }
        String[] copy = namesAndValues.clone();
        for (int i = 0; i < copy.length; i += 2) {
            check(copy[i], copy[i + 1]);
        }
        return new Headers(copy);
    }

    /** Returns the headers of a Netty message, in order. */
    static Headers from(HttpHeaders netty) {
        if (netty.isEmpty()) {
            return EMPTY;
        }
        String[] out = new String[netty.size() * 2];
        int i = 0;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = netty.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> e = it.next();
            out[i++] = e.getKey().toString();
            out[i++] = e.getValue().toString();
        }
        return new Headers(i == out.length ? out : Arrays.copyOf(out, i));
    }

    /** Returns a copy with {@code name: value} appended. */
    public Headers with(String name, String value) {
        check(name, value);
        String[] out = Arrays.copyOf(fields, fields.length + 2);
        out[fields.length] = name;
        out[fields.length + 1] = value;
        return new Headers(out);
    }

    /** Returns a copy in which {@code name} has the single value {@code value}. */
    public Headers set(String name, String value) {
        return without(name).with(name, value);
    }

    /** Returns a copy with every field named {@code name} removed. */
    public Headers without(String name) {
        if (!contains(name)) {
            return this;
        }
        List<String> out = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i += 2) {
            if (!fields[i].equalsIgnoreCase(name)) {
                out.add(fields[i]);
                out.add(fields[i + 1]);
            }
        }
        return new Headers(out.toArray(new String[0]));
    }

    /** Returns the first value of {@code name}, or null when absent. */
    public String first(String name) {
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }

    /** Returns every value of {@code name} in order, possibly none. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i].equalsIgnoreCase(name)) {
                out.add(fields[i + 1]);
            }
        }
        return out;
    }

    /** Returns whether any field is named {@code name}. */
    public boolean contains(String name) {
        return first(name) != null;
    }

    /** Returns the number of fields (a repeated name counts each time). */
    public int size() {
        return fields.length / 2;
    }

    /** Returns whether there are no fields. */
    public boolean isEmpty() {
        return fields.length == 0;
    }

    /** Calls {@code action} with every name and value, in order. */
    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < fields.length; i += 2) {
            action.accept(fields[i], fields[i + 1]);
        }
    }

    /** Adds every field to a Netty header container. */
    void addTo(HttpHeaders netty) {
        for (int i = 0; i < fields.length; i += 2) {
            netty.add(fields[i], fields[i + 1]);
        }
    }

    private static void check(String name, String value) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("header name is not a token: '" + name + "'");
            }
        }
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header value for '" + name + "' is missing or contains CR/LF");
        }
        int bad = controlAt(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format("header value for '%s' contains the control character 0x%02x at"
                    + " position %d (expected visible characters, spaces and tabs: RFC 9110 5.5)", name, (int) value.charAt(bad), bad + 1));
        }
    }

    /** Returns the index of the first character a field value may not hold (a control other than tab, or DEL), or -1. */
    public static int controlAt(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < ' ' && c != '\t') || c == 0x7f) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && Arrays.equals(fields, h.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < fields.length; i += 2) {
            sb.append(i == 0 ? "" : ", ").append(fields[i]).append(": ").append(fields[i + 1]);
        }
        return sb.append('}').toString();
    }
}
