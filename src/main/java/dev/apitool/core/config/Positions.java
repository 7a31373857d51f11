package dev.apitool.core.config;

import dev.apitool.core.io.Inputs;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where every key and value of a YAML or JSON document was written, by JSON pointer
 * ({@code /endpoints/0/url}): read in one streaming pass before binding, so that errors found
 * after binding (a bad condition, a bad URL) and Jackson's own (an unknown key, which a record's
 * creator only reports at the end of its mapping) point at the right line and column. The same
 * pass refuses syntax errors, duplicate keys, aliases, deep nesting and a second document
 * ({@link ConfigText}).
 */
public final class Positions {

    private final String file;
    private final String[] lines;
    private final Map<String, Position> keys = new HashMap<>();
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, String> scalars = new HashMap<>();

    private Positions(String file, String text) {
        this.file = file;
        this.lines = text.split("\r?\n", -1);
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        int index = -1;
        String key;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }
    }

    /**
     * Returns the positions in {@code text}, a YAML document.
     *
     * @throws InputException {@code file:line:column: problem} for a syntax error or a refused shape
     */
    public static Positions scan(String text, String file) {
        return scan(text, file, ConfigFormat.YAML);
    }

    /**
     * Returns the positions in {@code text}, a document in {@code format}.
     *
     * @throws InputException {@code file:line:column: problem} for a syntax error or a refused shape
     */
    public static Positions scan(String text, String file, ConfigFormat format) {
        Positions out = new Positions(file, text);
        Deque<Frame> stack = new ArrayDeque<>();
        try (JsonParser p = ConfigText.parser(text, file, format)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                Frame top = stack.peek();
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                Position at = ConfigText.position(p.currentTokenLocation());
                if (t == JsonToken.FIELD_NAME) {
                    top.key = p.currentName();
                    out.keys.put(top.pointer + "/" + escape(top.key), at);
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
            throw new InputException(file + ":" + ConfigText.position(e) + ": "
                    + ConfigText.message(e, format == ConfigFormat.JSON ? "JSON syntax error: " : "YAML syntax error: "), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
        }
        return out;
    }

    /** Returns the file's name as messages start with it. */
    public String file() {
        return file;
    }

    /** Returns where the key at {@code pointer} was written, else its value, else the nearest enclosing position. */
    public Position key(String pointer) {
        Position p = keys.get(pointer);
        return p != null ? p : value(pointer);
    }

    /** Returns where the value at {@code pointer} starts, else its key, else the nearest enclosing position. */
    public Position value(String pointer) {
        for (String ptr = pointer; ; ptr = ptr.substring(0, ptr.lastIndexOf('/'))) {
            Position p = values.get(ptr);
            if (p == null) {
                p = keys.get(ptr);
            }
            if (p != null) {
                return p;
            }
            if (ptr.isEmpty()) {
                return Position.START;
            }
        }
    }

    /** Returns the position {@code index} characters into the scalar at {@code pointer}, past an opening quote. */
    public Position inside(String pointer, int index) {
        Position p = value(pointer);
        String line = p.line() - 1 < lines.length ? lines[p.line() - 1] : "";
        int col = p.column();
        if (col - 1 < line.length() && (line.charAt(col - 1) == '"' || line.charAt(col - 1) == '\'')) {
            col++;
        }
        return new Position(p.line(), Math.min(col + index, Math.max(col, line.length() + 1)));
    }

    /** Returns the scalar text at {@code pointer} as written, or null (a mapping, a list, null or nothing). */
    public String scalar(String pointer) {
        return scalars.get(pointer);
    }

    /** Returns the scalar text at {@code pointer}, or "the value" when there is none (for messages). */
    String scalarOr(String pointer) {
        String s = pointer == null ? null : scalars.get(pointer);
        return s == null ? "the value" : s;
    }

    /** Returns whether a key or value was written at {@code pointer}. */
    public boolean has(String pointer) {
        return keys.containsKey(pointer) || values.containsKey(pointer);
    }

    /** Returns the pointer of the value that starts at {@code at}, or null. */
    public String pointerAt(Position at) {
        String best = null;
        for (Map.Entry<String, Position> e : values.entrySet()) {
            if (e.getValue().equals(at) && (best == null || e.getKey().length() > best.length())) {
                best = e.getKey();
            }
        }
        return best;
    }

    /** Returns {@code file:line:column: message} as an input error; control characters in the message are escaped. */
    public InputException error(Position at, String message) {
        return new InputException(file + ":" + at + ": " + Texts.printable(message));
    }

    /** Returns {@code key} escaped for a JSON pointer ({@code ~} as {@code ~0}, {@code /} as {@code ~1}). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Returns the JSON pointer of the value a Jackson mapping error is about. */
    public static String pointer(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            sb.append('/').append(r.getFieldName() != null ? escape(r.getFieldName()) : Integer.toString(r.getIndex()));
        }
        return sb.toString();
    }
}
