package dev.apitool.core.health;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes-style probe thresholds over consecutive runs of {@code --watch}, so that one blip
 * does not flip an endpoint: a healthy endpoint is reported bad only after
 * {@code failureThreshold} bad runs in a row, and a bad one healthy again only after
 * {@code successThreshold} healthy runs in a row. Until then the last reported result stands.
 * The first run is reported as it is (there is nothing to hold). Not thread-safe: one watch loop feeds it.
 */
public final class Thresholds {

    private record State(EndpointResult reported, int failures, int successes) {}

    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Map<String, State> states = new HashMap<>();

    public Thresholds(List<Endpoint> endpoints) {
        endpoints.forEach(e -> this.endpoints.put(e.name(), e));
    }

    /** Returns the report to show for {@code raw}, the run just done, and remembers it. */
    public HealthReport apply(HealthReport raw) {
        List<EndpointResult> shown = new ArrayList<>(raw.endpoints().size());
        for (EndpointResult r : raw.endpoints()) {
            shown.add(apply(r));
        }
        return HealthReport.of(shown, raw.startedAt(), raw.duration());
    }

    private EndpointResult apply(EndpointResult r) {
        State s = states.get(r.name());
        Endpoint e = endpoints.get(r.name());
        int failureThreshold = e == null ? 1 : e.failureThreshold();
        int successThreshold = e == null ? 1 : e.successThreshold();
        boolean good = r.status() == HealthStatus.HEALTHY;
        State next;
        if (s == null) {
            next = new State(r, good ? 0 : 1, good ? 1 : 0);
        } else if (s.reported().status() == HealthStatus.HEALTHY) {
            int failures = good ? 0 : s.failures() + 1;
            next = good || failures >= failureThreshold ? new State(r, failures, good ? s.successes() + 1 : 0)
                    : new State(s.reported(), failures, 0);
        } else {
            int successes = good ? s.successes() + 1 : 0;
            next = !good || successes >= successThreshold ? new State(r, good ? 0 : s.failures() + 1, successes)
                    : new State(s.reported(), 0, successes);
        }
        states.put(r.name(), next);
        return next.reported();
    }
}
