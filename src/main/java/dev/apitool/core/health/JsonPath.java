package dev.apitool.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.expr.Cursor;
import dev.apitool.core.expr.ExprSyntaxException;
import dev.apitool.core.expr.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The small JSONPath subset conditions use after {@code body} (Goessner's JSONPath, as Jayway and
 * RFC 9535 read it): members {@code .name} and {@code ['name']}, indexes {@code [0]} and
 * {@code [-1]} (from the end), the wildcard {@code .*} and {@code [*]}, and filters that compare
 * one member of each child with a literal, {@code [?(@.name == 'db')]} or {@code !=}.
 *
 * @param text the path as written, from its first {@code .} or {@code [}
 * @param steps the steps, applied left to right
 */
record JsonPath(String text, List<Step> steps) {

    /** One step of a path. */
    sealed interface Step {}

    /** A member of an object. */
    record Member(String name) implements Step {}

    /** An element of an array, counted from the end when negative. */
    record Index(int index) implements Step {}

    /** Every member of an object or element of an array. */
    record Wildcard() implements Step {}

    /** The members or elements whose {@code member} path equals (or not) {@code literal}. */
    record Filter(List<Step> member, boolean equals, Value literal) implements Step {}

    /** Returns whether the path names at most one value (no wildcard, no filter). */
    boolean definite() {
        return steps.stream().allMatch(s -> s instanceof Member || s instanceof Index);
    }

    /**
     * Reads a path at the cursor (on a {@code .} or {@code [}) up to the first character that cannot
     * continue it.
     */
    static JsonPath parse(Cursor c) {
        int start = c.pos;
        List<Step> steps = steps(c, true);
        if (steps.isEmpty()) {
            throw c.error("expected a JSONPath such as .status or [0] after 'body'");
        }
        return new JsonPath(c.text.substring(start, c.pos), List.copyOf(steps));
    }

    private static List<Step> steps(Cursor c, boolean allowSelectors) {
        List<Step> steps = new ArrayList<>();
        while (true) {
            if (c.peek() == '.') {
                c.pos++;
                if (c.peek() == '*' && allowSelectors) {
                    c.pos++;
                    steps.add(new Wildcard());
                } else {
                    steps.add(new Member(name(c)));
                }
            } else if (c.peek() == '[') {
                steps.add(bracket(c, allowSelectors));
            } else {
                return steps;
            }
        }
    }

    private static String name(Cursor c) {
        int start = c.pos;
        while (!c.atEnd() && (Character.isLetterOrDigit(c.peek()) || c.peek() == '_' || c.peek() == '-' || c.peek() == '$')) {
            c.pos++;
        }
        if (c.pos == start) {
            throw c.error("expected a member name after '.'" + (c.atEnd() ? "" : ", found '" + c.peek() + "'")
                    + " (use ['a b'] for other names)");
        }
        return c.text.substring(start, c.pos);
    }

    private static Step bracket(Cursor c, boolean allowSelectors) {
        int open = c.pos++;
        c.skipSpaces();
        Step step;
        char ch = c.peek();
        if (ch == '\'' || ch == '"') {
            step = new Member(c.quoted());
        } else if (ch == '*' && allowSelectors) {
            c.pos++;
            step = new Wildcard();
        } else if (ch == '?' && allowSelectors) {
            c.pos++;
            step = filter(c);
        } else {
            BigDecimal n = c.number();
            if (n == null || n.scale() > 0 || n.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
                throw c.error("expected an index, 'name', *" + (allowSelectors ? " or a filter ?(@.name == 'x')" : "")
                        + " inside [ ]");
            }
            step = new Index(n.intValueExact());
        }
        c.skipSpaces();
        if (c.peek() != ']') {
            throw c.atEnd() ? new ExprSyntaxException("unclosed '[', expected ']'", open) : c.error("expected ']', found '" + c.peek() + "'");
        }
        c.pos++;
        return step;
    }

    private static Step filter(Cursor c) {
        c.skipSpaces();
        c.expect('(', "'(' after '?' as in [?(@.name == 'db')]");
        c.skipSpaces();
        c.expect('@', "'@' (the element) in the filter, as in [?(@.name == 'db')]");
        List<Step> member = steps(c, false);
        if (member.isEmpty()) {
            throw c.error("expected a member after '@', as in [?(@.name == 'db')]");
        }
        c.skipSpaces();
        boolean equals;
        if (c.eat("==")) {
            equals = true;
        } else if (c.eat("!=")) {
            equals = false;
        } else {
            throw c.error("expected == or != in the filter");
        }
        c.skipSpaces();
        Value literal = literal(c);
        c.skipSpaces();
        c.expect(')', "')' to close the filter");
        return new Filter(List.copyOf(member), equals, literal);
    }

    private static Value literal(Cursor c) {
        char ch = c.peek();
        if (ch == '\'' || ch == '"') {
            return new Value.Str(c.quoted());
        }
        for (String word : new String[] {"true", "false", "null"}) {
            if (c.eat(word)) {
                return word.equals("null") ? Value.NULL : new Value.Bool(word.equals("true"));
            }
        }
        BigDecimal n = c.number();
        if (n == null) {
            throw c.error("expected a string, number, true, false or null to compare with");
        }
        return new Value.Num(n);
    }

    /** Returns the nodes this path selects in {@code root}, in document order; empty when none. */
    List<JsonNode> select(JsonNode root) {
        return select(List.of(root), steps);
    }

    private static List<JsonNode> select(List<JsonNode> from, List<Step> steps) {
        List<JsonNode> current = from;
        for (Step step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : current) {
                apply(step, n, next);
            }
            current = next;
        }
        return current;
    }

    private static void apply(Step step, JsonNode n, List<JsonNode> out) {
        if (step instanceof Member m) {
            if (n.isObject() && n.has(m.name())) {
                out.add(n.get(m.name()));
            }
        } else if (step instanceof Index i) {
            int at = i.index() < 0 ? n.size() + i.index() : i.index();
            if (n.isArray() && at >= 0 && at < n.size()) {
                out.add(n.get(at));
            }
        } else if (step instanceof Wildcard) {
            children(n).forEachRemaining(out::add);
        } else {
            Filter f = (Filter) step;
            for (Iterator<JsonNode> it = children(n); it.hasNext();) {
                JsonNode child = it.next();
                List<JsonNode> values = select(List.of(child), f.member());
                boolean equal = values.stream().anyMatch(v -> Value.same(Value.of(v), f.literal()));
                if (f.equals() ? equal : !values.isEmpty() && !equal) {
                    out.add(child);
                }
            }
        }
    }

    private static Iterator<JsonNode> children(JsonNode n) {
        return n.isObject() || n.isArray() ? n.elements() : java.util.Collections.emptyIterator();
    }
}
