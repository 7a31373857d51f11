package dev.apitool.core.health;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the two common health body shapes, so that an endpoint needs no conditions to be judged:
 * <ul>
 * <li>Spring Boot Actuator: {@code {"status": "UP", "components": {"db": {"status": "UP"}, ...}}}
 *     ({@code details} instead of {@code components} before Boot 2.2; components nest). {@code UP}
 *     is healthy, {@code OUT_OF_SERVICE} degraded, {@code DOWN} unhealthy; {@code UNKNOWN} and
 *     custom statuses are not judged (Spring ranks UNKNOWN below UP).</li>
 * <li>{@code application/health+json} (draft-inadarei-api-health-check):
 *     {@code {"status": "pass", "checks": {"db:responseTime": [{"status": "pass"}]}}}. {@code pass}
 *     is healthy, {@code warn} degraded, {@code fail} unhealthy; the draft's aliases {@code ok},
 *     {@code up}, {@code error}, {@code down} count when the Content-Type says health+json.</li>
 * </ul>
 * A recognised body outranks the status code: Spring answers 503 for OUT_OF_SERVICE, which is degraded here.
 */
final class HealthBody {

    /**
     * A recognised body.
     *
     * @param reported the top-level status as written
     * @param status what it means
     * @param components the listed components, flattened
     */
    record Reading(String reported, HealthStatus status, List<EndpointResult.Component> components) {

        /** Returns {@code reported DOWN (db: DOWN, mail: OUT_OF_SERVICE)}: the status and the components that are not healthy. */
        String reason() {
            List<EndpointResult.Component> bad = components.stream().filter(c -> c.status() != HealthStatus.HEALTHY).toList();
            String list = bad.stream().map(c -> c.name() + ": " + c.reported() + (c.output() == null ? "" : " - " + c.output()))
                    .collect(Collectors.joining(", "));
            return "reported " + reported + (bad.isEmpty() ? "" : " (" + list + ")");
        }
    }

    private static final Map<String, HealthStatus> ACTUATOR = Map.of(
            "UP", HealthStatus.HEALTHY, "OUT_OF_SERVICE", HealthStatus.DEGRADED, "DOWN", HealthStatus.UNHEALTHY);

    private static final Map<String, HealthStatus> HEALTH_JSON = Map.of(
            "pass", HealthStatus.HEALTHY, "warn", HealthStatus.DEGRADED, "fail", HealthStatus.UNHEALTHY);

    private static final Map<String, HealthStatus> HEALTH_JSON_ALIASES = Map.of(
            "ok", HealthStatus.HEALTHY, "up", HealthStatus.HEALTHY, "error", HealthStatus.UNHEALTHY, "down", HealthStatus.UNHEALTHY);

    private HealthBody() {}

    /** Returns the reading of {@code o}'s body, or null when it is neither shape. */
    static Reading read(Observation o) {
        String type = o.headers().first("Content-Type");
        boolean healthJson = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/health+json");
        if (!healthJson && !looksLikeJsonObject(o)) {
            return null;
        }
        JsonNode root = o.json();
        if (root == null || !root.isObject() || !root.path("status").isTextual()) {
            return null;
        }
        String status = root.get("status").textValue();
        if (ACTUATOR.containsKey(status)) {
            List<EndpointResult.Component> components = new ArrayList<>();
            actuatorComponents(root, "", components);
            return new Reading(status, ACTUATOR.get(status), components);
        }
        HealthStatus h = HEALTH_JSON.get(status);
        if (h == null && healthJson) {
            h = HEALTH_JSON_ALIASES.get(status);
        }
        if (h == null) {
            return null;
        }
        return new Reading(status, h, checks(root.path("checks")));
    }

    private static boolean looksLikeJsonObject(Observation o) {
        String body = o.bodyText();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static void actuatorComponents(JsonNode node, String prefix, List<EndpointResult.Component> out) {
        JsonNode children = node.has("components") ? node.get("components") : node.get("details");
        if (children == null || !children.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = children.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode child = e.getValue();
            if (!child.isObject() || !child.path("status").isTextual()) {
                continue;
            }
            String name = prefix + e.getKey();
            String reported = child.get("status").textValue();
            HealthStatus s = ACTUATOR.get(reported);
            if (s != null) {
                out.add(new EndpointResult.Component(name, s, reported, null));
            }
            actuatorComponents(child, name + "/", out);
        }
    }

    private static List<EndpointResult.Component> checks(JsonNode checks) {
        List<EndpointResult.Component> out = new ArrayList<>();
        if (!checks.isObject()) {
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode list = e.getValue().isArray() ? e.getValue() : null;
            if (list == null) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode check = list.get(i);
                if (!check.path("status").isTextual()) {
                    continue;
                }
                String reported = check.get("status").textValue();
                HealthStatus s = HEALTH_JSON.getOrDefault(reported, HEALTH_JSON_ALIASES.get(reported));
                if (s == null) {
                    continue;
                }
                String name = e.getKey();
                if (list.size() > 1) {
                    name += "[" + (check.path("componentId").isTextual() ? check.get("componentId").textValue() : i) + "]";
                }
                String output = check.path("output").isTextual() && !check.get("output").textValue().isBlank()
                        ? check.get("output").textValue().strip() : null;
                out.add(new EndpointResult.Component(name, s, reported, output));
            }
        }
        return out;
    }
}
