package dev.apitool.core.traffic;

import dev.apitool.core.io.Inputs;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.apitool.core.config.ConfigText;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.io.IOException;
import java.io.Reader;

/**
 * A small hand-written request script in YAML: a list of mappings with the same fields as NDJSON
 * ({@code - {t: 0.250, key: user_1}}), or a mapping whose {@code requests:} holds that list
 * ({@code targets:} for load's targets).
 */
final class YamlScript extends ScriptSource {

    private final JsonParser p;
    private boolean started;
    private boolean done;

    YamlScript(Reader in, String file, boolean targets) {
        this(parser(in, file), file, targets);
    }

    private YamlScript(JsonParser p, String file, boolean targets) {
        super(file, p, targets);
        this.p = p;
    }

    private static JsonParser parser(Reader in, String file) {
        try {
            return ConfigText.yamlStream(in, file);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
        }
    }

    @Override
    RequestReader.Entry entry() {
        try {
            if (done) {
                return null;
            }
            if (!started) {
                start();
            }
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY || t == null) {
                done = true;
                while (t != null) { // the rest of the document; a second one is refused
                    t = p.nextToken();
                }
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
            throw new InputException(file + ":" + ConfigText.position(e) + ": " + Json.problem(e), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
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
}
