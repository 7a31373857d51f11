package dev.apitool.core.health;

import dev.apitool.core.expr.Value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.http.Headers;
import dev.apitool.core.io.InputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A config binds to records, then validates; every mistake is one line with file:line:column. */
class ConfigReaderTest {

    private static final Map<String, String> ENV = Map.of("API_TOKEN", "s3cret", "HOST", "api.example.com");

    private static HealthConfig read(String yaml) {
        return read(yaml, ConfigReader.Overrides.NONE);
    }

    private static HealthConfig read(String yaml, ConfigReader.Overrides overrides) {
        return ConfigReader.read(yaml.getBytes(StandardCharsets.UTF_8), "health.yaml", ENV, overrides);
    }

    @Test
    void fullConfig_bindsDefaultsEnvAndEveryKey() {
        HealthConfig c = read("""
                defaults:
                  timeout: 500ms
                  headers:
                    Authorization: Bearer ${API_TOKEN}
                  retries: 1
                endpoints:
                  - name: api
                    url: https://${HOST}/healthz
                    conditions:
                      - status == 200
                      - body.status == "UP"
                      - latency < 300ms
                  - name: db
                    url: tcp://db.internal:5432
                    critical: false
                    timeout: 1s
                    retries: 0
                    group: storage
                  - name: cert
                    url: tls://api.example.com:443
                    conditions: [cert.expires > 14d]
                  - name: create
                    url: http://api.example.com/items
                    method: post
                    headers: {X-Trace: "1", Authorization: none}
                    body: {"name": "probe", "n": 1}
                    retryBackoff: 50ms
                    failureThreshold: 5
                    successThreshold: 2
                """);

        assertThat(c.endpoints()).extracting(Endpoint::name).containsExactly("api", "db", "cert", "create");
        Endpoint api = c.endpoints().get(0);
        assertThat(api.target().uri().toString()).isEqualTo("https://api.example.com/healthz");
        assertThat(api.target().text()).isEqualTo("https://${HOST}/healthz");
        assertThat(api.headers().first("Authorization")).isEqualTo("Bearer s3cret");
        assertThat(api.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(api.retries()).isEqualTo(1);
        assertThat(api.critical()).isTrue();
        assertThat(api.method()).isEqualTo("GET");
        assertThat(api.conditions()).extracting(Condition::text)
                .containsExactly("status == 200", "body.status == \"UP\"", "latency < 300ms");
        Endpoint db = c.endpoints().get(1);
        assertThat(db.target().kind()).isEqualTo(Target.Kind.TCP);
        assertThat(db.critical()).isFalse();
        assertThat(db.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(db.retries()).isZero();
        assertThat(db.group()).isEqualTo("storage");
        assertThat(c.endpoints().get(2).target().kind()).isEqualTo(Target.Kind.TLS);
        Endpoint create = c.endpoints().get(3);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(new String(create.body(), StandardCharsets.UTF_8)).isEqualTo("{\"name\":\"probe\",\"n\":1}");
        assertThat(create.headers().first("Content-Type")).isEqualTo("application/json");
        assertThat(create.headers().all("Authorization")).containsExactly("none");
        assertThat(create.headers().first("X-Trace")).isEqualTo("1");
        assertThat(create.retryBackoff()).isEqualTo(Duration.ofMillis(50));
        assertThat(create.failureThreshold()).isEqualTo(5);
        assertThat(create.successThreshold()).isEqualTo(2);
    }

    @Test
    void minimalEndpoint_getsTheSeedsDefaults() {
        Endpoint e = read("endpoints:\n  - {name: a, url: 'http://a/health'}\n").endpoints().get(0);

        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(e.critical()).isTrue();
        assertThat(e.retries()).isZero();
        assertThat(e.failureThreshold()).isEqualTo(3);
        assertThat(e.successThreshold()).isEqualTo(1);
        assertThat(e.conditions()).isEmpty();
    }

    @Test
    void overrides_timeoutReplacesDefaults_endpointOwnWins_headersReplaceSameName() {
        HealthConfig c = read("""
                defaults: {timeout: 5s, headers: {X-Env: prod}}
                endpoints:
                  - {name: a, url: 'http://a/'}
                  - {name: b, url: 'http://b/', timeout: 3s}
                """, new ConfigReader.Overrides(Duration.ofMillis(750), Headers.of("X-Env", "ci")));

        assertThat(c.endpoints().get(0).timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(c.endpoints().get(1).timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.endpoints().get(0).headers().all("X-Env")).containsExactly("ci");
    }

    @Test
    void envDefaultsAndEscapes_expand() {
        Endpoint e = read("""
                endpoints:
                  - name: a
                    url: http://${MISSING:-localhost:8080}/health
                    headers: {X-Price: "$$5"}
                """).endpoints().get(0);

        assertThat(e.target().uri().toString()).isEqualTo("http://localhost:8080/health");
        assertThat(e.headers().first("X-Price")).isEqualTo("$5");
    }

    @Test
    void conditionWithAVariable_isCheckedExpanded_butShownAsWritten() {
        Condition c = read("endpoints:\n  - name: a\n    url: http://a/\n    conditions: ['body.token == \"${API_TOKEN}\"']\n")
                .endpoints().get(0).conditions().get(0);

        assertThat(c.text()).isEqualTo("body.token == \"${API_TOKEN}\"");
        assertThat(c.operand()).isEqualTo(new Value.Str("s3cret"));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("unknown key", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            timout: 3s
                        """, "health.yaml:4:5: unknown key 'timout' in endpoint 'db', expected one of name, url, method,"
                        + " headers, body, timeout, critical, retries, retryBackoff, failureThreshold, successThreshold, group,"
                        + " conditions (did you mean 'timeout'?)"),
                Arguments.of("unknown top-level key", "endpoint:\n  - name: db\n", "health.yaml:1:1: unknown key 'endpoint' at the top level,"
                        + " expected one of defaults, endpoints (did you mean 'endpoints'?)"),
                Arguments.of("unknown key in defaults", "defaults:\n  retry: 2\nendpoints: []\n",
                        "health.yaml:2:3: unknown key 'retry' in defaults"),
                Arguments.of("bad condition", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            conditions:
                              - status = 200
                        """, "health.yaml:5:16: bad condition 'status = 200': '=' is not an operator, expected =="),
                Arguments.of("bad quoted condition", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            conditions:
                              - "body.status == 'UP"
                        """, "health.yaml:5:25: bad condition 'body.status == 'UP': unterminated string"),
                Arguments.of("bad condition type", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            conditions: [latency < 300]
                        """, "health.yaml:4:28: bad condition 'latency < 300': latency is a duration, expected a duration such as 300ms"),
                Arguments.of("condition for http on tcp", """
                        endpoints:
                          - name: db
                            url: tcp://db:5432
                            conditions: [status == 200]
                        """, "health.yaml:4:18: condition 'status == 200' does not apply to tcp://db:5432: status needs an http:// or https:// url"),
                Arguments.of("bad scheme", """
                        endpoints:
                          - name: db
                            url: htp://db/health
                        """, "health.yaml:3:10: bad URL 'htp://db/health': unsupported scheme 'htp', expected http://, https://,"
                        + " tcp://host:port or tls://host:port"),
                Arguments.of("bad URL syntax", """
                        endpoints:
                          - name: db
                            url: "http://db/he alth"
                        """, "health.yaml:3:23: bad URL 'http://db/he alth': Illegal character in path"),
                Arguments.of("tcp without port", """
                        endpoints:
                          - name: db
                            url: tcp://db
                        """, "health.yaml:3:18: bad URL 'tcp://db': no port, expected tcp://host:port"),
                Arguments.of("no host", """
                        endpoints:
                          - name: db
                            url: http:///health
                        """, "health.yaml:3:17: bad URL 'http:///health': no host name"),
                Arguments.of("headers on tcp", """
                        endpoints:
                          - name: db
                            url: tcp://db:5432
                            headers: {A: b}
                        """, "health.yaml:4:5: headers does not apply to tcp:// endpoints"),
                Arguments.of("bad duration", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            timeout: 2
                        """, "health.yaml:4:14: timeout: invalid duration '2', expected a number and a unit such as 250ms, 2s or 1m"),
                Arguments.of("zero timeout", "defaults: {timeout: 0}\nendpoints: [{name: a, url: 'http://a/'}]\n",
                        "health.yaml:1:21: timeout must be positive"),
                Arguments.of("not a boolean", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            critical: maybe
                        """, "health.yaml:4:15: critical: expected true or false, got 'maybe'"),
                Arguments.of("not a whole number", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            retries: 1.5
                        """, "health.yaml:4:14: retries: expected a whole number, got '1.5'"),
                Arguments.of("negative retries", "endpoints: [{name: a, url: 'http://a/', retries: -1}]\n",
                        "health.yaml:1:50: retries: -1 is out of range, expected 0 to 100"),
                Arguments.of("endpoints not a list", "endpoints: 3\n", "health.yaml:1:12: endpoints: expected a list of endpoints"),
                Arguments.of("url not a scalar", "endpoints:\n  - name: a\n    url: [x]\n", "health.yaml:3:10: url: expected a single value"),
                Arguments.of("duplicate key", """
                        endpoints:
                          - name: db
                            url: http://db/health
                            url: http://db/other
                        """, "health.yaml:4:5: duplicate key 'url', expected each key once"),
                Arguments.of("duplicate name", """
                        endpoints:
                          - name: db
                            url: http://db/health
                          - name: db
                            url: http://db2/health
                        """, "health.yaml:4:11: duplicate endpoint name 'db' (first at line 2), expected unique names"),
                Arguments.of("YAML syntax", "endpoints:\n  - name: db\n   url: http://db\n",
                        "health.yaml:3:4: YAML syntax error: expected <block end>, but found '<block mapping start>'"),
                Arguments.of("unset variable", """
                        endpoints:
                          - name: api
                            url: http://api/health
                            headers:
                              Authorization: Bearer ${NOPE_TOKEN}
                        """, "health.yaml:5:29: environment variable NOPE_TOKEN is not set"),
                Arguments.of("no url", "endpoints:\n  - name: db\n", "health.yaml:2:5: endpoint 'db' has no url"),
                Arguments.of("no name", "endpoints:\n  - url: http://db/\n", "health.yaml:2:5: endpoint without a name"),
                Arguments.of("no endpoints", "defaults: {timeout: 1s}\n", "health.yaml:1:1: no endpoints"),
                Arguments.of("empty file", "", "health.yaml:1:1: no endpoints"),
                Arguments.of("bad method", "endpoints: [{name: a, url: 'http://a/', method: 'GE T'}]\n",
                        "health.yaml:1:49: bad method 'GE T', expected an HTTP method"),
                Arguments.of("port over 65535", "endpoints: [{name: a, url: 'tcp://db:65536'}]\n",
                        "health.yaml:1:35: bad URL 'tcp://db:65536': port 65536 is out of range, expected 1 to 65535"),
                Arguments.of("password in a bad URL", "endpoints: [{name: a, url: 'http://u:Pa55w0rd@[bad/'}]\n",
                        "health.yaml:1:"),
                Arguments.of("timeout that would overflow", "endpoints: [{name: a, url: 'http://a/', timeout: 106752d}]\n",
                        "health.yaml:1:50: timeout: duration '106752d' is out of range, expected 0 to 10m"),
                Arguments.of("endless backoff", "endpoints: [{name: a, url: 'http://a/', retryBackoff: 99999d}]\n",
                        "health.yaml:1:55: retryBackoff: duration '99999d' is out of range, expected 0 to 1m"));
    }

    @org.junit.jupiter.api.Test
    void badUrl_withAPassword_neverEchoesIt() {
        assertThatThrownBy(() -> read("endpoints: [{name: a, url: 'http://u:Pa55w0rd@[bad/'}]\n"))
                .isInstanceOf(InputException.class).message().doesNotContain("Pa55w0rd").contains("http://u:***@[bad/");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidConfig_oneLineWithFileLineColumn(String what, String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(e.getMessage()).startsWith(message).doesNotContain("\n"));
    }

    @Test
    void closest_suggestsWithinTwoEdits() {
        assertThat(dev.apitool.core.config.DidYouMean.closest("timout", java.util.List.of("timeout", "name"))).isEqualTo("timeout");
        assertThat(dev.apitool.core.config.DidYouMean.closest("xyzzy", java.util.List.of("timeout", "name"))).isNull();
    }
}
