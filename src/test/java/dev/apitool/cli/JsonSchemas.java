package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Validates real command output against the JSON Schemas shipped in {@code src/main/resources/schemas/}
 * (draft 2020-12, format assertions on), with networknt's json-schema-validator 2.x.
 */
public final class JsonSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** Returns the text of {@code schemas/NAME.schema.json} from the class path. */
    public static String text(String name) {
        try (InputStream in = JsonSchemas.class.getResourceAsStream("/schemas/" + name + ".schema.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema /schemas/" + name + ".schema.json on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns the problems of {@code json} against the schema {@code name} (e.g. "jwt-verify"); empty when valid. */
    public static List<Error> validate(String name, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(name, n -> REGISTRY.getSchema(text(n), InputFormat.JSON));
        return schema.validate(json, InputFormat.JSON);
    }

    /** Fails unless {@code json} is valid against the schema {@code name}. */
    public static void assertValid(String name, String json) {
        List<Error> errors = validate(name, json);
        assertThat(errors)
                .as("%s does not match schemas/%s.schema.json:%n%s", json, name,
                        errors.stream().map(Error::toString).collect(Collectors.joining("\n")))
                .isEmpty();
    }
}
