package dev.apitool.core.http.raw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.Headers;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The request bytes {@code load} encodes once: the Host header leaves out the scheme's default port. */
class EncodedRequestTest {

    private static String host(String url) {
        try (EncodedRequest r = EncodedRequest.of(URI.create(url), "GET", Headers.EMPTY, new byte[0])) {
            String text = r.text();
            int i = text.indexOf("\r\nHost: ") + 8;
            return text.substring(i, text.indexOf("\r\n", i));
        }
    }

    @Test
    void hostHeader_leavesOutTheDefaultPortOfTheScheme() {
        assertThat(host("https://api.test/x")).isEqualTo("api.test");
        assertThat(host("https://api.test:443/x")).isEqualTo("api.test");
        assertThat(host("https://api.test:80/x")).isEqualTo("api.test:80");
        assertThat(host("https://api.test:8443/x")).isEqualTo("api.test:8443");
        assertThat(host("http://api.test:80/x")).isEqualTo("api.test");
        assertThat(host("http://api.test:443/x")).isEqualTo("api.test:443");
    }

    @Test
    void otherSchemes_refused_sayingHttp2IsNotYetSupported() {
        assertThatThrownBy(() -> EncodedRequest.of(URI.create("h2c://api.test/"), "GET", Headers.EMPTY, new byte[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected an http:// or https:// URL").hasMessageContaining("HTTP/2 is not yet supported");
    }
}
