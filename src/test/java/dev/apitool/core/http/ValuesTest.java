package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers, --resolve, origins, options and error messages: the small immutable values. */
class ValuesTest {

    @Test
    void headers_caseInsensitiveOrderedAndRepeatable() {
        Headers h = Headers.of("Accept", "a", "X-Multi", "1").with("x-multi", "2").set("ACCEPT", "b");

        assertThat(h.first("accept")).isEqualTo("b");
        assertThat(h.all("X-MULTI")).containsExactly("1", "2");
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.without("x-multi").size()).isEqualTo(1);
        assertThat(h.first("absent")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Name", "a:b", ""})
    void headers_nonTokenName_isRejected(String name) {
        assertThatThrownBy(() -> Headers.of(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headers_valueWithNewline_isRejected() {
        assertThatThrownBy(() -> Headers.of("X", "a\r\nInjected: yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CR/LF");
    }

    @Test
    void resolve_parsesIpv4AndIpv6() {
        ResolveOverride v4 = ResolveOverride.parse("API.test:443:127.0.0.1");
        ResolveOverride v6 = ResolveOverride.parse("api.test:8443:[::1]");

        assertThat(v4.matches("api.test", 443)).isTrue();
        assertThat(v4.matches("api.test", 80)).isFalse();
        assertThat(v4.toString()).isEqualTo("api.test:443:127.0.0.1");
        assertThat(v6.address().isLoopbackAddress()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.test:443", "api.test:x:127.0.0.1", "api.test:443:not-an-ip", ":443:127.0.0.1",
        "api.test:70000:127.0.0.1", "api.test:443:300.1.1.1"})
    void resolve_malformed_namesTheExpectedForm(String text) {
        assertThatThrownBy(() -> ResolveOverride.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected host:port:address");
    }

    @Test
    void origin_defaultsPortsAndFormatsAuthority() {
        assertThat(Origin.of(URI.create("https://Example.COM/x"), ProxyConfig.NONE))
                .isEqualTo(new Origin("https", "example.com", 443, null));
        Origin v6 = Origin.of(URI.create("http://[::1]:8080/"), ProxyConfig.NONE);
        assertThat(v6.authority()).isEqualTo("[::1]:8080");
        assertThat(v6.hostHeader()).isEqualTo("[::1]:8080");
        assertThat(Origin.of(URI.create("http://a.test/"), ProxyConfig.NONE).hostHeader()).isEqualTo("a.test");
    }

    @Test
    void options_rejectNonsense() {
        assertThatThrownBy(() -> HttpClientOptions.builder().connectTimeout(Duration.ZERO).build())
                .hasMessage("connectTimeout must be positive: PT0S");
        assertThatThrownBy(() -> HttpClientOptions.builder().maxConnectionsPerOrigin(0).build())
                .hasMessage("maxConnectionsPerOrigin must be at least 1: 0");
        assertThat(HttpClientOptions.defaults().maxRedirects()).as("redirects off by default").isZero();
        assertThat(HttpClientOptions.defaults().insecure()).isFalse();
    }

    @Test
    void timeoutMessage_startsWithTheSeedsWords() {
        HttpException e = HttpException.timeout(HttpException.Phase.READ, Duration.ofMillis(100), "waiting for response from a:80");

        assertThat(e.getMessage()).isEqualTo("timeout after 100ms waiting for response from a:80");
        assertThat(e.kind()).isEqualTo(HttpException.Kind.TIMEOUT);
    }

    @Test
    void transport_autoPrefersEpollOnLinux() {
        Transport t = Transport.auto();

        assertThat(t.name()).isIn("epoll", "nio");
        if (io.netty.channel.epoll.Epoll.isAvailable()) {
            assertThat(t.name()).isEqualTo("epoll");
        }
    }
}
