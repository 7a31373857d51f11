package dev.apitool.cli.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import dev.apitool.cli.JsonSchemas;
import org.junit.jupiter.api.Test;

/**
 * What schemas/health.schema.json adds to the rules every schema keeps (JsonSchemasTest):
 * the overall status is one of the seed's three words.
 */
class HealthSchemaTest {

    @Test
    void schema_rejectsAnUnknownStatus() {
        assertThat(JsonSchemas.validate("health", "{\"schemaVersion\": 1, \"status\": \"fine\", \"startedAt\": \"2026-03-01T12:00:00Z\","
                + " \"durationMs\": 1, \"endpoints\": []}")).extracting(Error::getKeyword).contains("enum");
        assertThat(JsonSchemas.validate("health", "{\"schemaVersion\": 1, \"status\": \"healthy\", \"startedAt\": \"2026-03-01T12:00:00Z\","
                + " \"durationMs\": 1, \"endpoints\": []}")).isEmpty();
    }
}
