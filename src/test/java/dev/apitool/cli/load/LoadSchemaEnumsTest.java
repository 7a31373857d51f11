package dev.apitool.cli.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.load.LoadModel;
import dev.apitool.core.load.StoppedBy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's fixed vocabularies are enums in core; their JSON names are exactly the schema's. */
class LoadSchemaEnumsTest {

    private static List<String> schemaEnum(String property) throws Exception {
        JsonNode schema = new ObjectMapper().readTree(JsonSchemas.text("load"));
        List<String> names = new ArrayList<>();
        schema.path("properties").path(property).path("enum").forEach(n -> names.add(n.asText()));
        return names;
    }

    @Test
    void stoppedBy_enumNames_areTheSchemasEnum() throws Exception {
        assertThat(Arrays.stream(StoppedBy.values()).map(StoppedBy::text))
                .containsExactlyInAnyOrderElementsOf(schemaEnum("stoppedBy"));
        assertThat(StoppedBy.fromText("maxDuration")).isEqualTo(StoppedBy.MAX_DURATION);
        assertThat(StoppedBy.fromText("MAX_DURATION")).isNull();
    }

    @Test
    void model_enumNames_areTheSchemasEnum() throws Exception {
        assertThat(Arrays.stream(LoadModel.values()).map(LoadModel::text)).containsExactlyInAnyOrderElementsOf(schemaEnum("model"));
        assertThat(LoadModel.fromText("open")).isEqualTo(LoadModel.OPEN);
    }
}
