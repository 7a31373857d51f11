package dev.apitool.core.traffic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A small hand-written request script in YAML: a list of mappings with the same fields as NDJSON
 * ({@code - {t: 0.250, key: user_1}}), or a mapping whose {@code requests:} holds that list
 * ({@code targets:} for load's targets).
 */
final class YamlScript extends ScriptSource {

    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final JsonParser p;
    private boolean started;

    YamlScript(Reader in, String file, boolean targets) {
        this(parser(in, file), file, targets);
    }

    private YamlScript(JsonParser p, String file, boolean targets) {
        super(file, p, targets);
        this.p = p;
    }

    private static JsonParser parser(Reader in, String file) {
        try {
            return FACTORY.createParser(in);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    RequestReader.Entry entry() {
        try {
            if (!started) {
                start();
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                return null;
            }
            int line = p.currentTokenLocation().getLineNr();
            int column = p.currentTokenLocation().getColumnNr();
            if (t != JsonToken.START_OBJECT) {
                throw new InputException(file + ":" + line + ":" + column + ": expected a " + what() + " mapping ("
                        + (targets ? "method: …, path: …" : "t: …, key: …") + ")");
            }
            RequestReader.Entry e = RequestReader.readObject(p, file, 0, targets);
            e.line = line;
            e.column = column;
            return e;
        } catch (JsonProcessingException e) {
            throw new InputException(file + ":" + position(e) + ": " + Json.problem(e), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void start() throws IOException {
        started = true;
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_OBJECT) {
            if (p.nextToken() != JsonToken.FIELD_NAME || !("requests".equals(p.currentName())
                    || targets && "targets".equals(p.currentName()))) {
                throw new InputException(file + ":" + p.currentTokenLocation().getLineNr() + ":"
                        + p.currentTokenLocation().getColumnNr() + ": expected '" + (targets ? "targets:" : "requests:")
                        + "' holding a list");
            }
            t = p.nextToken();
        }
        if (t != JsonToken.START_ARRAY) {
            int line = t == null ? 1 : p.currentTokenLocation().getLineNr();
            throw new InputException(file + ":" + line + ":1: expected a list of " + what() + "s ("
                    + (targets ? "- path: /users …" : "- t: 0.250 …") + ")");
        }
    }

    /** Returns "line:column" of a YAML error, from SnakeYAML's exact mark when there is one. */
    private static String position(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException && ((MarkedYAMLException) c).getProblemMark() != null) {
                var mark = ((MarkedYAMLException) c).getProblemMark();
                return (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            }
        }
        var loc = e.getLocation();
        return loc == null ? "1:1" : loc.getLineNr() + ":" + loc.getColumnNr();
    }

}
