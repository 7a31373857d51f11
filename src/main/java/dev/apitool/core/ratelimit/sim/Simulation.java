package dev.apitool.core.ratelimit.sim;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.traffic.Request;
import dev.apitool.core.traffic.RequestSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a stream of requests through several limiters side by side, in virtual time: each request
 * is decided by every limiter at its own arrival time, and a concurrency limiter holds an admitted
 * request for its {@code dur}. Nothing is kept per request, so a script of any length streams.
 */
public final class Simulation {

    /** Sees every decision as it is made (a trace writer, a test). */
    public interface Listener {
        void onDecision(Request request, Limiter limiter, Decision decision);
    }

    /** Keys tracked per policy for the top-offender list; beyond this, counts are approximate. */
    public static final int TRACKED_KEYS = 10_000;

    /** The outcome of a run: one {@link PolicyStats} per limiter, in the order given. */
    public record Result(String source, long requests, long lastMicros, List<PolicyStats> policies) {}

    private Simulation() {}

    /** Returns the statistics of {@code source}'s requests through {@code limiters}. */
    public static Result run(RequestSource source, List<Limiter> limiters, Listener listener) {
        List<PolicyStats> stats = new ArrayList<>(limiters.size());
        for (Limiter l : limiters) {
            stats.add(new PolicyStats(l.policy().spec(), TRACKED_KEYS));
        }
        long count = 0;
        long last = 0;
        for (Request r; (r = source.next()) != null;) {
            count++;
            last = r.atMicros();
            for (int i = 0; i < limiters.size(); i++) {
                Limiter l = limiters.get(i);
                Decision d = l.decide(r.key(), r.cost(), r.atMicros(), r.durationMicros());
                stats.get(i).record(r, d);
                if (listener != null) {
                    listener.onDecision(r, l, d);
                }
            }
        }
        return new Result(source.name(), count, last, stats);
    }
}
