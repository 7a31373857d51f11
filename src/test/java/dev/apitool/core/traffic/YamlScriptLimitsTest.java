package dev.apitool.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** YAML scripts share the config package's refusals: duplicate keys, a second document, aliases, very long lines. */
class YamlScriptLimitsTest {

    private static List<Request> readAll(String text) {
        List<Request> out = new ArrayList<>();
        try (RequestSource s = Scripts.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.yaml",
                Scripts.Format.YAML)) {
            Request r;
            while ((r = s.next()) != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Test
    void duplicateKey_refusedNotLastWins() {
        assertThatThrownBy(() -> readAll("- t: 0\n  key: a\n  key: b\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("s.yaml:3:3: duplicate key 'key', expected each key once");
    }

    @Test
    void secondDocument_refused() {
        assertThat(readAll("- t: 0\n")).hasSize(1);
        assertThatThrownBy(() -> readAll("- t: 0\n---\n- t: 1\n"))
                .hasMessage("s.yaml:3:1: a second YAML document; expected one");
        assertThatThrownBy(() -> readAll("requests:\n  - t: 0\n---\nrequests: []\n"))
                .hasMessage("s.yaml:4:1: a second YAML document; expected one");
    }

    @Test
    void alias_refusedWithAClearMessage() {
        assertThatThrownBy(() -> readAll("- t: 0\n  key: &k user_1\n- t: 1\n  key: *k\n"))
                .hasMessageStartingWith("s.yaml:4:8: YAML alias '*k' is not supported");
    }

    @Test
    void veryLongLine_refusedAsItIsRead() {
        assertThatThrownBy(() -> readAll("- t: 0\n  key: " + "x".repeat(1 << 20) + "\n"))
                .hasMessageStartingWith("s.yaml:2:1: line longer than 16 Ki characters");
    }
}
