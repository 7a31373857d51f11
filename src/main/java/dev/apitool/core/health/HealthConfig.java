package dev.apitool.core.health;

import java.util.List;

/**
 * A validated health config: the endpoints to check, in order.
 *
 * @param source where it came from (a file name), for messages
 * @param endpoints one or more endpoints with unique names
 */
public record HealthConfig(String source, List<Endpoint> endpoints) {

    public HealthConfig {
        endpoints = List.copyOf(endpoints);
    }
}
