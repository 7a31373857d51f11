package dev.apitool.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apitool.cli.JsonSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** schemas/health.schema.json is valid draft 2020-12 and as strict as the other schemas (JsonSchemasTest's rules). */
class HealthSchemaTest {

    @Test
    void schema_isValidDraft202012_withItsIdAndVersion() throws Exception {
        String text = JsonSchemas.text("health");
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        List<Error> errors = meta.validate(text, InputFormat.JSON);
        assertThat(errors).isEmpty();

        JsonNode schema = new ObjectMapper().readTree(text);
        assertThat(schema.path("$id").asText()).isEqualTo("https://apitool.dev/schemas/health.json");
        assertThat(schema.path("properties").path("schemaVersion").path("const").asInt()).isEqualTo(1);
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void schema_rejectsAnUnknownField_anotherVersion_andAnUnknownStatus() {
        assertThat(JsonSchemas.validate("health", "{\"schemaVersion\": 1, \"status\": \"healthy\", \"startedAt\": \"2026-03-01T12:00:00Z\","
                + " \"durationMs\": 1, \"endpoints\": [], \"surprise\": true}"))
                .extracting(Error::getMessage).anySatisfy(m -> assertThat(m).contains("surprise"));
        assertThat(JsonSchemas.validate("health", "{\"schemaVersion\": 2}")).extracting(Error::getKeyword).contains("const");
        assertThat(JsonSchemas.validate("health", "{\"schemaVersion\": 1, \"status\": \"fine\", \"startedAt\": \"2026-03-01T12:00:00Z\","
                + " \"durationMs\": 1, \"endpoints\": []}")).extracting(Error::getKeyword).contains("enum");
    }
}
