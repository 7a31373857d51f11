package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Quota;
import dev.apitool.core.ratelimit.Transition;
import dev.apitool.core.time.Rates;
import java.util.List;

/**
 * nginx {@code limit_req}, decision for decision: the arithmetic of ngx_http_limit_req_module.c
 * (as in nginx's master, read at commit 6460d89: with {@code delay=}, which nginx added in 1.15.7,
 * and the clamp of a clock gone backwards) ported line by line, the C kept beside the Java.
 * {@code nginx:rate=10r/s,burst=12,delay=8} or {@code ...,nodelay}; several zones on one request
 * are {@link NginxZones}.
 *
 * <p>As in nginx: the rate is an integer of milli-requests per second, {@code rate * 1000 / scale}
 * (so {@code 1r/m} is 16 and drains one request in 62.5 s, not 60); the clock is whole
 * milliseconds ({@code ngx_current_msec}; here {@code floor(nowMicros / 1000)}); the excess is in
 * milli-requests; a new key's first request has excess 0; a rejected request leaves the key's
 * state untouched; an admitted request with excess above {@code delay} waits
 * {@code (excess - delay) * 1000 / rate} ms. State {@code [excess, lastMs]}.
 *
 * <p>Beyond nginx, which has no cost: a request of cost {@code k} is {@code k} requests arriving
 * in the same millisecond, admitted all or none; cost 1 is nginx. {@code consume-rejected=true}
 * (not nginx) leaves a rejected key's excess at {@code burst}. nginx also forgets idle nodes when
 * other keys' first requests arrive ({@code ngx_http_limit_req_expire}: idle 60 s and drained);
 * a node forgotten less than one request's drain after its excess reached zero would have decided
 * differently, a corner this per-key port does not model: a store here only forgets a node once it
 * decides exactly as a new one.
 *
 * <p>2^53 bound: {@code (2 * burst * 1000 + 3000) * 1000 + rate < 2^53}, checked at parse; the
 * elapsed milliseconds are clamped to the time that drains the whole excess before they are
 * multiplied by the rate, which leaves nginx's result unchanged.
 */
public final class NginxPolicy extends BasePolicy {

    public static final String ALGORITHM = "nginx";
    static final List<String> PARAMETERS = List.of("rate", "burst", "delay", "nodelay", CONSUME_REJECTED, NAME);

    /** {@code nodelay}: {@code delay = NGX_MAX_INT_T_VALUE / 1000}; any value at least {@code burst} acts the same. */
    private static final long NODELAY = Long.MAX_VALUE / 1000 * 1000;

    /** ctx->rate: milli-requests per second. */
    final long rate;
    /** limit->burst = burst * 1000. */
    final long burst;
    /** limit->delay = delay * 1000. */
    final long delay;
    private final boolean consumeRejected;

    /**
     * Returns an nginx-compatible limiter.
     *
     * @param rate the zone's rate, per second or per minute
     * @param burst {@code burst=}, requests, 0 or more
     * @param delay {@code delay=}, requests, 0 or more; -1 for {@code nodelay}
     */
    public NginxPolicy(Rates.Rate rate, long burst, long delay, boolean consumeRejected, String name) {
        super(ALGORITHM, name, spec(ALGORITHM, name, consumeRejected, "rate=" + Rates.formatNginx(rate),
                "burst=" + burst, delay < 0 ? "nodelay" : delay == 0 ? "" : "delay=" + delay),
                quota(rate, burst));
        this.rate = Rates.nginxMilliPerSecond(rate);
        if (burst < 0 || delay < -1 || !Arith.exact(2 * burst * 1000 + 3000, 1000, this.rate) || burst > Arith.EXACT / 4000) {
            throw new IllegalArgumentException("burst " + burst + " is out of range");
        }
        this.burst = burst * 1000;
        this.delay = delay < 0 ? NODELAY : delay * 1000;
        this.consumeRejected = consumeRejected;
    }

    static NginxPolicy parse(SpecParams p) {
        Rates.Rate rate = Params.nginxRate(p);
        long burst = Params.burst(p);
        boolean nodelay = p.flag("nodelay");
        if (nodelay && p.has("delay")) {
            throw p.error("nodelay and delay=N exclude each other");
        }
        long delay = nodelay ? -1 : Params.delay(p);
        boolean consume = p.bool(CONSUME_REJECTED, false);
        try {
            return new NginxPolicy(rate, burst, delay, consume, p.name());
        } catch (IllegalArgumentException e) {
            throw p.error(e.getMessage());
        }
    }

    private static Quota quota(Rates.Rate rate, long burst) {
        long milli = Math.max(1, rate.amount() == 0 ? 1 : rate.amount() * 1000 / (rate.periodMicros() / 1_000_000));
        long window = burst < 0 || burst > Arith.EXACT / 4000 ? 0 : Arith.ceilDiv((burst * 1000 + 1000) * 1000, milli) * 1000;
        return new Quota(Math.max(1, burst + 1), window, Quota.REQUESTS);
    }

    @Override
    public Transition apply(long[] state, long nowMicros, long cost, long holdMicros) {
        // now = ngx_current_msec;
        long now = Math.floorDiv(nowMicros, 1000);
        if (cost == 0) {
            return new Transition(Decision.allowed(remaining(lookup(state, now, 1)), resetAfter(state, nowMicros)), state);
        }
        if (cost - 1 > burst / 1000) {
            // even a new key, whose first request has excess 0, would exceed the burst
            long[] next = consumeRejected ? stored(state, now, burst) : state;
            return new Transition(Decision.limited(remaining(lookup(next, now, 1)), Decision.NEVER,
                    resetAfter(next, nowMicros)), next);
        }
        long excess = lookup(state, now, cost);
        // if ((ngx_uint_t) excess > limit->burst) { return NGX_BUSY; }   -- the node is left as it was
        if (excess > burst) {
            long retry = retryAfter(state, now, cost, nowMicros);
            long[] next = consumeRejected ? stored(state, now, burst) : state;
            return new Transition(Decision.limited(remaining(lookup(next, now, 1)), retry, resetAfter(next, nowMicros)), next);
        }
        // if (account) { lr->excess = excess; if (ms) { lr->last = now; } return NGX_OK; }
        long[] next = stored(state, now, excess);
        long delayMs = delayMs(excess);
        long reset = resetAfter(next, nowMicros);
        // if (!delay) { r->main->limit_req_status = NGX_HTTP_LIMIT_REQ_PASSED; return NGX_DECLINED; }
        return new Transition(delayMs == 0
                ? Decision.allowed(remaining(excess + 1000), reset)
                : Decision.delayed(delayMs * 1000, remaining(excess + 1000), reset), next);
    }

    /**
     * Returns the excess ngx_http_limit_req_lookup computes for a request of {@code cost} at
     * {@code now} ms: 0 plus 1000 per further request for a new node, else:
     * <pre>
     *   ms = (ngx_msec_int_t) (now - lr->last);
     *   if (ms &lt; -60000) { ms = 1; } else if (ms &lt; 0) { ms = 0; }
     *   excess = lr->excess - ctx->rate * ms / 1000 + 1000;
     *   if (excess &lt; 0) { excess = 0; }
     * </pre>
     */
    long lookup(long[] state, long now, long cost) {
        if (state == null) {
            // lr->excess = 0; *ep = 0;
            return 1000 * (cost - 1);
        }
        long ms = elapsedMs(state, now);
        long drainAll = Arith.ceilDiv((state[0] + 1000) * 1000, rate);
        long excess = state[0] - rate * Math.min(ms, drainAll) / 1000 + 1000;
        if (excess < 0) {
            excess = 0;
        }
        return excess + 1000 * (cost - 1);
    }

    /** Returns the node after an admitted request: {@code lr->excess = excess; if (ms) lr->last = now;}. */
    long[] stored(long[] state, long now, long excess) {
        return pair(excess, state == null || elapsedMs(state, now) != 0 ? now : state[1]);
    }

    /**
     * Returns the delay ngx_http_limit_req_account imposes for {@code excess}, in ms:
     * <pre>
     *   if ((ngx_uint_t) excess &lt;= limits[n].delay) { continue; }   -- no delay
     *   delay = (excess - limits[n].delay) * 1000 / ctx->rate;
     * </pre>
     */
    long delayMs(long excess) {
        return excess <= delay ? 0 : (excess - delay) * 1000 / rate;
    }

    /** Returns the requests that would pass now, when the next one alone would reach {@code next} excess. */
    long remaining(long next) {
        return next > burst ? 0 : (burst - next) / 1000 + 1;
    }

    /** Returns when a request of {@code cost} passes: once {@code rate * ms / 1000 >= excess + 1000 * cost - burst}. */
    private long retryAfter(long[] state, long now, long cost, long nowMicros) {
        long need = state[0] + 1000 * cost - burst;
        long at = state[1] + Arith.ceilDiv(need * 1000, rate);
        return Math.max(1, at * 1000 - nowMicros);
    }

    /** Returns how long until the node decides as a new one: drained by one request more than its excess. */
    long resetAfter(long[] state, long nowMicros) {
        if (state == null) {
            return 0;
        }
        long at = state[1] + Arith.ceilDiv((state[0] + 1000) * 1000, rate);
        return Math.max(0, at * 1000 - nowMicros);
    }

    /**
     * Returns {@code [rate, burst, min(delay, burst), consumeRejected ? 1 : 0]}: an admitted excess
     * never exceeds the burst, so a delay threshold above it ({@code nodelay}) acts as the burst.
     */
    @Override
    public long[] parameters() {
        return new long[] {rate, burst, Math.min(delay, burst), consumeRejected ? 1 : 0};
    }

    @Override
    public boolean isIdle(long[] state, long nowMicros) {
        long ms = Math.floorDiv(nowMicros, 1000) - state[1];
        return ms >= 0 && rate * Math.min(ms, Arith.ceilDiv((state[0] + 1000) * 1000, rate)) / 1000 >= state[0] + 1000;
    }

    private static long elapsedMs(long[] state, long now) {
        long ms = now - state[1];
        if (ms < -60000) {
            ms = 1;
        } else if (ms < 0) {
            ms = 0;
        }
        return ms;
    }
}
