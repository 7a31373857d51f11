package dev.apitool.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The health config's YAML as Jackson binds it: plain records with the keys a user writes, nothing
 * validated yet ({@link ConfigReader} does that, with the positions {@code core.config.Positions} kept).
 * A key no record has is an error; every key is optional here.
 * <pre>
 * defaults:                 # optional, for every endpoint
 *   timeout: 2s
 *   headers: {Authorization: "Bearer ${API_TOKEN}"}
 *   retries: 1
 * endpoints:
 *   - name: api
 *     url: https://api.example.com/healthz     # http(s)://, tcp://host:port, tls://host:port
 *     conditions: [status == 200, latency &lt; 300ms]
 * </pre>
 */
final class ConfigFile {

    private ConfigFile() {}

    /** The whole file. */
    record Root(Defaults defaults, List<RawEndpoint> endpoints) {}

    /** Values every endpoint starts from. */
    record Defaults(String timeout, Map<String, String> headers, Integer retries, String retryBackoff,
            Integer failureThreshold, Integer successThreshold, Boolean critical) {}

    /** One endpoint as written; {@code body} is text, or YAML that is sent as JSON. */
    record RawEndpoint(String name, String url, String method, Map<String, String> headers, JsonNode body, String timeout,
            Boolean critical, Integer retries, String retryBackoff, Integer failureThreshold, Integer successThreshold,
            String group, List<String> conditions) {}
}
