package dev.apitool.core.ratelimit.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.apitool.core.json.Json;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.HeaderProfile;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.traffic.Request;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes one NDJSON object per request per policy, the documented trace shape:
 * {@code {"i", "t", "key", "policy", "decision", "delayMs", "remaining", "retryAfterMs", "headers"}}
 * ({@code i} counts from 1 in script order, {@code t} in seconds; {@code retryAfterMs} is -1 when no
 * wait will admit the request).
 */
public final class TraceWriter implements Simulation.Listener, AutoCloseable {

    private final JsonGenerator g;
    private final HeaderProfile profile;

    public TraceWriter(Writer out, HeaderProfile profile) {
        this.g = Json.generator(out);
        this.profile = profile;
    }

    @Override
    public void onDecision(Request r, Limiter limiter, Decision d) {
        try {
            g.writeStartObject();
            g.writeNumberField("i", r.index());
            g.writeStringField("t", Metrics.seconds(r.atMicros()));
            g.writeStringField("key", r.key());
            g.writeStringField("policy", limiter.policy().spec());
            g.writeStringField("decision", d.outcome().label());
            g.writeNumberField("delayMs", d.delayMicros() / 1000);
            g.writeNumberField("remaining", d.remaining());
            g.writeNumberField("retryAfterMs", d.retryAfterMicros() == Decision.NEVER ? -1 : (d.retryAfterMicros() + 999) / 1000);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : limiter.headers(d, profile).entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
