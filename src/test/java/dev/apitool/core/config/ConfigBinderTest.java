package dev.apitool.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding refuses every mistake with one line at its exact place, and keeps positions for validation. */
class ConfigBinderTest {

    record Route(String method, String path, Integer status, Boolean open) {}

    record Spec(String apiVersion, List<Route> routes, Map<String, String> headers) {}

    private static ConfigBinder.Bound<Spec> bind(String text, String file) {
        return ConfigBinder.bind(text.getBytes(StandardCharsets.UTF_8), file, Spec.class, ConfigBinder.PLAIN);
    }

    private static String error(String text) {
        return error(text, "api.yaml");
    }

    private static String error(String text, String file) {
        try {
            bind(text, file);
        } catch (InputException e) {
            assertThat(e.getMessage()).doesNotContain("\n", "Source:", "JsonReadFeature", "com.fasterxml", "REDACTED");
            return e.getMessage();
        }
        throw new AssertionError("no error for: " + text);
    }

    @Test
    void validYaml_bindsRecordsAndKeepsPositions() {
        var b = bind("apiVersion: apitool/v1\nroutes:\n  - method: GET\n    path: /users\n    status: 200\n", "api.yaml");
        assertThat(b.value().routes()).containsExactly(new Route("GET", "/users", 200, null));
        assertThat(b.positions().value("/routes/0/path")).isEqualTo(new Position(4, 11));
        assertThat(b.positions().key("/routes/0/path")).isEqualTo(new Position(4, 5));
        assertThat(b.positions().scalar("/routes/0/status")).isEqualTo("200");
    }

    @Test
    void validJson_bindsByFileName() {
        var b = bind("{\"apiVersion\": \"v1\",\n \"routes\": [{\"path\": \"/a\"}]}", "api.json");
        assertThat(b.value().routes().get(0).path()).isEqualTo("/a");
        assertThat(b.positions().value("/routes/0/path")).isEqualTo(new Position(2, 22));
    }

    @Test
    void emptyDocument_bindsToNull() {
        assertThat(bind(" \n", "api.yaml").value()).isNull();
    }

    @Test
    void unknownKey_namesExpectedKeysAndNearest() {
        assertThat(error("routes:\n  - method: GET\n    paht: /x\n")).isEqualTo(
                "api.yaml:3:5: unknown key 'paht' at /routes/0, expected one of method, path, status, open (did you mean 'path'?)");
    }

    @Test
    void wrongType_saysWhatWasExpected() {
        assertThat(error("routes:\n  - status: lots\n")).isEqualTo("api.yaml:2:13: status: expected a whole number, got 'lots'");
        assertThat(error("routes: 5\n")).startsWith("api.yaml:1:9: routes: expected a list (- item)");
        assertThat(error("routes:\n  - open: maybe\n")).startsWith("api.yaml:2:11: open: expected true or false");
    }

    @Test
    void numberOutOfRange_namesTheKeyAndTheRange() {
        assertThat(error("routes:\n  - status: 99999999999\n"))
                .isEqualTo("api.yaml:2:13: status: 99999999999 is out of range, expected a whole number from -2147483648 to 2147483647");
    }

    @Test
    void duplicateKey_refusedInYamlAndJson() {
        assertThat(error("apiVersion: a\napiVersion: b\n")).isEqualTo("api.yaml:2:1: duplicate key 'apiVersion', expected each key once");
        assertThat(error("{\"apiVersion\": \"a\", \"apiVersion\": \"b\"}", "api.json"))
                .isEqualTo("api.json:1:21: duplicate key 'apiVersion', expected each key once");
    }

    @Test
    void secondYamlDocument_refused() {
        assertThat(error("apiVersion: a\n---\napiVersion: b\n")).isEqualTo("api.yaml:3:1: a second YAML document; expected one");
    }

    @Test
    void alias_refusedWithAClearMessage() {
        assertThat(error("headers: &h {a: b}\nroutes:\n  - path: *h\n"))
                .isEqualTo("api.yaml:3:11: YAML alias '*h' is not supported; expected the value written out"
                        + " (anchors and aliases are not read)");
    }

    @Test
    void billionLaughs_refusedAtTheFirstAlias() {
        StringBuilder y = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p).append("]\n");
        }
        assertThat(error(y.toString())).startsWith("api.yaml:2:").contains("YAML alias '*a' is not supported");
    }

    @Test
    void deepNesting_refusedPastTheCap() {
        String deep = "[".repeat(ConfigText.MAX_DEPTH + 1) + "]".repeat(ConfigText.MAX_DEPTH + 1);
        assertThat(error("headers: " + deep + "\n")).contains("nested deeper than 64 levels");
        assertThat(error(deep, "api.json")).contains("nested deeper than 64 levels");
    }

    @Test
    void oversizedFile_refusedBeforeParsingWithinASecond() {
        byte[] big = ("apiVersion: \"" + "x".repeat(8 << 20) + "\"\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        assertThatThrownBy(() -> ConfigBinder.bind(big, "api.yaml", Spec.class, ConfigBinder.PLAIN))
                .isInstanceOf(InputException.class)
                .hasMessage("api.yaml: " + big.length + " bytes is larger than the cap of 4 MiB for a config, expected a smaller file");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void yamlPastOneMiCharacters_multiLineQuotedValue_refusedBeforeScanningWithThePosition() {
        // 3.8 MB quoted over 47,500 lines: each line is short, the whole took SnakeYAML seconds to scan
        String value = ("    " + "a".repeat(75) + "\n").repeat(47_500);
        String yaml = "apiVersion: \"x\n" + value + "\"\n";
        int line = 2 + (LineCap.MAX_TOTAL_CHARS - "apiVersion: \"x\n".length()) / 80;
        int column = (LineCap.MAX_TOTAL_CHARS - "apiVersion: \"x\n".length()) % 80 + 1;
        assertThatThrownBy(() -> ConfigBinder.bind(yaml.getBytes(StandardCharsets.UTF_8), "api.yaml", Spec.class, ConfigBinder.PLAIN))
                .isInstanceOf(InputException.class)
                .hasMessage("api.yaml:" + line + ":" + column + ": YAML longer than 1 Mi characters, expected a smaller file"
                        + " (or the same document as .json, up to 4 MiB)");
        String json = "{\"apiVersion\": \"" + "a".repeat(3_800_000) + "\"}";
        assertThat(bind(json, "api.json").value().apiVersion()).hasSize(3_800_000);
    }

    @Test
    void invalidUtf8_reportedWhereItIs() {
        byte[] bytes = {'a', 'p', 'i', 'V', 'e', 'r', 's', 'i', 'o', 'n', ':', ' ', 'x', '\n', 'r', (byte) 0xff};
        assertThatThrownBy(() -> ConfigBinder.bind(bytes, "api.yaml", Spec.class, ConfigBinder.PLAIN))
                .hasMessage("api.yaml:2:2: invalid UTF-8 byte 0xff, expected UTF-8 text");
    }

    @Test
    void controlCharacterInAKey_escapedInTheMessage() {
        assertThat(error("\"ap\\ei\": 1\n")).contains("unknown key 'ap\\x1bi'").doesNotContain("\u001b");
    }

    @Test
    void syntaxError_atSnakeYamlsMark() {
        assertThat(error("routes:\n  - path: [unclosed\n")).startsWith("api.yaml:3:1: YAML syntax error:");
    }

    @Test
    void jsonNonStandardToken_noJacksonHint() {
        assertThat(error("{\"apiVersion\": NaN}", "api.json")).startsWith("api.json:1:").endsWith(": JSON syntax error: Non-standard token 'NaN'");
    }

    @Test
    void vocabulary_namesTheConfigsParts() {
        ConfigBinder.Vocabulary words = new ConfigBinder.Vocabulary() {
            @Override
            public String where(Class<?> record, String pointer, Positions positions) {
                return "in route '" + positions.scalar(pointer + "/path") + "'";
            }

            @Override
            public String expected(Class<?> type, String pointer) {
                return type == Integer.class ? "an HTTP status such as 200" : null;
            }
        };
        byte[] yaml = "routes:\n  - path: /a\n    stauts: 200\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigBinder.bind(yaml, "api.yaml", Spec.class, words))
                .hasMessageStartingWith("api.yaml:3:5: unknown key 'stauts' in route '/a', expected one of")
                .hasMessageEndingWith("(did you mean 'status'?)");
        byte[] bad = "routes:\n  - status: ok\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigBinder.bind(bad, "api.yaml", Spec.class, words))
                .hasMessage("api.yaml:2:13: status: expected an HTTP status such as 200, got 'ok'");
    }
}
