package dev.apitool.bench;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.Transition;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure transition {@link Policy#apply} of each algorithm, without a store: one key whose state
 * the benchmark holds, time advancing 1 µs per request, each request running 200 µs (only the
 * concurrency policy reads it). Every policy is set to admit about half of a 1/µs arrival rate
 * (nginx: its millisecond clock admits ~500 per ms), so the admit and refuse paths both run; the
 * sliding log and the concurrency limit then carry ~100 entries of state, which they copy per request.
 * {@link #decide} runs the same requests on one key through {@link Limiter} and {@link MemoryStore}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class PolicyBench {

    static final long HOLD_MICROS = 200;

    /** The policy of each algorithm (a JMH parameter value cannot hold the commas of a policy string). */
    static final Map<String, String> SPECS = Map.of(
            "token-bucket", "token-bucket:capacity=100,rate=500000/s",
            "gcra", "gcra:rate=500000/s,burst=100",
            "nginx", "nginx:rate=500000r/s,burst=1000,nodelay",
            "fixed-window", "fixed-window:limit=100,window=200us",
            "sliding-log", "sliding-log:limit=100,window=200us",
            "sliding-window", "sliding-window:limit=100,window=200us",
            "concurrency", "concurrency:max=100");

    @Param({"token-bucket", "gcra", "nginx", "fixed-window", "sliding-log", "sliding-window", "concurrency"})
    public String algorithm;

    Policy p;
    long[] state;
    long nowMicros;
    Limiter limiter;

    @Setup
    public void setup() {
        p = Registry.parse(SPECS.get(algorithm));
        state = null;
        nowMicros = 0;
        limiter = Limiter.of(p, new MemoryStore());
    }

    @Benchmark
    public Decision apply() {
        Transition t = p.apply(state, ++nowMicros, 1, HOLD_MICROS);
        state = t.state();
        return t.decision();
    }

    /** The same requests through {@link Limiter} and {@link MemoryStore}: the difference to {@link #apply} is the store's cost. */
    @Benchmark
    public Decision decide() {
        return limiter.decide("user_1", 1, ++nowMicros, HOLD_MICROS);
    }
}
