package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.ratelimit.Decision;
import java.util.List;

/**
 * Several nginx {@code limit_req} zones on one request ({@code limit_req zone=a ...; limit_req
 * zone=b ...;}), as ngx_http_limit_req_handler and ngx_http_limit_req_account combine them: the
 * zones are looked up in order and the first one over its burst rejects the request, leaving every
 * zone untouched; if none does, every zone is charged and the request waits the longest delay
 * any zone imposes. A pure function over the zones' states, as {@link NginxPolicy} is for one.
 *
 * <p>A new key in a zone that is not the last one is created with {@code lr->last = 0}, and its
 * excess recomputed in ngx_http_limit_req_account from {@code now - 0}: on any running nginx that
 * drains everything, so it is taken as 0, as for a new key in the last zone.
 */
public final class NginxZones {

    /**
     * The combined decision.
     *
     * @param decision the request's decision: remaining is the smallest over the zones, reset the longest
     * @param states each zone's state afterwards (the arrays passed in, when rejected)
     * @param zone the index of the zone that rejected the request or set its delay; -1 when neither
     */
    public record Result(Decision decision, long[][] states, int zone) {}

    private NginxZones() {}

    /** Returns nginx's decision for one request at {@code nowMicros} over {@code zones}, each with its key's state (or null). */
    public static Result decide(List<NginxPolicy> zones, long[][] states, long nowMicros) {
        if (zones.isEmpty() || zones.size() != states.length) {
            throw new IllegalArgumentException("one state per zone, and at least one zone");
        }
        long now = Math.floorDiv(nowMicros, 1000);
        int n = zones.size();
        long[] excess = new long[n];
        // for (n = 0; n < lrcf->limits.nelts; n++) { rc = ngx_http_limit_req_lookup(...); if (rc != NGX_AGAIN) break; }
        for (int i = 0; i < n; i++) {
            NginxPolicy zone = zones.get(i);
            excess[i] = zone.lookup(states[i], now, 1);
            if (excess[i] > zone.burst) {
                // rc == NGX_BUSY: ngx_http_limit_req_unlock(limits, n); return lrcf->status_code;
                Decision refused = zone.apply(states[i], nowMicros, 1, 0).decision();
                return new Result(refused, states, i);
            }
        }
        // delay = ngx_http_limit_req_account(limits, n, &excess, &limit);  -- starting from the last zone
        long[][] next = new long[n][];
        long maxDelay = 0;
        int limiting = -1;
        long remaining = Long.MAX_VALUE;
        long reset = 0;
        for (int i = n - 1; i >= 0; i--) {
            NginxPolicy zone = zones.get(i);
            // lr->excess = excess; if (ms) lr->last = now;
            next[i] = zone.stored(states[i], now, excess[i]);
            // delay = (excess - limits[n].delay) * 1000 / ctx->rate; if (delay > max_delay) { max_delay = delay; ... }
            long delay = zone.delayMs(excess[i]);
            if (delay > maxDelay) {
                maxDelay = delay;
                limiting = i;
            }
            remaining = Math.min(remaining, zone.remaining(excess[i] + 1000));
            reset = Math.max(reset, zone.resetAfter(next[i], nowMicros));
        }
        Decision d = maxDelay == 0
                ? Decision.allowed(remaining, reset)
                : Decision.delayed(maxDelay * 1000, remaining, reset);
        return new Result(d, next, limiting);
    }
}
