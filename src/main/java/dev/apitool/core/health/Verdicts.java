package dev.apitool.core.health;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges one attempt: a recognised health body first (it outranks the status code), else the
 * default rule (a 2xx status, unless a condition on {@code status} says otherwise), then every
 * condition; a failed condition makes the endpoint unhealthy. A {@code tls://} check also fails on
 * an expired certificate.
 */
final class Verdicts {

    private Verdicts() {}

    /** Returns the result of an attempt that got an answer. */
    static EndpointResult judge(Endpoint e, Observation o, Instant now, int attempts) {
        HealthStatus status = HealthStatus.HEALTHY;
        List<String> reasons = new ArrayList<>();
        List<EndpointResult.Component> components = List.of();
        if (e.target().isHttp()) {
            HealthBody.Reading reading = HealthBody.read(o);
            if (reading != null) {
                status = reading.status();
                components = reading.components();
                if (status != HealthStatus.HEALTHY) {
                    reasons.add(reading.reason());
                }
            } else if (e.conditions().stream().noneMatch(c -> c.subject() == Condition.Subject.STATUS)
                    && (o.status() < 200 || o.status() > 299)) {
                status = HealthStatus.UNHEALTHY;
                reasons.add("HTTP " + o.status() + (o.reasonPhrase() == null || o.reasonPhrase().isEmpty() ? "" : " " + o.reasonPhrase()));
            }
        }
        Instant expires = null;
        if (!o.certificates().isEmpty()) {
            X509Certificate leaf = o.certificates().get(0);
            expires = leaf.getNotAfter().toInstant();
            if (e.target().kind() == Target.Kind.TLS && expires.isBefore(now)) {
                status = HealthStatus.UNHEALTHY;
                reasons.add(Condition.expiry(Duration.between(now, expires)));
            }
        }
        List<Condition.Result> results = new ArrayList<>();
        for (Condition c : e.conditions()) {
            Condition.Result r = c.evaluate(o, now);
            results.add(r);
            if (!r.passed()) {
                status = HealthStatus.UNHEALTHY;
                reasons.add(r.message());
            }
        }
        String reason = reasons.isEmpty() ? null : oneLine(reasons.size() == 1 ? reasons.get(0)
                : reasons.get(0) + " (and " + (reasons.size() - 1) + " more)");
        return new EndpointResult(e.name(), e.group(), e.critical(), e.target().text(), status, o.latency(), reason,
                o.status(), attempts, results, components, expires);
    }

    /** Returns the result of an attempt that got no answer: refused, timed out, TLS failed. */
    static EndpointResult failed(Endpoint e, String reason, int attempts) {
        return new EndpointResult(e.name(), e.group(), e.critical(), e.target().text(), HealthStatus.UNHEALTHY, null,
                oneLine(reason), null, attempts, List.of(), List.of(), null);
    }

    /** Returns {@code s} on one line: a reason never breaks the one-line-per-endpoint text shape. */
    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
