package dev.apitool.core.health;

import java.util.Locale;

/** The health of one endpoint or of a whole run, in three words; declared from best to worst. */
public enum HealthStatus {
    HEALTHY,
    DEGRADED,
    UNHEALTHY;

    /** Returns the word printed for this status: {@code healthy}, {@code degraded}, {@code unhealthy}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns the worse of this status and {@code other}. */
    public HealthStatus worst(HealthStatus other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /**
     * Returns the overall status of endpoints, as follows: any critical endpoint
     * unhealthy makes the whole unhealthy; otherwise any endpoint unhealthy or degraded makes it
     * degraded; otherwise healthy.
     */
    public static HealthStatus overall(Iterable<EndpointResult> results) {
        HealthStatus overall = HEALTHY;
        for (EndpointResult r : results) {
            if (r.status() == UNHEALTHY && r.critical()) {
                return UNHEALTHY;
            }
            if (r.status() != HEALTHY) {
                overall = DEGRADED;
            }
        }
        return overall;
    }
}
