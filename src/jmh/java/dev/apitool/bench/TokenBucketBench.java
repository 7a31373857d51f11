package dev.apitool.bench;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * apitool's token bucket (through {@link Limiter} and {@link MemoryStore}, as {@code ratelimit
 * simulate} and a server use it) against Bucket4j's local bucket with the same capacity and
 * greedy (continuous) refill, single-threaded, both on the same virtual clock: every operation
 * advances time by 1 µs, passed to apitool as {@code nowMicros} and to Bucket4j through a custom
 * {@link TimeMeter}. The rate is half the arrival rate, so after the first burst about half of the
 * requests are refused and both the admit and the refuse path run.
 *
 * <ul>
 *   <li>one key: capacity 100, 500 000 tokens/s, every request on the same key;
 *   <li>1,000 keys: capacity 100, 500 tokens/s per key, keys drawn uniformly (a fixed seeded
 *       sequence, the same for both), one map lookup per request: apitool's {@link MemoryStore}
 *       creates a key's state on first use, the Bucket4j peer a {@link ConcurrentHashMap} with
 *       {@code computeIfAbsent}, the usual way to keep a bucket per client.
 * </ul>
 * Bucket4j runs with its default {@code LOCK_FREE} synchronization (thread-safe, as {@link MemoryStore}
 * is). {@code tryConsume} answers only yes/no; {@code tryConsumeAndReturnRemaining} also returns the
 * remaining tokens and the wait, as apitool's {@link Decision} does, and is the like-for-like peer.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenBucketBench {

    static final int CAPACITY = 100;
    static final int KEYS = 1000;

    /** A clock the benchmark moves: nanoseconds of virtual time. */
    static final class VirtualClock implements TimeMeter {
        long nanos;

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    static Bucket bucket4j(long tokensPerSecond, TimeMeter clock) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(CAPACITY).refillGreedy(tokensPerSecond, Duration.ofSeconds(1)).build())
                .withCustomTimePrecision(clock)
                .build();
    }

    /** A fixed, seeded sequence of key indices, the same for every contender. */
    static int[] keyOrder() {
        int[] order = new int[1 << 16];
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < order.length; i++) {
            order[i] = r.nextInt(KEYS);
        }
        return order;
    }

    static String[] keyNames() {
        String[] names = new String[KEYS];
        for (int i = 0; i < KEYS; i++) {
            names[i] = "user_" + (i + 1);
        }
        return names;
    }

    @State(Scope.Thread)
    public static class OneKey {
        Limiter apitool;
        Bucket bucket;
        VirtualClock clock;
        long nowMicros;

        @Setup
        public void setup() {
            apitool = Limiter.of(Registry.parse("token-bucket:capacity=" + CAPACITY + ",rate=500000/s"), new MemoryStore());
            clock = new VirtualClock();
            bucket = bucket4j(500_000, clock);
            nowMicros = 0;
        }
    }

    @State(Scope.Thread)
    public static class ManyKeys {
        Limiter apitool;
        ConcurrentHashMap<String, Bucket> buckets;
        Function<String, Bucket> newBucket;
        VirtualClock clock;
        String[] names;
        int[] order;
        int next;
        long nowMicros;

        @Setup
        public void setup() {
            apitool = Limiter.of(Registry.parse("token-bucket:capacity=" + CAPACITY + ",rate=500/s"), new MemoryStore());
            clock = new VirtualClock();
            VirtualClock c = clock;
            buckets = new ConcurrentHashMap<>();
            newBucket = k -> bucket4j(500, c);
            names = keyNames();
            order = keyOrder();
            next = 0;
            nowMicros = 0;
        }

        String nextKey() {
            return names[order[next++ & (order.length - 1)]];
        }
    }

    @Benchmark
    public Decision apitoolOneKey(OneKey s) {
        return s.apitool.decide("user_1", 1, ++s.nowMicros, 0);
    }

    @Benchmark
    public boolean bucket4jOneKeyTryConsume(OneKey s) {
        s.clock.nanos += 1000;
        return s.bucket.tryConsume(1);
    }

    @Benchmark
    public ConsumptionProbe bucket4jOneKeyProbe(OneKey s) {
        s.clock.nanos += 1000;
        return s.bucket.tryConsumeAndReturnRemaining(1);
    }

    @Benchmark
    public Decision apitool1000Keys(ManyKeys s) {
        return s.apitool.decide(s.nextKey(), 1, ++s.nowMicros, 0);
    }

    @Benchmark
    public boolean bucket4j1000KeysTryConsume(ManyKeys s) {
        s.clock.nanos += 1000;
        return s.buckets.computeIfAbsent(s.nextKey(), s.newBucket).tryConsume(1);
    }

    @Benchmark
    public ConsumptionProbe bucket4j1000KeysProbe(ManyKeys s) {
        s.clock.nanos += 1000;
        return s.buckets.computeIfAbsent(s.nextKey(), s.newBucket).tryConsumeAndReturnRemaining(1);
    }
}
