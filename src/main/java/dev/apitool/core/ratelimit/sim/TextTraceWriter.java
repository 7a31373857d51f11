package dev.apitool.core.ratelimit.sim;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.HeaderProfile;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.traffic.Request;
import java.io.PrintWriter;
import java.util.Map;

/** Prints one line per request per policy: time, key, policy, decision, remaining, retry-after, headers. */
public final class TextTraceWriter implements Simulation.Listener {

    private final PrintWriter out;
    private final HeaderProfile profile;

    public TextTraceWriter(PrintWriter out, HeaderProfile profile) {
        this.out = out;
        this.profile = profile;
    }

    @Override
    public void onDecision(Request r, Limiter limiter, Decision d) {
        StringBuilder line = new StringBuilder(96);
        line.append(Metrics.seconds(r.atMicros())).append("  #").append(r.index()).append("  ").append(Redact.escape(r.key()))
                .append("  ").append(limiter.policy().spec()).append("  ").append(d.outcome().label());
        if (d.delayMicros() > 0) {
            line.append(" by ").append(Metrics.seconds(d.delayMicros())).append('s');
        }
        line.append("  remaining=").append(d.remaining());
        if (d.retryAfterMicros() != 0) {
            line.append("  retry-after=").append(d.retryAfterMicros() == Decision.NEVER ? "never" : Metrics.seconds(d.retryAfterMicros()) + "s");
        }
        for (Map.Entry<String, String> h : limiter.headers(d, profile).entrySet()) {
            line.append("  ").append(h.getKey()).append(": ").append(h.getValue());
        }
        out.println(line);
    }
}
