package dev.apitool.core.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jwt sign --secret hunter2 --sub a | jwt sign --secret *** --sub a",
        "jwt sign --secret=hunter2 | jwt sign --secret=***",
        "load http://x/ --jwt-secret 'two words' -c 2 | load http://x/ --jwt-secret *** -c 2",
        "load http://x/ -H 'Authorization: Bearer abc.def' | load http://x/ -H 'Authorization: ***'",
        "load http://x/ -H \"cookie: sid=42\" -H 'Accept: */*' | load http://x/ -H 'cookie: ***' -H 'Accept: */*'",
        "health https://ops:pa55@db.example/ | health https://ops:***@db.example/",
        "load http://x/token --body '{\"password\":\"pw\"}' | load http://x/token --body ***",
        "set secret hunter2 | set secret ***",
        "set token $(jwt sign --secret hunter2 --sub a) | set token $(jwt sign --secret *** --sub a)",
    })
    void line_secretValues_areMasked(String line, String expected) {
        assertThat(Redactor.line(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jwt sign --secret env:API_SECRET --sub a",
        "jwt verify $token --secret @key.txt",
        "jwt verify $token --jwt-secret $secret",
        "set url http://127.0.0.1:8080",
        "load http://x/ --body '{\"name\":\"ada\"}' -H 'Accept: text/plain'",
        "health https://ops@db.example/",
    })
    void line_referencesAndPlainValues_areKept(String line) {
        assertThat(Redactor.line(line)).isEqualTo(line);
    }

    @Test
    void line_unparsableLine_masksTheRestAfterASecretOption() {
        assertThat(Redactor.line("jwt sign --secret hunter2 'oops")).isEqualTo("jwt sign --secret *** ***");
        assertThat(Redactor.line("set token abc 'x")).isEqualTo("set token *** ***");
    }

    @Test
    void setting_secretNames_areMaskedUnlessReferences() {
        assertThat(Redactor.setting("secret", "hunter2")).isEqualTo("***");
        assertThat(Redactor.setting("jwt-secret", "env:S")).isEqualTo("env:S");
        assertThat(Redactor.setting("token", "eyJ.x.y")).isEqualTo("***");
        assertThat(Redactor.setting("url", "http://u:p@h/")).isEqualTo("http://u:***@h/");
        assertThat(Redactor.setting("output", "json")).isEqualTo("json");
    }
}
