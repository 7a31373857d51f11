package dev.apitool.core.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A health target's URL: a bad one is the user's input error (exit 2), never an IllegalArgumentException (a bug, exit 4). */
class TargetTest {

    @ParameterizedTest
    @ValueSource(strings = {"ftp://host/", "tcp://db", "http://:8080/", "http://host:99999/", "http://a b/"})
    void parse_badUrl_isAnInputExceptionSayingWhatWasExpected(String url) {
        assertThatThrownBy(() -> Target.parse(url)).isInstanceOf(InputException.class)
                .isNotInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/healthz", "tcp://db:5432", "tls://api.example.com:443"})
    void parse_goodUrl_isATarget(String url) {
        assertThat(Target.parse(url).text()).isEqualTo(url);
    }
}
