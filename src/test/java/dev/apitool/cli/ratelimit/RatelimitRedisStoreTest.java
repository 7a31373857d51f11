package dev.apitool.cli.ratelimit;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static dev.apitool.cli.ratelimit.Traces.SEED;
import static dev.apitool.cli.ratelimit.Traces.SEED_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.core.ratelimit.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ratelimit simulate --store redis://…} against a real redis-server on an ephemeral
 * loopback port (skipped where redis-server is missing, failing under CI=true): every policy's
 * trace is byte for byte the one {@code --store memory} prints.
 */
class RatelimitRedisStoreTest {

    private static RedisServer redis;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (redis != null) {
            redis.close();
        }
    }

    private static final String[] ALL_POLICIES = {
        "--policy", "token-bucket:capacity=3,rate=5/s",
        "--policy", "gcra:rate=10/s,burst=2",
        "--policy", "nginx:rate=10r/s,burst=2",
        "--policy", "nginx:rate=6r/s,burst=4,delay=2,name=edge",
        "--policy", "nginx:rate=30r/m,burst=1,nodelay,consume-rejected=true",
        "--policy", "fixed-window:limit=3,window=500ms",
        "--policy", "sliding-log:limit=4,window=1s",
        "--policy", "sliding-window:limit=5,window=1s",
        "--policy", "concurrency:max=2",
    };

    static Stream<Arguments> traffic() {
        return Stream.of(
                Arguments.of((Object) new String[] {"--script", SEED, "--policy", SEED_POLICY}),
                Arguments.of((Object) new String[] {"--generate", "poisson:rate=20/s,duration=3s,keys=5,dist=zipf,seed=9,dur=35ms,cost=2"}),
                Arguments.of((Object) new String[] {"--generate", "burst:size=12,every=700ms,duration=3s,keys=3,seed=4,dur=120ms"}),
                Arguments.of((Object) new String[] {"--generate", "constant:rate=17/s,duration=2s,keys=2,seed=1"}));
    }

    @ParameterizedTest
    @MethodSource("traffic")
    void redisStore_traceIsByteIdenticalToMemory_inJsonAndText(String[] source) {
        Cli cli = Cli.in(dir);
        for (String[] output : List.of(new String[] {"--trace", "--output", "json"}, new String[] {"--trace"}, new String[] {"--output", "json"})) {
            CommandResult memory = cli.run(args(source, output, "--store", "memory"));
            CommandResult onRedis = cli.run(args(source, output, "--store", redis.uri()));
            assertThat(memory).succeeded();
            assertThat(onRedis).succeeded().errIsEmpty();
            assertThat(onRedis.out()).isEqualTo(memory.out());
        }
        CommandResult trace = cli.run(args(source, new String[] {"--trace", "--output", "json"}, "--store", redis.uri()));
        assertThat(Traces.decisions(Traces.lines(trace.out()))).contains("allowed", "limited");
    }

    @Test
    void redisStore_runsDoNotSeeEachOthersState() {
        Cli cli = Cli.in(dir);
        String[] args = args(new String[] {"--script", SEED, "--policy", SEED_POLICY}, new String[] {"--trace", "--output", "json"},
                "--store", redis.uri());
        String first = cli.run(args).out();
        assertThat(cli.run(args).out()).isEqualTo(first);
        assertThat(Traces.decisions(Traces.lines(first)))
                .containsExactly("allowed", "allowed", "allowed", "allowed", "allowed", "limited", "allowed");
    }

    private static String[] args(String[] source, String[] output, String... store) {
        List<String> all = new ArrayList<>(List.of("ratelimit", "simulate"));
        boolean hasPolicy = List.of(source).contains("--policy");
        all.addAll(List.of(source));
        if (!hasPolicy) {
            all.addAll(List.of(ALL_POLICIES));
        }
        all.addAll(List.of(output));
        all.addAll(List.of(store));
        return all.toArray(String[]::new);
    }
}
