package dev.apitool.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.HttpResponse;
import dev.apitool.core.ratelimit.RedisServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard over real HTTP: 50 concurrent POSTs with one key against a counting handler that
 * takes 100 ms, on the memory store and on a real redis-server. The handler runs exactly once;
 * every other call gets the replay or 409; no call gets a different successful body.
 */
class IdempotencyGuardHttpTest {

    private static RedisServer redisServer;

    @BeforeAll
    static void startRedis() throws Exception {
        redisServer = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redisServer != null) {
            redisServer.close();
        }
    }

    static Stream<String> stores() {
        return Stream.of("memory", "redis");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void fiftyConcurrentCallsOneKey_handlerRunsOnce(String storeName) throws Exception {
        IdempotencyStore store = storeName.equals("memory") ? new MemoryIdempotencyStore()
                : RedisIdempotencyStore.connect(redisServer.uri(), "test:http:" + System.nanoTime() + ":", Duration.ofMinutes(5));
        try (store;
                CountingApi api = new CountingApi(new IdempotencyGuard(IdempotencySettings.builder(store).build()), 100);
                HttpClient client = new HttpClient(HttpClientOptions.builder().maxConnectionsPerOrigin(50).build())) {
            HttpRequest charge = HttpRequest.of("POST", URI.create(api.url("/charges")))
                    .withHeader(IdempotencyKey.HEADER, "\"order-42\"").withBody("{\"amount\":99.99}");
            List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(client.send(charge));
            }
            int conflicts = 0;
            int replays = 0;
            Set<String> successBodies = new HashSet<>();
            for (CompletableFuture<HttpResponse> c : calls) {
                HttpResponse r = c.get();
                if (r.status() == 409) {
                    conflicts++;
                    assertThat(r.header("Content-Type")).isEqualTo("application/problem+json");
                } else {
                    assertThat(r.status()).isEqualTo(201);
                    successBodies.add(r.bodyText());
                    replays += "true".equals(r.header(IdempotencyKey.REPLAYED_HEADER)) ? 1 : 0;
                }
            }
            assertThat(api.runs).hasValue(1);
            assertThat(successBodies).containsExactly("{\"count\":1}");
            assertThat(conflicts + replays).isEqualTo(49);
            assertThat(conflicts).as("calls that came while the first ran").isPositive();
            HttpResponse after = client.send(charge).get();
            assertThat(after.header(IdempotencyKey.REPLAYED_HEADER)).isEqualTo("true");
            assertThat(after.bodyText()).isEqualTo("{\"count\":1}");
        }
    }
}
