package dev.apitool.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both stores, one behaviour: the same scripted calls in virtual time (hand-written and seeded
 * random) give the same answers from {@link MemoryIdempotencyStore} and from
 * {@link RedisIdempotencyStore} on a real redis-server; 16 threads claiming one key get exactly one
 * claim on each.
 */
class IdempotencyStoreParityTest {

    private static RedisServer server;
    private static RedisIdempotencyStore redis;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        redis = RedisIdempotencyStore.connect(server.uri(), "test:idem:", Duration.ofHours(1));
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

    @BeforeEach
    void clear() {
        redis.clear();
    }

    static Stream<String> stores() {
        return Stream.of("memory", "redis");
    }

    private static IdempotencyStore store(String name) {
        return name.equals("memory") ? new MemoryIdempotencyStore() : redis;
    }

    private static final StoredResponse CHARGED = new StoredResponse(201, List.of("Content-Type", "application/json"),
            "{\"tx\":1}".getBytes());

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void lifecycle_claimInFlightMismatchReplayExpiry_sameOnEachStore(String name) {
        IdempotencyStore s = store(name);
        assertThat(s.claim("k", "fp1", "t1", 0, 1_000_000).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
        assertThat(s.claim("k", "fp1", "t2", 10, 1_000_000).outcome()).isEqualTo(Claim.Outcome.IN_FLIGHT);
        assertThat(s.claim("k", "fp2", "t2", 10, 1_000_000).outcome()).isEqualTo(Claim.Outcome.MISMATCH);
        assertThat(s.complete("k", "t2", CHARGED, 20, 5_000_000)).as("another token cannot complete").isFalse();
        assertThat(s.release("k", "t2")).isFalse();
        assertThat(s.complete("k", "t1", CHARGED, 20, 5_000_000)).isTrue();
        assertThat(s.complete("k", "t1", CHARGED, 21, 5_000_000)).as("completes once").isFalse();
        assertThat(s.release("k", "t1")).as("a finished key is not released").isFalse();
        Claim replay = s.claim("k", "fp1", "t3", 5_000_019, 1_000_000);
        assertThat(replay.outcome()).isEqualTo(Claim.Outcome.REPLAY);
        assertThat(replay.stored()).isEqualTo(CHARGED);
        assertThat(s.claim("k", "fp2", "t3", 5_000_019, 1_000_000).outcome()).isEqualTo(Claim.Outcome.MISMATCH);
        assertThat(s.claim("k", "fp2", "t3", 5_000_020, 1_000_000).outcome()).as("expired at now + ttl").isEqualTo(Claim.Outcome.CLAIMED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void lapsedLease_letsAnotherClaim_andTheOldTokenCannotComplete(String name) {
        IdempotencyStore s = store(name);
        s.claim("k", "fp", "old", 0, 100);
        assertThat(s.claim("k", "fp", "new", 99, 100).outcome()).isEqualTo(Claim.Outcome.IN_FLIGHT);
        assertThat(s.claim("k", "fp", "new", 100, 100).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
        assertThat(s.complete("k", "old", CHARGED, 150, 1000)).isFalse();
        assertThat(s.release("k", "new")).isTrue();
        assertThat(s.claim("k", "other", "third", 150, 100).outcome()).isEqualTo(Claim.Outcome.CLAIMED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void sixteenThreadsOneKey_exactlyOneClaims(String name) throws Exception {
        IdempotencyStore s = store(name);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Claim.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = "t" + i;
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return s.claim("race", "fp", token, 0, 1_000_000).outcome();
                }));
            }
            go.countDown();
            int claimed = 0;
            for (Future<Claim.Outcome> f : outcomes) {
                Claim.Outcome o = f.get(10, TimeUnit.SECONDS);
                claimed += o == Claim.Outcome.CLAIMED ? 1 : 0;
                assertThat(o).isIn(Claim.Outcome.CLAIMED, Claim.Outcome.IN_FLIGHT);
            }
            assertThat(claimed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 30).map(i -> 0x5eedL * 31 + i).boxed();
    }

    /** A seeded random script of claims, completions and releases over a few keys decides identically on both. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomScripts_decideIdenticallyOnBothStores(long seed) {
        redis.clear();
        List<String> memory = runScript(seed, new MemoryIdempotencyStore());
        List<String> shared = runScript(seed, redis);
        assertThat(shared).as("seed %d", seed).isEqualTo(memory);
    }

    private static List<String> runScript(long seed, IdempotencyStore s) {
        Random r = new Random(seed);
        long now = 1_733_000_000_000_000L + r.nextInt(1_000_000); // epoch microseconds, as a live guard passes
        List<String> answers = new ArrayList<>();
        List<String[]> claims = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            now += r.nextInt(3) == 0 ? 0 : r.nextInt(400);
            String key = "k" + r.nextInt(4);
            int op = r.nextInt(10);
            if (op < 5 || claims.isEmpty()) {
                String token = "t" + i;
                Claim c = s.claim(key, "fp" + r.nextInt(2), token, now, 1 + r.nextInt(1000));
                answers.add(i + " claim " + key + " " + c.outcome() + (c.stored() == null ? "" : " " + c.stored()));
                if (c.outcome() == Claim.Outcome.CLAIMED) {
                    claims.add(new String[] {key, token});
                }
            } else {
                String[] c = claims.get(r.nextInt(claims.size()));
                if (op < 9) {
                    StoredResponse resp = new StoredResponse(200 + r.nextInt(300), List.of("X-Run", Integer.toString(i)),
                            ("body " + i).getBytes());
                    answers.add(i + " complete " + c[0] + " " + s.complete(c[0], c[1], resp, now, 1 + r.nextInt(2000)));
                } else {
                    answers.add(i + " release " + c[0] + " " + s.release(c[0], c[1]));
                }
            }
        }
        return answers;
    }

    @Test
    void memoryStore_whenFull_dropsExpiredFirstThenLeastRecentlyUsed() {
        MemoryIdempotencyStore s = new MemoryIdempotencyStore(3);
        s.claim("a", "fp", "ta", 0, 1_000);
        s.claim("b", "fp", "tb", 0, 100);
        s.claim("c", "fp", "tc", 0, 1_000);
        s.claim("d", "fp", "td", 200, 1_000); // b's lease lapsed: b goes, not a
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.claim("a", "fp", "x", 201, 1_000).outcome()).isEqualTo(Claim.Outcome.IN_FLIGHT);
        s.claim("e", "fp", "te", 202, 1_000); // nothing expired: c is least recently used (a was just read)
        assertThat(s.claim("a", "fp", "x", 203, 1_000).outcome()).isEqualTo(Claim.Outcome.IN_FLIGHT);
        assertThat(s.claim("c", "fp", "x", 204, 1_000).outcome()).as("c was evicted").isEqualTo(Claim.Outcome.CLAIMED);
        assertThat(s.evictions()).isEqualTo(3);
        assertThat(s.size()).isEqualTo(3);
    }

    @Test
    void storedResponse_encodeDecode_roundTripsBinaryBodies() {
        byte[] body = new byte[256];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) i;
        }
        StoredResponse r = new StoredResponse(500, List.of("X-A", "é ü", "X-B", ""), body);
        assertThat(StoredResponse.decode(r.encode())).isEqualTo(r);
        assertThat(StoredResponse.decode(new StoredResponse(204, List.of(), new byte[0]).encode()).body()).isEmpty();
    }
}
