package dev.apitool.core.load.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.json.Json;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.StoppedBy;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.hdrlog.LogMerge;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.load.plan.Stages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** Prints a {@link LoadReport} as one JSON document (schema: {@code schemas/load.schema.json}). */
public final class JsonReporter {

    private final PrintWriter out;

    public JsonReporter(PrintWriter out) {
        this.out = out;
    }

    public void print(LoadReport r, List<Threshold> thresholds) {
        out.println(Json.pretty(document(r, thresholds)));
    }

    /** Returns the report document. */
    public static ObjectNode document(LoadReport r, List<Threshold> thresholds) {
        ObjectNode doc = Json.object();
        doc.put("schemaVersion", 1);
        doc.put("url", Redact.shown(r.url()));
        doc.put("method", r.method());
        doc.put("protocol", "HTTP/1.1");
        doc.put("model", r.model().text());
        doc.put("connections", r.connections());
        doc.put("threads", r.threads());
        doc.put("transport", r.transport());
        doc.put("sent", r.sent());
        doc.put("requests", r.requests());
        doc.put("failed", r.failed());
        doc.put("durationSec", r.durationSec());
        doc.put("rps", r.rps());
        if (r.open()) {
            doc.put("targetRps", r.targetRps());
            doc.put("maxInFlight", r.maxInFlight());
            doc.put("late", r.late());
            doc.put("dropped", r.dropped());
        }
        if (r.stages() != null) {
            ArrayNode stages = doc.putArray("stages");
            for (Stages.Stage s : r.stages().list()) {
                stages.addObject().put("stage", s.toString()).put("durationSec", s.duration().toNanos() / 1e9)
                        .put("targetRps", s.targetRps());
            }
        }
        ObjectNode latency = latency(doc.putObject("latencyUs"), r.latency());
        latency(latency.putObject("success"), r.success());
        latency(latency.putObject("error"), r.error());
        latency(doc.putObject("serviceUs"), r.service());
        ObjectNode status = doc.putObject("status");
        for (Map.Entry<Integer, Long> e : r.status().entrySet()) {
            status.put(Integer.toString(e.getKey()), e.getValue());
        }
        ObjectNode errors = doc.putObject("errors");
        for (ErrorKind k : ErrorKind.values()) {
            errors.put(k.key(), r.errors().getOrDefault(k, 0L));
        }
        ObjectNode examples = doc.putObject("errorExamples");
        for (Map.Entry<ErrorKind, String> e : r.examples().entrySet()) {
            examples.put(e.getKey().key(), Redact.shown(e.getValue()));
        }
        doc.putObject("bytes").put("in", r.bytesIn()).put("out", r.bytesOut());
        doc.put("unfinished", r.unfinished());
        doc.putObject("warmup").put("chosen", r.warmup()).put("requests", r.warmupRequests());
        doc.put("stoppedBy", r.stoppedBy().text());
        doc.put("interrupted", r.stoppedBy() == StoppedBy.INTERRUPT);
        if (r.sends() != null) {
            sends(doc, r.sends());
        }
        ArrayNode checks = doc.putArray("thresholds");
        for (Threshold t : thresholds) {
            checks.addObject().put("threshold", t.text()).put("passed", t.passes(r)).put("actual", t.actual(r));
        }
        return doc;
    }

    /** Adds {@code targets} (with a targets file), {@code idempotencyKey} and {@code jwt} (when sent). */
    private static void sends(ObjectNode doc, RequestPlan.Summary s) {
        if (s.source() != null) {
            ObjectNode targets = doc.putObject("targets").put("source", s.source()).put("count", s.targets()).put("order", s.order());
            if (s.seed() != null) {
                targets.put("seed", s.seed());
            }
        }
        if (s.idempotencyKey()) {
            doc.put("idempotencyKey", true);
        }
        if (s.jwt() != null) {
            doc.putObject("jwt").put("alg", s.jwt().alg()).put("ttlSec", s.jwt().ttlSec())
                    .put("refreshSec", s.jwt().refreshSec()).put("tokensSigned", s.jwt().tokensSigned());
        }
    }

    /** Prints the report of a merge: a run's document plus the logs it came from. */
    public void print(LogMerge.Result merged, List<Threshold> thresholds) {
        out.println(Json.pretty(document(merged, thresholds)));
    }

    /** Returns the report document of a merge: a run's document plus {@code sources} and, when there are any, {@code notes}. */
    public static ObjectNode document(LogMerge.Result merged, List<Threshold> thresholds) {
        ObjectNode doc = document(merged.report(), thresholds);
        ArrayNode sources = doc.putArray("sources");
        for (LogMerge.Source s : merged.sources()) {
            sources.addObject().put("file", s.file()).put("url", Redact.shown(s.url())).put("method", s.method()).put("model", s.model().text())
                    .put("startTime", s.start().toString()).put("durationSec", s.durationSec()).put("requests", s.requests())
                    .put("rps", s.rps());
        }
        if (!merged.notes().isEmpty()) {
            ArrayNode notes = doc.putArray("notes");
            merged.notes().forEach(notes::add);
        }
        return doc;
    }

    private static ObjectNode latency(ObjectNode node, LoadReport.Latency l) {
        node.put("count", l.count());
        node.put("min", l.min());
        node.put("mean", Math.round(l.mean() * 10) / 10.0);
        node.put("p50", l.p50());
        node.put("p90", l.p90());
        node.put("p99", l.p99());
        node.put("p999", l.p999());
        node.put("max", l.max());
        return node;
    }
}
