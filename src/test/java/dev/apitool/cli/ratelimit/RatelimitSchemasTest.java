package dev.apitool.cli.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.apitool.cli.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trace schema, which {@link dev.apitool.cli.JsonSchemasTest} does not cover (trace lines
 * carry no {@code schemaVersion}), and the rules both rate-limit schemas add beyond types: a line
 * that breaks them is refused, so the schemas document the shape exactly.
 */
class RatelimitSchemasTest {

    private static final String LIMITED = "{\"i\":6,\"t\":\"0.000\",\"key\":\"client\",\"policy\":\"token-bucket:capacity=5,rate=2/s\","
            + "\"decision\":\"limited\",\"delayMs\":0,\"remaining\":0,\"retryAfterMs\":500,\"headers\":{\"RateLimit-Policy\":"
            + "\"\\\"token-bucket\\\";q=5;w=3\",\"RateLimit\":\"\\\"token-bucket\\\";r=0;t=3\",\"Retry-After\":\"1\"}}";

    @Test
    void traceSchema_isValidDraft202012_withItsId() {
        String text = JsonSchemas.text("ratelimit-trace");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        Schema meta = registry.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(text, InputFormat.JSON)).isEmpty();
        JsonNode schema = Traces.json(text);
        assertThat(schema.path("$id").asText()).isEqualTo("https://apitool.dev/schemas/ratelimit-trace.json");
        assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void traceSchema_acceptsARealLine() {
        JsonSchemas.assertValid("ratelimit-trace", LIMITED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"decision\":\"limited\"|\"decision\":\"rate_limited\"",
        "\"i\":6|\"i\":0",
        "\"t\":\"0.000\"|\"t\":0.0",
        "\"t\":\"0.000\"|\"t\":\"0.0\"",
        "\"retryAfterMs\":500|\"retryAfterMs\":-2",
        "\"delayMs\":0|\"delayMs\":3",
        ",\"Retry-After\":\"1\"|",
        "\"Retry-After\":\"1\"|\"Retry-After\":\"0\"",
        "\"RateLimit-Policy\"|\"X-RateLimit-Limit\"",
        "\"headers\":{|\"headers\":{\"Server\":\"x\",",
        "\"key\":\"client\",|\"key\":\"client\",\"cost\":1,",
    })
    void traceSchema_refusesABrokenLine(String edit) {
        String[] fromTo = edit.split("\\|", -1);
        String broken = LIMITED.replace(fromTo[0], fromTo[1]);
        assertThat(broken).isNotEqualTo(LIMITED);
        assertThat(JsonSchemas.validate("ratelimit-trace", broken)).as(broken).isNotEmpty();
    }

    @Test
    void traceSchema_refusesRetryAfterOnANeverLimitedLine_andOnAnAdmittedOne() {
        String never = LIMITED.replace("\"retryAfterMs\":500", "\"retryAfterMs\":-1");
        assertThat(JsonSchemas.validate("ratelimit-trace", never)).isNotEmpty();
        JsonSchemas.assertValid("ratelimit-trace", never.replace(",\"Retry-After\":\"1\"", ""));
        String allowed = LIMITED.replace("\"limited\"", "\"allowed\"").replace("\"retryAfterMs\":500", "\"retryAfterMs\":0");
        assertThat(JsonSchemas.validate("ratelimit-trace", allowed)).isNotEmpty();
        JsonSchemas.assertValid("ratelimit-trace", allowed.replace(",\"Retry-After\":\"1\"", ""));
    }

    @Test
    void summarySchema_refusesCountsThatContradictEachOther() {
        String policy = "{\"policy\":\"gcra:rate=1/s\",\"total\":1,\"allowed\":1,\"delayed\":0,\"limited\":0,\"admittedRatio\":1.0,"
                + "\"meanDelayMs\":0.0,\"longestLimitedRun\":0,\"firstLimitedSec\":null,\"admittedPerSec\":1.0,\"topLimitedKeys\":[],"
                + "\"timeline\":{\"bucketSec\":\"0.010\",\"admitted\":[1],\"limited\":[0]}}";
        String doc = "{\"schemaVersion\":1,\"source\":\"s.ndjson\",\"requests\":1,\"durationSec\":\"0.000\",\"policies\":[" + policy + "]}";
        JsonSchemas.assertValid("ratelimit-simulate", doc);
        assertThat(JsonSchemas.validate("ratelimit-simulate", doc.replace("\"firstLimitedSec\":null", "\"firstLimitedSec\":\"0.000\"")))
                .isNotEmpty();
        assertThat(JsonSchemas.validate("ratelimit-simulate", doc.replace("\"limited\":0", "\"limited\":1"))).isNotEmpty();
        assertThat(JsonSchemas.validate("ratelimit-simulate", doc.replace("\"meanDelayMs\":0.0", "\"meanDelayMs\":2.5"))).isNotEmpty();
        assertThat(JsonSchemas.validate("ratelimit-simulate", doc.replace("\"policies\":[" + policy + "]", "\"policies\":[]")))
                .extracting(Error::getKeyword).contains("minItems");
    }
}
