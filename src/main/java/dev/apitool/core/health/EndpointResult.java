package dev.apitool.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The verdict on one endpoint in one run.
 *
 * @param name the endpoint's name
 * @param group the endpoint's group, or null
 * @param critical whether the endpoint being unhealthy makes the whole run unhealthy
 * @param url the URL as written in the config (before {@code ${VAR}} expansion, so no secret leaks into reports)
 * @param status the endpoint's health
 * @param latency how long the last attempt took to get its answer, or null when it got none (refused, timed out)
 * @param reason why it is not healthy, the short words first ({@code timeout after 100ms},
 *     {@code Connection refused}, {@code condition body.status == "UP" failed: was "DOWN"}); null when healthy
 * @param httpStatus the last response's status code, or null (no response, or a connect check)
 * @param attempts how many attempts were made, 1 or more (retries add to it)
 * @param conditions the outcome of each configured condition on the last response, in order; empty without a response
 * @param components the components a recognised health body listed (Spring Boot Actuator, application/health+json)
 * @param certificateExpires the leaf certificate's notAfter when the check ran over TLS, else null
 */
public record EndpointResult(String name, String group, boolean critical, String url, HealthStatus status, Duration latency,
        String reason, Integer httpStatus, int attempts, List<Condition.Result> conditions, List<Component> components,
        Instant certificateExpires) {

    /**
     * One component of a recognised health body.
     *
     * @param name its name, nested components joined with {@code /} ({@code db}, {@code db/primary})
     * @param status what its reported status means
     * @param reported the status as the body says it ({@code UP}, {@code OUT_OF_SERVICE}, {@code warn})
     * @param output what the body says about it (health+json's {@code output}), or null
     */
    public record Component(String name, HealthStatus status, String reported, String output) {}

    public EndpointResult {
        conditions = List.copyOf(conditions);
        components = List.copyOf(components);
    }
}
