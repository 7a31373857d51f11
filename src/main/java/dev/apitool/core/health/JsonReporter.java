package dev.apitool.core.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Prints a report as one JSON document (schema: {@code schemas/health.schema.json}): pretty for a
 * single run, compact one per line (NDJSON) under {@code --watch}, where each carries its run number.
 */
public final class JsonReporter {

    private final PrintWriter out;

    public JsonReporter(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code report} indented. */
    public void print(HealthReport report) {
        out.println(Json.pretty(document(report, 0)));
        out.flush();
    }

    /** Prints run {@code n} of a watch on one line. */
    public void printRun(int n, HealthReport report) {
        out.println(Json.compact(document(report, n)));
        out.flush();
    }

    /** Returns the document for {@code report}; {@code run} is its number under {@code --watch}, or 0 for none. */
    public static ObjectNode document(HealthReport report, int run) {
        ObjectNode doc = Json.object();
        doc.put("schemaVersion", 1);
        if (run > 0) {
            doc.put("run", run);
        }
        doc.put("status", report.status().word());
        doc.put("startedAt", report.startedAt().toString());
        doc.put("durationMs", millis(report.duration()));
        ArrayNode endpoints = doc.putArray("endpoints");
        for (EndpointResult r : report.endpoints()) {
            ObjectNode e = endpoints.addObject();
            e.put("name", r.name());
            e.put("url", r.url());
            if (r.group() == null) {
                e.putNull("group");
            } else {
                e.put("group", r.group());
            }
            e.put("critical", r.critical());
            e.put("status", r.status().word());
            if (r.latency() == null) {
                e.putNull("latencyMs");
            } else {
                e.put("latencyMs", millis(r.latency()));
            }
            if (r.httpStatus() == null) {
                e.putNull("httpStatus");
            } else {
                e.put("httpStatus", r.httpStatus());
            }
            e.put("attempts", r.attempts());
            if (r.reason() == null) {
                e.putNull("reason");
            } else {
                e.put("reason", r.reason());
            }
            ArrayNode conditions = e.putArray("conditions");
            for (Condition.Result c : r.conditions()) {
                ObjectNode o = conditions.addObject().put("condition", c.condition()).put("passed", c.passed());
                if (c.message() == null) {
                    o.putNull("message");
                } else {
                    o.put("message", c.message());
                }
            }
            ArrayNode components = e.putArray("components");
            for (EndpointResult.Component c : r.components()) {
                ObjectNode o = components.addObject().put("name", c.name()).put("status", c.status().word())
                        .put("reported", c.reported());
                if (c.output() != null) {
                    o.put("output", c.output());
                }
            }
            if (r.certificateExpires() == null) {
                e.putNull("certificateExpires");
            } else {
                e.put("certificateExpires", r.certificateExpires().toString());
            }
        }
        return doc;
    }

    /** Returns {@code d} in milliseconds with three decimals (microseconds). */
    static BigDecimal millis(Duration d) {
        return BigDecimal.valueOf(d.toNanos()).movePointLeft(6).setScale(3, RoundingMode.HALF_UP);
    }
}
