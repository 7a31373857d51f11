package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.RandomScripts.Case;
import dev.apitool.core.ratelimit.RandomScripts.Req;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import dev.apitool.core.ratelimit.store.RedisStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy on both stores: the same scripts (every property-test script, the hand-traced
 * scenarios, and scripts on an epoch-microsecond clock with settings near the 2^53 bounds) must
 * get identical decisions from {@link MemoryStore} and from {@link RedisStore}'s Lua scripts on a
 * real redis-server; and 8 threads racing on one Redis key admit exactly the capacity.
 */
class StoreParityTest {

    private static RedisServer server;
    private static RedisStore redis;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        redis = RedisStore.connect(server.uri(), "test:", Duration.ofHours(1));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void assertSameDecisions(String what, Case c) {
        redis.clear();
        Policy policy = Registry.parse(c.spec());
        List<Decision> memory = RandomScripts.run(policy, c.script(), new MemoryStore());
        List<Decision> shared = RandomScripts.run(policy, c.script(), redis);
        for (Req q : c.script()) {
            assertThat(shared.get(q.i())).as("%s, %s, %s", what, c.spec(), q).isEqualTo(memory.get(q.i()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("dev.apitool.core.ratelimit.RandomScripts#seeds")
    void propertyScripts_everyPolicy_decideIdenticallyOnBothStores(long seed) {
        for (Case c : RandomScripts.all(seed)) {
            assertSameDecisions("seed " + seed, c);
        }
    }

    static Stream<Long> twentySeeds() {
        return RandomScripts.seeds().limit(20);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("twentySeeds")
    void epochClockNearTheBounds_everyPolicy_decidesIdenticallyOnBothStores(long seed) {
        Random r = new Random(seed);
        String[] specs = {
            "token-bucket:capacity=100000,rate=7/m",
            "token-bucket:capacity=100000,rate=999983/d,consume-rejected=true", // 8.64e15 units: just below 2^53
            "gcra:rate=999983/d,burst=50000",
            "gcra:rate=13/h,burst=1000000,consume-rejected=true",
            "nginx:rate=7r/m,burst=1000000,delay=999",
            "nginx:rate=999999r/s,burst=3",
            "fixed-window:limit=9000000000000,window=1d",
            "sliding-log:limit=100000,window=1d",
            "sliding-window:limit=100000,window=1d",
            "sliding-window:limit=3000000000,window=3s,consume-rejected=true",
            "concurrency:max=1000000"};
        for (String spec : specs) {
            long limit = Registry.parse(spec).quota().limit();
            List<Req> script = new ArrayList<>();
            long t = 1_700_000_000_000_000L + r.nextInt(Integer.MAX_VALUE);
            for (int i = 0; i < 300; i++) {
                int scale = r.nextInt(4);
                t += scale == 0 ? 0 : scale == 1 ? r.nextInt(1000) : scale == 2 ? r.nextInt(1_000_000_000) : Math.floorMod(r.nextLong(), 200_000_000_000L);
                long cost = r.nextInt(3) == 0 ? 1 + (long) (r.nextDouble() * limit) : 1;
                long hold = r.nextInt(3) == 0 ? Math.floorMod(r.nextLong(), 100_000_000_000L) : 0;
                script.add(new Req(i, t, "k" + r.nextInt(2), cost, hold));
            }
            assertSameDecisions("seed " + seed, new Case(spec, script));
        }
    }

    static Stream<Case> scenarios() {
        long s = 1_000_000;
        long ms = 1_000;
        return Stream.of(
                at("token-bucket:capacity=5,rate=2/s", 0, 0, 0, 0, 0, 0, s),
                costs("gcra:rate=1/s,burst=4", new long[] {0, 0, 0, 0, 0, 0, 0, 3000, 3100, 4000, 8000, 9500, 9500, 9500, 9500},
                        new long[] {6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 2, 5}),
                at("nginx:rate=1r/s", 0, 500 * ms, 1000 * ms, 1500 * ms, 2000 * ms),
                at("nginx:rate=1r/s,burst=3", 0, 0, 0, 0, 0, s),
                at("nginx:rate=1r/s,burst=3,nodelay", 0, 0, 0, 0, 0, s, s),
                at("nginx:rate=5r/s,burst=12,delay=8", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                at("nginx:rate=1r/m", 0, 60 * s, 62_499 * ms, 62_500 * ms),
                at("nginx:rate=1000r/s", 500, 900, 1000),
                at("nginx:rate=1r/s,burst=10,nodelay", 100 * s, 100 * s, 70 * s, 10 * s),
                at("fixed-window:limit=3,window=1s", 200 * ms, 500 * ms, 900 * ms, 950 * ms, s),
                at("fixed-window:limit=2,window=1s,align=first", 300 * ms, 400 * ms, s, 1300 * ms, 1350 * ms, 2290 * ms, 2300 * ms),
                at("sliding-log:limit=3,window=1s", 0, 100 * ms, 200 * ms, 500 * ms, s, 1050 * ms),
                at("sliding-window:limit=10,window=1s", 500 * ms, 500 * ms, 500 * ms, 500 * ms, 500 * ms, 500 * ms, 500 * ms,
                        500 * ms, 1250 * ms, 1250 * ms, 1250 * ms, 1250 * ms, 1250 * ms, 1374_999, 1375 * ms),
                new Case("concurrency:max=2", List.of(new Req(0, 0, "k", 1, s), new Req(1, 100 * ms, "k", 1, s),
                        new Req(2, 500 * ms, "k", 1, s), new Req(3, s, "k", 1, s), new Req(4, s, "k", 1, -1),
                        new Req(5, 3 * s, "k", 1, -1), new Req(6, 3 * s, "k", 1, 0))));
    }

    private static Case at(String spec, long... times) {
        List<Req> script = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            script.add(new Req(i, times[i], "k", 1, 0));
        }
        return new Case(spec, script);
    }

    private static Case costs(String spec, long[] timesMs, long[] costs) {
        List<Req> script = new ArrayList<>();
        for (int i = 0; i < timesMs.length; i++) {
            script.add(new Req(i, timesMs[i] * 1000, "k", costs[i], 0));
        }
        return new Case(spec, script);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void handTracedScenarios_decideIdenticallyOnBothStores(Case c) {
        assertSameDecisions("scenario", c);
    }

    @Test
    void concurrencyRelease_onBothStores_freesTheSlot() {
        redis.clear();
        for (StateStore store : new StateStore[] {new MemoryStore(), redis}) {
            Limiter l = Limiter.of(Registry.parse("concurrency:max=1"), store);
            assertThat(l.decide("k", 1, 0).admitted()).isTrue();
            assertThat(l.decide("k", 1, 5).retryAfterMicros()).isEqualTo(Decision.NEVER);
            l.release("k", 1, 10);
            assertThat(l.decide("k", 1, 20).admitted()).as("after release on %s", store).isTrue();
        }
    }

    @Test
    void eightThreadsOnOneRedisKey_bucketThatDoesNotRefillMeanwhile_admitExactlyTheCapacity() throws Exception {
        redis.clear();
        Limiter limiter = Limiter.of(Registry.parse("token-bucket:capacity=1000,rate=1/d"), redis);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int i = 0; i < 250; i++) {
                        admitted += limiter.decide("one-key", 1, i).admitted() ? 1 : 0;
                    }
                    return admitted;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(60, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }
}
