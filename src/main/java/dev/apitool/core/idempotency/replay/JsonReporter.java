package dev.apitool.core.idempotency.replay;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.json.Json;

/** The report as JSON ({@code schemas/idempotency-replay.schema.json}). */
public final class JsonReporter {

    /** The version of the document's shape. */
    public static final int SCHEMA_VERSION = 1;

    private JsonReporter() {}

    /** Returns the document for {@code report}. */
    public static ObjectNode document(ReplayReport report) {
        ObjectNode doc = Json.object();
        doc.put("schemaVersion", SCHEMA_VERSION);
        doc.put("method", report.method());
        doc.put("url", report.url());
        doc.put("profile", report.profile().id());
        doc.put("conformant", !report.failed());
        doc.put("marksReplays", report.marksReplays());
        doc.put("calls", report.calls());
        doc.put("startedAt", report.startedAt().toString());
        doc.put("durationMs", report.duration().toMillis());
        ArrayNode story = doc.putArray("story");
        report.story().forEach(story::add);
        ArrayNode rules = doc.putArray("rules");
        for (RuleResult r : report.rules()) {
            ObjectNode o = rules.addObject();
            o.put("id", r.rule().id());
            o.put("title", r.rule().title());
            o.put("subject", r.subject());
            o.put("required", r.required());
            o.put("verdict", r.verdict().word());
            o.put("summary", r.summary());
            ArrayNode ev = o.putArray("evidence");
            r.evidence().forEach(ev::add);
        }
        return doc;
    }
}
