package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProxyConfigTest {

    @Test
    void fromEnv_lowerCaseWins_andAllProxyIsTheFallback() {
        ProxyConfig c = ProxyConfig.fromEnv(Map.of("HTTP_PROXY", "http://upper:1", "http_proxy", "http://lower:2",
                "ALL_PROXY", "fallback:3"));

        assertThat(c.httpProxy()).isEqualTo(URI.create("http://lower:2"));
        assertThat(c.httpsProxy()).isEqualTo(URI.create("http://fallback:3"));
    }

    @Test
    void fromEnv_noSchemeNoPort_meansHttpOn1080() {
        ProxyConfig c = ProxyConfig.fromEnv(Map.of("https_proxy", "proxy.corp"));

        assertThat(c.httpsProxy()).isEqualTo(URI.create("http://proxy.corp:1080"));
        assertThat(c.httpProxy()).isNull();
    }

    @Test
    void fromEnv_userInfo_isKept() {
        ProxyConfig c = ProxyConfig.fromEnv(Map.of("http_proxy", "http://user:secret@proxy:3128"));

        assertThat(c.httpProxy().getUserInfo()).isEqualTo("user:secret");
    }

    @Test
    void fromEnv_socksProxy_isAnInputErrorNamingTheVariable() {
        assertThatThrownBy(() -> ProxyConfig.fromEnv(Map.of("HTTPS_PROXY", "socks5://p:1080")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("https_proxy: unsupported proxy scheme 'socks5'");
    }

    @Test
    void empty_env_meansNoProxy() {
        ProxyConfig c = ProxyConfig.fromEnv(Map.of());

        assertThat(c.proxyFor("http", "example.com")).isNull();
        assertThat(c.proxyFor("https", "example.com")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.com          | example.com      | true",
        "example.com          | api.example.com  | true",
        ".example.com         | api.example.com  | true",
        "example.com          | badexample.com   | false",
        "*                    | anything.test    | true",
        "10.0.0.0/8           | 10.1.2.3         | true",
        "10.0.0.0/8           | 11.1.2.3         | false",
        "10.0.0.0/8           | ten.test         | false",
        "::1                  | [::1]            | true",
        "fd00::/8             | fd12::1          | true",
        "localhost:8080       | localhost        | true",
        "'a.test, b.test'     | b.test           | true",
        "'a.test b.test'      | c.test           | false",
    })
    void bypasses_followsCurlRules(String noProxy, String host, boolean expected) {
        ProxyConfig c = ProxyConfig.fromEnv(Map.of("http_proxy", "proxy:3128", "no_proxy", noProxy));

        assertThat(c.bypasses(host)).isEqualTo(expected);
        assertThat(c.proxyFor("http", host) == null).isEqualTo(expected);
    }
}
