package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlsTest {

    @Test
    void aPasswordInTheUserInfo_isMasked_theRestKept() {
        assertThat(Urls.redact(URI.create("https://alice:hunter2@api.example:8443/v1?q=1#f")))
                .isEqualTo("https://alice:***@api.example:8443/v1?q=1#f");
        assertThat(Urls.redact("http://:p%40ss@127.0.0.1/")).isEqualTo("http://:***@127.0.0.1/");
    }

    @Test
    void withoutAPassword_theUrlIsUnchanged() {
        for (String url : new String[] {"http://alice@host/", "http://host:8080/a@b", "http://host/a:b@c", "tcp://host:5432",
                "not a url: x@y", ""}) {
            assertThat(Urls.redact(url)).isEqualTo(url);
        }
    }

    /** Whatever the password, it is never in the redacted text. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theMaskedPassword_neverAppears(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "abcXYZ019-._~%!$&'()*+,;=";
        for (int i = 0; i < 200; i++) {
            StringBuilder password = new StringBuilder("S");
            for (int n = random.nextInt(1, 20); n > 0; n--) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String url = "https://user" + i + ":" + password + "@host" + i + ".test/p" + i;
            assertThat(Urls.redact(url)).as(url).doesNotContain(":" + password + "@").isEqualTo("https://user" + i + ":***@host" + i + ".test/p" + i);
        }
    }
}
