package dev.apitool.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ${VAR}} expansion against an injected map, and the one did-you-mean. */
class EnvAndNamesTest {

    private final EnvExpander env = new EnvExpander(Map.of("TOKEN", "s3cret", "EMPTY", ""));

    @Test
    void expand_referencesDefaultsAndDollars() {
        assertThat(env.expand("Bearer ${TOKEN}")).isEqualTo("Bearer s3cret");
        assertThat(env.expand("${MISSING:-x}/${EMPTY:-y}/${EMPTY}")).isEqualTo("x/y/");
        assertThat(env.expand("$$5 and $x")).isEqualTo("$5 and $x");
    }

    @Test
    void expand_unsetVariable_errorWithIndex() {
        assertThatThrownBy(() -> env.expand("ab ${NOPE}"))
                .isInstanceOf(EnvExpander.Unset.class)
                .hasMessageContaining("environment variable NOPE is not set")
                .satisfies(e -> assertThat(((EnvExpander.Unset) e).index()).isEqualTo(3));
        assertThatThrownBy(() -> env.expand("${1BAD}")).hasMessageContaining("bad variable name '1BAD'");
        assertThatThrownBy(() -> env.expand("x ${OPEN")).hasMessageContaining("unclosed ${");
    }

    @Test
    void didYouMean_nearestWithinTwoEdits() {
        assertThat(DidYouMean.closest("timout", List.of("timeout", "name"))).isEqualTo("timeout");
        assertThat(DidYouMean.closest("URL", List.of("url", "name"))).isEqualTo("url");
        assertThat(DidYouMean.closest("xyzzy", List.of("timeout", "name"))).isNull();
        assertThat(DidYouMean.suffix("metod", List.of("method"))).isEqualTo(" (did you mean 'method'?)");
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    }
}
