package dev.apitool.core.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run over every endpoint.
 *
 * @param status the overall status ({@link HealthStatus#overall})
 * @param endpoints one result per endpoint, in the config's order
 * @param startedAt the wall-clock time the run started
 * @param duration how long the run took: about the slowest check, since all run at once
 */
public record HealthReport(HealthStatus status, List<EndpointResult> endpoints, Instant startedAt, Duration duration) {

    public HealthReport {
        endpoints = List.copyOf(endpoints);
    }

    /** Returns the report of these results, its overall status computed from them. */
    public static HealthReport of(List<EndpointResult> endpoints, Instant startedAt, Duration duration) {
        return new HealthReport(HealthStatus.overall(endpoints), endpoints, startedAt, duration);
    }
}
