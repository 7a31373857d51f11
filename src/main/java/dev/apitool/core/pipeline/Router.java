package dev.apitool.core.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches a method and a path to a route. Among the patterns that match a path, the most specific
 * wins segment by segment: a literal before a {@code {param}}, a parameter before the final
 * {@code *}. When no matching route takes the method, the answer is 405 with the methods that
 * would do ({@code HEAD} is served by {@code GET}), and when no pattern matches, 404.
 *
 * @param <T> what a route leads to
 */
public final class Router<T> {

    private record Entry<T>(String method, String pattern, String[] segments, int[] rank, T target) {}

    /** The outcome of a lookup. */
    public sealed interface Match<T> {}

    /** A route matched; {@code params} are the path parameters by name, URL-decoded. */
    public record Found<T>(T target, Map<String, String> params) implements Match<T> {}

    /** Some pattern matched the path but no route takes the method; {@code allow} lists those that do. */
    public record WrongMethod<T>(Set<String> allow) implements Match<T> {}

    /** No pattern matches the path. */
    public record NotFound<T>() implements Match<T> {}

    private final List<Entry<T>> entries = new ArrayList<>();
    private final Map<String, List<Entry<T>>> literal = new HashMap<>();

    /** Adds a route; {@code method} is upper case or {@code *}, {@code pattern} starts with {@code /}. */
    public void add(String method, String pattern, T target) {
        String[] segments = pattern.substring(1).split("/", -1);
        int[] rank = new int[segments.length];
        boolean allLiteral = true;
        for (int i = 0; i < segments.length; i++) {
            rank[i] = segments[i].equals("*") ? 2 : segments[i].startsWith("{") ? 1 : 0;
            allLiteral &= rank[i] == 0;
        }
        Entry<T> e = new Entry<>(method, pattern, segments, rank, target);
        entries.add(e);
        if (allLiteral) {
            literal.computeIfAbsent(pattern, k -> new ArrayList<>()).add(e);
        }
    }

    /** Returns what {@code method} on {@code path} (no query) leads to. */
    public Match<T> match(String method, String path) {
        List<Entry<T>> exact = literal.get(path);
        if (exact != null) {
            for (Entry<T> e : exact) {
                if (takes(e.method, method)) {
                    return new Found<>(e.target, Map.of());
                }
            }
        }
        String[] parts = path.length() > 0 && path.charAt(0) == '/' ? path.substring(1).split("/", -1) : new String[] {path};
        Entry<T> best = null;
        Set<String> allow = new LinkedHashSet<>();
        boolean any = false;
        for (Entry<T> e : entries) {
            if (!matches(e, parts)) {
                continue;
            }
            any = true;
            if (takes(e.method, method)) {
                if (best == null || compare(e.rank, best.rank) < 0) {
                    best = e;
                }
            } else {
                allow.add(e.method);
            }
        }
        if (best != null) {
            return new Found<>(best.target, params(best, parts));
        }
        if (!any) {
            return new NotFound<>();
        }
        if (allow.contains("GET")) {
            allow.add("HEAD");
        }
        allow.add("OPTIONS");
        return new WrongMethod<>(allow);
    }

    /** Returns the methods routes take on {@code path}, for an {@code OPTIONS} answer. */
    public Set<String> methods(String path) {
        Match<T> m = match("\u0000", path);
        return m instanceof WrongMethod<T> w ? w.allow() : Set.of();
    }

    /**
     * Returns, for route {@code index} (in the order added), the earlier route that makes it
     * unreachable (same method and the same pattern shape), or -1.
     */
    public int shadowedBy(int index) {
        Entry<T> e = entries.get(index);
        for (int i = 0; i < index; i++) {
            Entry<T> o = entries.get(i);
            if ((o.method.equals(e.method) || o.method.equals("*")) && sameShape(o, e)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameShape(Entry<?> a, Entry<?> b) {
        if (a.segments.length != b.segments.length) {
            return false;
        }
        for (int i = 0; i < a.segments.length; i++) {
            if (a.rank[i] != b.rank[i] || a.rank[i] == 0 && !a.segments[i].equals(b.segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean takes(String routeMethod, String method) {
        return routeMethod.equals(method) || routeMethod.equals("*") || method.equals("HEAD") && routeMethod.equals("GET");
    }

    private static boolean matches(Entry<?> e, String[] parts) {
        String[] s = e.segments;
        boolean wildcard = e.rank[s.length - 1] == 2;
        if (wildcard ? parts.length < s.length - 1 : parts.length != s.length) {
            return false;
        }
        for (int i = 0; i < s.length; i++) {
            if (e.rank[i] == 2) {
                return true;
            }
            if (e.rank[i] == 0 ? !s[i].equals(parts[i]) : parts[i].isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return Integer.compare(b.length, a.length); // a longer pattern is more specific than a shorter wildcard
    }

    private static Map<String, String> params(Entry<?> e, String[] parts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < e.segments.length; i++) {
            if (e.rank[i] == 1) {
                out.put(e.segments[i].substring(1, e.segments[i].length() - 1), decode(parts[i]));
            } else if (e.rank[i] == 2) {
                out.put("*", decode(String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length))));
            }
        }
        return out;
    }

    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
