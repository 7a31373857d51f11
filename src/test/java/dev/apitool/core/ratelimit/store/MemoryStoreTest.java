package dev.apitool.core.ratelimit.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.Decision;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.Outcome;
import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.policy.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class MemoryStoreTest {

    private static final long SECOND = 1_000_000;

    @RepeatedTest(5)
    void eightThreadsOnOneKey_bucketThatDoesNotRefillMeanwhile_admitExactlyTheCapacity() throws Exception {
        raceAdmits("token-bucket:capacity=1000,rate=1/d", 1000);
    }

    @RepeatedTest(3)
    void eightThreadsOnOneKey_otherPolicies_neverAdmitMoreThanTheirLimit() throws Exception {
        raceAdmits("fixed-window:limit=700,window=1d", 700);
        raceAdmits("sliding-log:limit=300,window=1d", 300);
        raceAdmits("gcra:rate=1/d,burst=499", 500);
        raceAdmits("concurrency:max=64", 64);
    }

    /** 8 threads each ask 500 times at once on one key; returns after checking exactly {@code expected} got through. */
    private static void raceAdmits(String spec, int expected) throws Exception {
        MemoryStore store = new MemoryStore();
        Limiter limiter = Limiter.of(Registry.parse(spec), store);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    int admitted = 0;
                    for (int i = 0; i < 500; i++) {
                        admitted += limiter.decide("one-key", 1, i).admitted() ? 1 : 0;
                    }
                    return admitted;
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : results) {
                total += f.get(30, TimeUnit.SECONDS);
            }
            assertThat(total).as(spec).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sweep_dropsOnlyKeysThatHaveFullyRecovered() {
        MemoryStore store = new MemoryStore();
        Limiter l = Limiter.of(Registry.parse("token-bucket:capacity=2,rate=1/s"), store);
        l.decide("recovered", 1, 0);
        l.decide("draining", 2, SECOND / 2);
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.sweep(SECOND)).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
        // the one kept still remembers it is half full
        assertThat(l.decide("draining", 2, SECOND).outcome()).isEqualTo(Outcome.LIMITED);
    }

    @Test
    void boundedStore_manyKeysOverTime_staysWithinTheBoundAndDecidesAsAnUnboundedOne() {
        Policy p = Registry.parse("token-bucket:capacity=3,rate=1/s");
        MemoryStore small = new MemoryStore(100);
        MemoryStore large = new MemoryStore();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            // 100 ms apart: a key recovers 3 s after its last request, so at most 30 are not recovered
            long now = i * 100_000L;
            String key = "k" + random.nextInt(1000);
            long cost = 1 + random.nextInt(3);
            Decision a = small.decide(p, key, cost, now, 0);
            Decision b = large.decide(p, key, cost, now, 0);
            assertThat(a).as("request %d on %s", i, key).isEqualTo(b);
            assertThat(small.size()).isLessThanOrEqualTo(100);
        }
        assertThat(large.size()).isEqualTo(1000);
    }

    @Test
    void boundedStore_nothingRecovered_forgetsTheLeastRecentlyUsed() {
        Limiter l = Limiter.of(Registry.parse("token-bucket:capacity=1,rate=1/d"), new MemoryStore(8));
        for (int i = 0; i < 20; i++) {
            l.decide("k" + i, 1, i);
        }
        // the most recent keys are remembered (empty); the oldest were forgotten (full again)
        assertThat(l.decide("k19", 1, 100).outcome()).isEqualTo(Outcome.LIMITED);
        assertThat(l.decide("k0", 1, 100).outcome()).isEqualTo(Outcome.ALLOWED);
    }

    @Test
    void twoPolicies_oneStore_keepSeparateState() {
        MemoryStore store = new MemoryStore();
        Limiter a = Limiter.of(Registry.parse("token-bucket:capacity=1,rate=1/s"), store);
        Limiter b = Limiter.of(Registry.parse("token-bucket:capacity=1,rate=1/s,name=other"), store);
        assertThat(a.decide("k", 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(b.decide("k", 1, 0).outcome()).isEqualTo(Outcome.ALLOWED);
        assertThat(a.decide("k", 1, 0).outcome()).isEqualTo(Outcome.LIMITED);
    }
}
