package dev.apitool.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration apitool reads and writes with: strict (duplicate keys and trailing
 * tokens are errors), exact (decimals kept as written), compact or pretty on request.
 */
public final class Json {

    /** The mapper; thread-safe once built. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private Json() {}

    /** Returns a new empty object node. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /**
     * Returns the JSON value in {@code bytes}.
     *
     * @param what names the document in error messages (e.g. "token header", "key.json")
     * @throws InputException with line, column and what was wrong
     */
    public static JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InputException(what + ": empty document, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InputException(what + ": " + describe(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the JSON object in {@code bytes}; any other JSON value is an error naming {@code what}. */
    public static ObjectNode parseObject(byte[] bytes, String what) {
        JsonNode node = parse(bytes, what);
        if (!node.isObject()) {
            throw new InputException(what + ": expected a JSON object, got " + kind(node));
        }
        return (ObjectNode) node;
    }

    /** Returns {@code node} as compact JSON. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Two-space indentation, {@code "key": value}, one array element per line: the shape jq prints. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    /** Returns {@code node} as JSON indented by two spaces. */
    public static String pretty(Object node) {
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns a short English name of a node's JSON type ("a string", "an array", …). */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        switch (node.getNodeType()) {
            case ARRAY: return "an array";
            case OBJECT: return "an object";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Returns "line L, column C: problem" for a Jackson failure, without Jackson's source dump. */
    public static String describe(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        msg = msg.replace("Unexpected character", "unexpected character")
                .replace("Duplicate field", "duplicate key");
        var loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + msg;
        }
        return msg;
    }
}
