package dev.apitool.core.pipeline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Where every key and value of a YAML document was written, by JSON pointer
 * ({@code /endpoints/0/url}): read in one streaming pass before binding, so that errors found
 * after binding (a bad condition, a bad URL) and Jackson's own (an unknown key, which a record's
 * creator only reports at the end of its mapping) point at the right line and column. The same
 * pass reports YAML syntax errors at SnakeYAML's exact mark (DEPENDENCIES.md, trap 5) and
 * duplicate keys.
 */
public final class YamlPositions {

    /** A 1-based line and column. */
    public record Pos(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    static final Pos START = new Pos(1, 1);

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final String[] lines;
    private final Map<String, Pos> keys = new HashMap<>();
    private final Map<String, Pos> values = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();

    private YamlPositions(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n", -1);
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        final Set<String> seen = new HashSet<>();
        int index = -1;
        String key;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }

    /**
     * Returns the positions in {@code text}.
     *
     * @throws InputException {@code file:line:column: problem} for a YAML syntax error or a duplicate key
     */
    public static YamlPositions scan(String text, String file) {
        YamlPositions out = new YamlPositions(file, text);
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Frame top = stack.peek();
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Pos at = pos(p.currentTokenLocation());
                if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    if (!top.seen.add(name)) {
                        throw out.error(at, "duplicate key '" + name + "', expected each key once");
                    }
                    top.key = name;
                    out.keys.put(top.pointer + "/" + escape(name), at);
                    continue;
                }
                String pointer = top == null ? "" : top.pointer + "/" + (top.array ? Integer.toString(++top.index) : escape(top.key));
                out.values.put(pointer, at);
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(pointer, t == JsonToken.START_ARRAY));
                } else if (t != JsonToken.VALUE_NULL) {
                    out.scalars.put(pointer, p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            throw new InputException(file + ":" + syntaxPosition(e) + ": " + syntaxMessage(e), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Returns where the key at {@code pointer} was written, else its value, else the nearest enclosing position. */
    public Pos key(String pointer) {
        Pos p = keys.get(pointer);
        return p != null ? p : value(pointer);
    }

    /** Returns where the value at {@code pointer} starts, else its key, else the nearest enclosing position. */
    public Pos value(String pointer) {
        for (String ptr = pointer; ; ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
            Pos p = values.get(ptr);
            if (p == null) {
                p = keys.get(ptr);
            }
            if (p != null) {
                return p;
            }
            if (ptr.isEmpty()) {
                return START;
            }
        }
    }

    /** Returns the position {@code index} characters into the scalar at {@code pointer}, past an opening quote. */
    Pos inside(String pointer, int index) {
        Pos p = value(pointer);
        String line = p.line() - 1 < lines.length ? lines[p.line() - 1] : "";
        int col = p.column();
        if (col - 1 < line.length() && (line.charAt(col - 1) == '"' || line.charAt(col - 1) == '\'')) {
            col++;
        }
        return new Pos(p.line(), Math.min(col + index, Math.max(col, line.length() + 1)));
    }

    /** Returns the scalar text at {@code pointer}, or null. */
    public String scalar(String pointer) {
        return scalars.get(pointer);
    }

    /** Returns whether a key or value was written at {@code pointer}. */
    public boolean has(String pointer) {
        return keys.containsKey(pointer) || values.containsKey(pointer);
    }

    /** Returns {@code file:line:column: message} as an input error. */
    InputException error(Pos at, String message) {
        return new InputException(file + ":" + at + ": " + message);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static Pos pos(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? START : new Pos(loc.getLineNr(), Math.max(1, loc.getColumnNr()));
    }

    private static String syntaxPosition(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                return (m.getProblemMark().getLine() + 1) + ":" + (m.getProblemMark().getColumn() + 1);
            }
        }
        return pos(e.getLocation()).toString();
    }

    private static String syntaxMessage(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException m && m.getProblem() != null) {
                String context = m.getContext() == null ? "" : " (" + m.getContext() + ")";
                return "YAML syntax error: " + m.getProblem() + context;
            }
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        return "YAML syntax error: " + (cut >= 0 ? msg.substring(0, cut) : msg);
    }
}
