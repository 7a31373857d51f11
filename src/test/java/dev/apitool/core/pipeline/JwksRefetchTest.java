package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jwt-auth} with a {@code jwks:} key set served by a real local HTTP server whose keys
 * rotate: fetched once at build, refetched on an unknown kid, at most once per 30 s of the
 * pipeline's (virtual) monotonic clock.
 */
class JwksRefetchTest {

    private static final String K1 = "first-secret-first-secret-first-1";
    private static final String K2 = "second-secret-second-secret-sec-2";

    @TempDir
    Path dir;

    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer keyServer;
    private Pipeline pipeline;
    private TestEnv env;

    @BeforeEach
    void start() {
        jwks.set(set("k1", K1));
        keyServer = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(r -> {
            fetches.incrementAndGet();
            return new ServerResponse(200, Headers.of("Content-Type", "application/json"),
                    jwks.get().getBytes(StandardCharsets.UTF_8), null, null);
        }));
        env = new TestEnv(dir, null);
        pipeline = Pipeline.load(TestEnv.utf8("""
                apiVersion: apitool/v1
                services:
                  idp: {type: keys, jwks: "%s"}
                middleware:
                  - {type: jwt-auth, keys: idp}
                routes:
                  - {method: GET, path: /, name: root, handler: {type: static, body: ok}}
                """.formatted(keyServer.uri("/jwks.json"))), "t.yaml", env.env, new ArrayList<>());
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        keyServer.close();
    }

    private static String set(String kid, String secret) {
        String k = Base64.getUrlEncoder().withoutPadding().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        return "{\"keys\":[{\"kty\":\"oct\",\"alg\":\"HS256\",\"kid\":\"" + kid + "\",\"k\":\"" + k + "\"}]}";
    }

    private int status(String kid, String secret) {
        String token = Tokens.hs256(secret, "alice", Instant.now(), 600, kid);
        return Runner.run(pipeline, Runner.request("GET", "/", Headers.of("Authorization", "Bearer " + token), new byte[0]),
                false, Duration.ofSeconds(10)).response().status();
    }

    @Test
    void jwks_rotatedKey_isRefetchedOnUnknownKidAtMostOncePer30s() {
        assertThat(status("k1", K1)).isEqualTo(200);
        assertThat(fetches).hasValue(1);

        jwks.set(set("k2", K2));
        env.nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(status("k2", K2)).as("10 s after the build's fetch: no refetch yet").isEqualTo(401);
        assertThat(fetches).hasValue(1);
        assertThat(status("k1", K1)).as("the old key still verifies until a refetch").isEqualTo(200);

        env.nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(status("k2", K2)).as("30 s after: the unknown kid refetches the rotated set").isEqualTo(200);
        assertThat(fetches).hasValue(2);
        assertThat(status("k1", K1)).as("the rotated-out key no longer verifies").isEqualTo(401);
        assertThat(status("made-up", K2)).isEqualTo(401);
        assertThat(status("made-up-too", K2)).isEqualTo(401);
        assertThat(fetches).as("unknown kids within 30 s of a fetch do not reach the provider").hasValue(2);
    }

    @Test
    void jwks_failedRefetch_keepsTheKeysItHad() {
        keyServer.close();
        env.nanos.addAndGet(Duration.ofSeconds(31).toNanos());

        assertThat(status("k2", K2)).isEqualTo(401);
        assertThat(status("k1", K1)).isEqualTo(200);
    }
}
