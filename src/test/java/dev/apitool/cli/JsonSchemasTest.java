package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON Schemas in {@code src/main/resources/schemas/} are themselves well formed and as strict as promised. */
class JsonSchemasTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"jwt-sign", "jwt-verify", "jwt-decode", "ratelimit-simulate", "health", "load", "idempotency-replay"})
    void schema_isValidDraft202012_withItsIdAndVersion(String name) throws Exception {
        String text = JsonSchemas.text(name);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(text, InputFormat.JSON);
        assertThat(errors).as("%s against the 2020-12 meta-schema", name).isEmpty();

        JsonNode schema = MAPPER.readTree(text);
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo("https://apitool.dev/schemas/" + name + ".json");
        assertThat(schema.path("properties").path("schemaVersion").path("const").asInt()).isEqualTo(1);
        assertThat(schema.path("additionalProperties").isBoolean()).isTrue();
        assertThat(schema.path("additionalProperties").asBoolean()).isFalse();
        assertThat(schema.path("required")).extracting(JsonNode::toString).asString().contains("\"schemaVersion\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jwt-sign", "jwt-verify", "jwt-decode", "ratelimit-simulate", "health", "load", "idempotency-replay"})
    void schema_rejectsAnUnknownTopLevelField_andAnotherVersion(String name) {
        assertThat(JsonSchemas.validate(name, "{\"schemaVersion\": 1, \"surprise\": true}"))
                .extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("surprise"));
        assertThat(JsonSchemas.validate(name, "{\"schemaVersion\": 2}"))
                .extracting(Error::getKeyword).contains("const");
    }
}
