package dev.apitool.core.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void shown_setAndUnset_listsSortedWithSecretsMasked() {
        Settings s = new Settings();
        s.set("url", "http://127.0.0.1:8080");
        s.set("secret", "hunter2");
        s.set("output", "json");
        assertThat(s.shown()).containsExactly("output = json", "secret = ***", "url = http://127.0.0.1:8080");
        assertThat(s.unset("output")).isTrue();
        assertThat(s.unset("output")).isFalse();
        assertThat(s.get("output")).isEmpty();
        assertThat(s.get("secret")).contains("hunter2");
    }

    @Test
    void set_badNameOrTooMany_isAnInputError() {
        Settings s = new Settings();
        assertThatThrownBy(() -> s.set("1x", "v")).isInstanceOf(InputException.class).hasMessageContaining("bad setting name '1x'");
        for (int i = 0; i < Settings.MAX_SETTINGS; i++) {
            s.set("v" + i, "x");
        }
        assertThatThrownBy(() -> s.set("one-more", "x")).isInstanceOf(InputException.class).hasMessageContaining("too many settings");
        s.set("v0", "replaced"); // replacing is not adding
        assertThat(s.get("v0")).contains("replaced");
    }
}
