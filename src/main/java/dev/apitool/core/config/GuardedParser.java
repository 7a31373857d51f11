package dev.apitool.core.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parser that refuses the YAML shapes apitool's inputs never need and attackers like: an alias
 * ({@code *name}, which Jackson would hand over as the plain text of its name), nesting deeper
 * than {@link ConfigText#MAX_DEPTH}, a second document in one stream (which a reader would
 * otherwise silently ignore), and a key written twice in one mapping or object. Each refusal is a {@link Refusal} at the offending token.
 */
final class GuardedParser extends JsonParserDelegate {

    /** A refusal of an input's shape; its message is already in apitool's words. */
    static final class Refusal extends JsonParseException {
        private static final long serialVersionUID = 1L;

        Refusal(JsonParser p, String message) {
            super(p, message, p.currentTokenLocation());
        }
    }

    private final boolean yaml;
    private int depth;
    /** The keys seen in each open mapping, null for an open list. */
    private final List<Set<String>> keys = new ArrayList<>();
    private boolean rootDone;

    GuardedParser(JsonParser p) {
        super(p);
        this.yaml = p instanceof YAMLParser;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = delegate.nextToken();
        if (t == null) {
            return null;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
            depth--;
            keys.remove(keys.size() - 1);
            rootDone = depth == 0;
            return t;
        }
        if (depth == 0 && rootDone) {
            throw new Refusal(delegate, yaml ? "a second YAML document; expected one" : "unexpected content after the JSON value");
        }
        if (yaml && ((YAMLParser) delegate).isCurrentAlias()) {
            throw new Refusal(delegate, "YAML alias '*" + Texts.printable(delegate.getText())
                    + "' is not supported; expected the value written out (anchors and aliases are not read)");
        }
        if (t == JsonToken.FIELD_NAME) {
            Set<String> seen = keys.get(keys.size() - 1);
            String name = delegate.currentName();
            if (!seen.add(name)) {
                throw new Refusal(delegate, "duplicate key '" + Texts.printable(name) + "', expected each key once");
            }
        } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            keys.add(t == JsonToken.START_OBJECT ? new HashSet<>() : null);
            if (++depth > ConfigText.MAX_DEPTH) {
                throw new Refusal(delegate, "nested deeper than " + ConfigText.MAX_DEPTH + " levels; expected a flatter document");
            }
        } else if (t != JsonToken.FIELD_NAME && depth == 0) {
            rootDone = true;
        }
        return t;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
        if (currentToken() != JsonToken.START_OBJECT && currentToken() != JsonToken.START_ARRAY) {
            return this;
        }
        int open = 1;
        while (open > 0) {
            JsonToken t = nextToken();
            if (t == null) {
                return this;
            }
            if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                open++;
            } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                open--;
            }
        }
        return this;
    }
}
