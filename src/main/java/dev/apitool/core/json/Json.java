package dev.apitool.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The one JSON configuration apitool reads and writes JSON trees with: strict (duplicate keys and
 * trailing content are errors), exact (decimals kept as written: {@code 1.50} stays {@code 1.50}),
 * compact or pretty on request.
 *
 * <p>Trees are read and written on Jackson's streaming layer into databind's node classes,
 * without an {@code ObjectMapper}: building one costs tens of milliseconds of start-up, which a
 * command such as {@code jwt sign} (called in shell loops) cannot afford.
 */
public final class Json {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** Two-space indentation, {@code "key": value}, one array element per line: the shape jq prints. */
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private Json() {}

    /** Returns a new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /**
     * Returns the JSON value in {@code bytes}.
     *
     * @param what names the document in error messages (e.g. "token header", "key.json")
     * @throws InputException with line, column and what was wrong
     */
    public static JsonNode parse(byte[] bytes, String what) {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InputException(what + ": empty document, expected JSON");
            }
            JsonNode node = read(p, first);
            if (p.nextToken() != null) {
                var loc = p.currentTokenLocation();
                throw new InputException(what + ": line " + loc.getLineNr() + ", column " + loc.getColumnNr()
                        + ": unexpected content after the JSON value");
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

    /** Returns a strict streaming parser over {@code text}, for readers that never need a tree. */
    public static JsonParser parser(String text) throws IOException {
        return FACTORY.createParser(text);
    }

    /** Returns a compact generator writing one JSON value after another to {@code out}, nothing between them. */
    public static JsonGenerator generator(java.io.Writer out) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.setRootValueSeparator(null);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(JsonParser p, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    o.set(name, read(p, p.nextToken()));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                JsonToken t;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    a.add(read(p, t));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT: return NODES.numberNode(p.getIntValue());
                    case LONG: return NODES.numberNode(p.getLongValue());
                    default: return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    /** Returns {@code node} as compact JSON. */
    public static String compact(JsonNode node) {
        return write(node, false);
    }

    /** Returns {@code node} as JSON indented by two spaces. */
    public static String pretty(JsonNode node) {
        return write(node, true);
    }

    private static String write(JsonNode node, boolean pretty) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY.createInstance());
            }
            write(g, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, JsonNode n) throws IOException {
        switch (n.getNodeType()) {
            case OBJECT: {
                g.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    g.writeFieldName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
                break;
            }
            case ARRAY:
                g.writeStartArray();
                for (JsonNode e : n) {
                    write(g, e);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(n.textValue());
                break;
            case NUMBER:
                if (n.isIntegralNumber()) {
                    if (n.canConvertToLong()) {
                        g.writeNumber(n.longValue());
                    } else {
                        g.writeNumber(n.bigIntegerValue());
                    }
                } else {
                    g.writeNumber(n.decimalValue());
                }
                break;
            case BOOLEAN:
                g.writeBoolean(n.booleanValue());
                break;
            case NULL:
            case MISSING:
                g.writeNull();
                break;
            default:
                throw new IllegalArgumentException("cannot write JSON node of type " + n.getNodeType());
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
            default: return node.getNodeType().toString().toLowerCase(Locale.ROOT);
        }
    }

    /** Returns "line L, column C: problem" for a Jackson failure, without Jackson's source dump. */
    public static String describe(JsonProcessingException e) {
        var loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + problem(e);
        }
        return problem(e);
    }

    /** Returns the first line of a Jackson failure's own message, in apitool's words, without a position. */
    public static String problem(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        if (cut >= 0) {
            msg = msg.substring(0, cut);
        }
        msg = msg.replaceAll("[:;,]? *\\(?(enable|set) `?(JsonReadFeature|JsonParser\\.Feature|StreamReadFeature)[^)]*?(to allow|\\))\\)?", "");
        return msg.replace("Unexpected character", "unexpected character").replace("Duplicate field", "duplicate key");
    }
}
