package dev.apitool.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    private static JsonNode parse(String text) {
        return Json.parse(text.getBytes(StandardCharsets.UTF_8), "doc.json");
    }

    @Test
    void parse_stringLongerThanJacksonsDefaultLimit_isReadUpToTheBodyCap() {
        String big = "x".repeat(25_000_000);
        byte[] doc = ("{\"s\":\"" + big + "\"}").getBytes(StandardCharsets.US_ASCII);
        assertThat(Json.parse(doc, "body").get("s").asText()).hasSize(big.length());
    }

    @Test
    void parse_byteOrderMark_isRefusedSayingSo() {
        byte[] doc = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
        assertThatThrownBy(() -> Json.parse(doc, "token header")).isInstanceOf(InputException.class)
                .hasMessage("token header: starts with a byte order mark, expected JSON text without one (RFC 8259 section 8.1)");
    }

    @Test
    void parseThenCompact_anyDocument_keepsMemberOrderAndExactNumbers() {
        String text = "{\"b\":1.50,\"a\":[1,-2,3.0e2,12345678901234567890123],\"c\":{\"t\":true,\"n\":null,\"s\":\"\\u00e9\\n\"}}";
        assertThat(Json.compact(parse(text)))
                .isEqualTo("{\"b\":1.50,\"a\":[1,-2,3.0E+2,12345678901234567890123],\"c\":{\"t\":true,\"n\":null,\"s\":\"é\\n\"}}");
    }

    @Test
    void pretty_nestedDocument_indentsLikeJq() {
        assertThat(Json.pretty(parse("{\"a\":[1,2],\"b\":{}}")))
                .isEqualTo("{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": { }\n}");
    }

    @Test
    void parse_duplicateKey_isRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> parse("{\"alg\":\"ES256\",\n\"alg\":\"none\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("doc.json: line 2")
                .hasMessageContaining("duplicate key")
                .hasMessageContaining("alg");
    }

    @Test
    void parse_nestedDuplicateKey_isRefused() {
        assertThatThrownBy(() -> parse("{\"a\":{\"x\":1,\"x\":2}}"))
                .isInstanceOf(InputException.class).hasMessageContaining("duplicate key");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"{} {}", "{}x", "{}]", "1 2", "{\"a\":1}}"})
    void parse_trailingContent_isRefused(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InputException.class).hasMessageStartingWith("doc.json: ");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "   ", "{", "{\"a\":}", "{'a':1}", "NaN", "[1,]", "{\"a\":1,}"})
    void parse_malformed_isRefusedNamingTheDocument(String text) {
        assertThatThrownBy(() -> parse(text)).isInstanceOf(InputException.class).hasMessageStartingWith("doc.json: ");
    }

    @Test
    void parse_veryDeepNesting_isRefusedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> parse(deep)).isInstanceOf(InputException.class);
    }

    @Test
    void parseObject_nonObject_isRefusedNamingTheKind() {
        assertThatThrownBy(() -> Json.parseObject("[1]".getBytes(StandardCharsets.UTF_8), "payload"))
                .isInstanceOf(InputException.class).hasMessage("payload: expected a JSON object, got an array");
    }

    @Test
    void kind_eachJsonType_isNamedWithItsArticle() {
        assertThat(Json.kind(parse("\"x\""))).isEqualTo("a string");
        assertThat(Json.kind(parse("1"))).isEqualTo("a number");
        assertThat(Json.kind(parse("null"))).isEqualTo("null");
        assertThat(Json.kind(null)).isEqualTo("nothing");
    }
}
