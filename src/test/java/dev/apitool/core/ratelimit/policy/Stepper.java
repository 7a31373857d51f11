package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.Transition;
import java.util.HashMap;
import java.util.Map;

/** Drives a policy's pure transitions directly, one state per key, for hand-computed tests. */
final class Stepper {

    static final long MS = 1_000;
    static final long SECOND = 1_000_000;

    final Policy policy;
    final Map<String, long[]> states = new HashMap<>();

    Stepper(Policy policy) {
        this.policy = policy;
    }

    static Stepper of(String spec) {
        return new Stepper(Registry.parse(spec));
    }

    Decision at(long nowMicros) {
        return at(nowMicros, 1);
    }

    Decision at(long nowMicros, long cost) {
        return at("k", nowMicros, cost, Limiter.UNTIL_RELEASED);
    }

    Decision at(String key, long nowMicros, long cost, long holdMicros) {
        long[] before = states.get(key);
        long[] copy = before == null ? null : before.clone();
        Transition t = policy.apply(before, nowMicros, cost, holdMicros);
        if (before != null && !java.util.Arrays.equals(before, copy)) {
            throw new AssertionError("apply modified the state passed in");
        }
        states.put(key, t.state());
        return t.decision();
    }

    long[] state() {
        return states.get("k");
    }
}
