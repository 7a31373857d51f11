package dev.apitool.core.pipeline.middleware;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Exchange;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code validate}: checks the JSON body, the query parameters and the path parameters against
 * JSON Schemas (draft 2020-12, networknt's validator, formats asserted) and answers 422 listing
 * every field error at once: {@code {"message": "Validation failed", "code": 422, "fields": {...}}}.
 * {@code messages} replaces the validator's wording per field ({@code name: Name cannot be empty}).
 * Query and path values are strings on the wire; they are checked with loose typing, so
 * {@code "3"} passes as an integer.
 */
final class Validate implements Factory<Middleware> {

    /** Schemas are what the spec says: a {@code $ref} to another document is never fetched (no file, no network). */
    private static final SchemaRegistry STRICT = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaLoader(l -> l.fetchRemoteResources(false).block(Validate::elsewhere)));
    private static final SchemaRegistry LOOSE = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).typeLoose(true).build())
                    .schemaLoader(l -> l.fetchRemoteResources(false).block(Validate::elsewhere)));

    record Settings(Schema body, Schema query, Schema path, Map<String, String> messages) {}

    @Override
    public String type() {
        return "validate";
    }

    @Override
    public List<String> parameters() {
        return List.of("body", "query", "path", "messages");
    }

    @Override
    public String summary() {
        return "Checks body, query and path parameters against JSON Schemas (2020-12); 422 with every field error.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        if (!node.has("body") && !node.has("query") && !node.has("path")) {
            node.error("validate needs at least one schema: body:, query: or path:");
        }
        Settings s = new Settings(schema(node.get("body"), STRICT), schema(node.get("query"), LOOSE),
                schema(node.get("path"), LOOSE), node.stringMap("messages"));
        String label = build.label();
        return (ex, next) -> {
            Map<String, String> fields = new LinkedHashMap<>();
            if (s.body() != null) {
                JsonNode body = Responses.parse(ex.request().body());
                if (body == null) {
                    ex.note(label, "body is not JSON");
                    return Responses.now(Responses.error(ex, 400, "The body is not JSON"));
                }
                collect(s.body().validate(body), s.messages(), fields);
            }
            if (s.query() != null) {
                collect(s.query().validate(query(ex.request().query())), s.messages(), fields);
            }
            if (s.path() != null) {
                ObjectNode p = Responses.JSON.createObjectNode();
                ex.params().forEach(p::put);
                collect(s.path().validate(p), s.messages(), fields);
            }
            if (!fields.isEmpty()) {
                ex.note(label, "invalid: " + String.join(", ", fields.keySet()));
                ObjectNode err = Responses.errorBody(ex, 422, "Validation failed");
                ObjectNode f = err.putObject("fields");
                fields.forEach(f::put);
                return Responses.now(Responses.json(422, err));
            }
            ex.note(label, "valid");
            return next.handle(ex);
        };
    }

    /** Whether {@code iri} names a document elsewhere (a file or a URL), which a spec's schema may not pull in. */
    private static boolean elsewhere(com.networknt.schema.AbsoluteIri iri) {
        String scheme = iri.getScheme();
        return !iri.toString().startsWith("https://json-schema.org/") && scheme != null && !scheme.equals("urn") && !scheme.equals("classpath");
    }

    private static Schema schema(Node n, SchemaRegistry registry) {
        if (!n.present()) {
            return null;
        }
        if (!n.json().isObject() && !n.json().isBoolean()) {
            n.error("expected a JSON Schema (a mapping such as type: object), got " + n.kind());
            return null;
        }
        try {
            Schema schema = registry.getSchema(n.json());
            schema.initializeValidators();         // resolves every $ref now: a broken one is a spec error, not a 500 later
            return schema;
        } catch (RuntimeException e) {
            n.error("not a valid JSON Schema: " + e.getMessage() + (e.getMessage() != null && e.getMessage().contains("not allowed to be loaded")
                    ? " (expected a $ref within this schema, such as #/$defs/NAME: other files and URLs are never fetched)" : ""));
            return null;
        }
    }

    private static void collect(List<Error> errors, Map<String, String> messages, Map<String, String> fields) {
        for (Error e : errors) {
            String field = field(e);
            String message = messages.getOrDefault(field, e.getMessage());
            fields.putIfAbsent(field, message);
        }
    }

    /** Returns the field an error is about: its instance path as {@code a.b[0]}, plus the missing property of a "required". */
    private static String field(Error e) {
        StringBuilder s = new StringBuilder();
        var path = e.getInstanceLocation();
        for (int i = 0; path != null && i < path.getNameCount(); i++) {
            Object el = path.getElement(i);
            if (el instanceof Integer idx) {
                s.append('[').append(idx).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(el);
            }
        }
        if ("required".equals(e.getKeyword()) && e.getProperty() != null) {
            s.append(s.length() == 0 ? "" : ".").append(e.getProperty());
        }
        return s.length() == 0 ? "$" : s.toString();
    }

    private static ObjectNode query(String raw) {
        ObjectNode o = Responses.JSON.createObjectNode();
        if (raw.isEmpty()) {
            return o;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!o.has(k)) {
                o.put(k, v);
            }
        }
        return o;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

}
