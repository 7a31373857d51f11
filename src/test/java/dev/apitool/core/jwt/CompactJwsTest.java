package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CompactJwsTest {

    @Test
    void parse_threeSegments_keepsThemAsReceived() throws Exception {
        CompactJws jws = CompactJws.parse("eyJhbGciOiJIUzI1NiJ9.e30.AAEC");
        assertThat(new String(jws.header(), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"HS256\"}");
        assertThat(new String(jws.payload(), StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(jws.signature()).containsExactly(0, 1, 2);
        assertThat(new String(jws.signingInput(), StandardCharsets.US_ASCII)).isEqualTo("eyJhbGciOiJIUzI1NiJ9.e30");
    }

    @Test
    void parse_emptyPayload_isAllowed() throws Exception {
        assertThat(CompactJws.parse("eyJhbGciOiJIUzI1NiJ9..AAEC").payload()).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|the token is empty",
        "abc|1 segment,",
        "a.b|2 segments",
        "a.b.c.d|4 segments",
        "a.b.c.d.e|JWE",
        "eyJhbGciOiJIUzI1NiJ9.e30.|unsecured JWS",
        ".e30.AAEC|header segment is empty",
        "eyJhbGciOiJIUzI1NiJ9.e30.AAE=|padding",
        "eyJhbGciOiJIUzI1NiJ9.e30.AA+C|character '+'",
        "eyJhbGciOiJIUzI1NiJ9.e30 .AAEC|payload segment",
        "eyJhbGciOiJIUzI1NiJ9.e31.AAEC|non-canonical"})
    void parse_malformed_saysWhatIsWrong(String token, String expected) {
        assertThatThrownBy(() -> CompactJws.parse(token))
                .isInstanceOf(CompactJws.MalformedException.class)
                .hasMessageContaining(expected);
    }
}
