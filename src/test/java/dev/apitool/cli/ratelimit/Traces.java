package dev.apitool.cli.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@code ratelimit simulate} prints, for the tests beside it. */
final class Traces {

    /** The seed scenario, as the repository ships it (tests run from the project directory). */
    static final String SEED = Path.of("examples/ratelimit/seed.ndjson").toAbsolutePath().toString();

    /** The seed scenario's policy: capacity 5, refill 2/s. */
    static final String SEED_POLICY = "token-bucket:capacity=5,rate=2/s";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Traces() {}

    /** Returns the lines of an NDJSON trace, each parsed; fails on a line that is not a JSON object. */
    static List<JsonNode> lines(String ndjson) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : ndjson.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            JsonNode n = json(line);
            if (!n.isObject()) {
                throw new AssertionError("trace line is not a JSON object: " + line);
            }
            out.add(n);
        }
        return out;
    }

    /** Returns the raw lines of an NDJSON trace, without empty ones. */
    static List<String> rawLines(String ndjson) {
        List<String> out = new ArrayList<>();
        for (String line : ndjson.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.add(line);
            }
        }
        return out;
    }

    /** Returns the {@code decision} of every line, in order. */
    static List<String> decisions(List<JsonNode> lines) {
        return lines.stream().map(n -> n.get("decision").asText()).toList();
    }

    /** Returns the text trace lines of a text run: everything before the blank line that precedes the summary. */
    static List<String> textTrace(String out) {
        int end = out.indexOf("\n\n");
        return List.of((end < 0 ? out : out.substring(0, end)).split("\n"));
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
