package dev.apitool.core.traffic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.io.BufferedReader;
import java.io.IOException;

/** A request script in NDJSON: one JSON object per line, blank lines ignored; read line by line. */
final class NdjsonScript extends ScriptSource.Lines {

    NdjsonScript(BufferedReader in, String file) {
        super(in, file);
    }

    @Override
    public Request next() {
        String text = nextLine();
        if (text == null) {
            return null;
        }
        try (JsonParser p = Json.parser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file + ":" + line + ":1: expected a JSON object ({\"t\": …}) on each line");
            }
            RequestReader.Entry e = RequestReader.readObject(p, file, line - 1);
            if (p.nextToken() != null) {
                throw new InputException(file + ":" + line + ":" + p.currentTokenLocation().getColumnNr()
                        + ": unexpected content after the JSON object (one object per line)");
            }
            return reader.toRequest(e, line, 1);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            throw new InputException(file + ":" + line + ":" + (loc == null ? 1 : loc.getColumnNr()) + ": "
                    + (cut >= 0 ? msg.substring(0, cut) : msg));
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }
}
