package dev.apitool.core.ratelimit.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;
import java.io.PrintWriter;

/** Prints a simulation summary as one JSON document (schema: {@code schemas/ratelimit-simulate.schema.json}). */
public final class JsonReporter {

    private final PrintWriter out;

    public JsonReporter(PrintWriter out) {
        this.out = out;
    }

    public void print(Simulation.Result result) {
        out.println(Json.pretty(document(result)));
    }

    /** Returns the summary document. */
    public static ObjectNode document(Simulation.Result result) {
        ObjectNode doc = Json.object();
        doc.put("schemaVersion", 1);
        doc.put("source", result.source());
        doc.put("requests", result.requests());
        doc.put("durationSec", Metrics.seconds(result.lastMicros()));
        ArrayNode policies = doc.putArray("policies");
        for (PolicyStats s : result.policies()) {
            ObjectNode p = policies.addObject();
            p.put("policy", s.policy());
            p.put("total", s.total());
            p.put("allowed", s.allowed());
            p.put("delayed", s.delayed());
            p.put("limited", s.limited());
            p.put("admittedRatio", s.admittedRatio());
            p.put("meanDelayMs", s.meanDelayMicros() / 1000.0);
            p.put("longestLimitedRun", s.longestLimitedRun());
            if (s.firstLimitedMicros() < 0) {
                p.putNull("firstLimitedSec");
            } else {
                p.put("firstLimitedSec", Metrics.seconds(s.firstLimitedMicros()));
            }
            p.put("admittedPerSec", s.admittedPerSecond());
            ArrayNode top = p.putArray("topLimitedKeys");
            for (TopKeys.Entry e : s.topOffenders(Metrics.TOP)) {
                ObjectNode entry = top.addObject().put("key", e.key()).put("count", e.count());
                if (e.error() > 0) {
                    entry.put("maxOvercount", e.error()); // Space-Saving past TRACKED_KEYS: the count is an upper bound
                }
            }
            ObjectNode timeline = p.putObject("timeline");
            timeline.put("bucketSec", Metrics.seconds(s.timeline().widthMicros()));
            ArrayNode admitted = timeline.putArray("admitted");
            for (long v : s.timeline().admitted()) {
                admitted.add(v);
            }
            ArrayNode limited = timeline.putArray("limited");
            for (long v : s.timeline().limited()) {
                limited.add(v);
            }
        }
        return doc;
    }
}
