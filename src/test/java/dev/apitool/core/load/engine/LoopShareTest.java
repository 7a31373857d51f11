package dev.apitool.core.load.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.Spec;
import java.net.URI;
import java.time.Duration;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each loop's share of connections, {@code -n} and the warm-up: the loops' shares add up to the run's totals exactly. */
class LoopShareTest {

    private static final URI URL = URI.create("http://127.0.0.1:9/");

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void closedModel_sharesAddUpToTheTotals_inConsecutiveBlocks(long seed) {
        Random rnd = new Random(seed);
        int connections = 1 + rnd.nextInt(40);
        int loops = 1 + rnd.nextInt(Math.min(connections, 8));
        long n = 1 + rnd.nextInt(10_000);
        long warmup = n * 5 / 100;
        LoadSpec spec = Spec.to(URL).connections(connections).threads(loops).requests(n).build();
        long conns = 0, requests = 0, warm = 0, next = 0;
        for (int i = 0; i < loops; i++) {
            LoopShare s = LoopShare.of(spec, i, loops, warmup);
            assertThat(s.connections()).as("seed %d loop %d", seed, i).isBetween(connections / loops, connections / loops + 1);
            assertThat(s.maxConnections()).isEqualTo(s.connections());
            assertThat(s.firstRequest()).as("seed %d: loop %d starts where the last one's block ends", seed, i).isEqualTo(next);
            assertThat(s.stride()).isEqualTo(1);
            conns += s.connections();
            requests += s.quota();
            warm += s.warmupCount();
            next += s.quota();
        }
        assertThat(conns).isEqualTo(connections);
        assertThat(requests).as("seed %d", seed).isEqualTo(n);
        assertThat(warm).as("seed %d", seed).isEqualTo(warmup);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void openModel_eachLoopOwnsEveryLoopsthRequest_quotasAddUpToN(long seed) {
        Random rnd = new Random(seed);
        int loops = 1 + rnd.nextInt(8);
        long n = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(1_000);
        int inFlight = 1 + rnd.nextInt(300);
        LoadSpec spec = Spec.to(URL).connections(Math.max(1, loops - 1)).rate("100/s").maxInFlight(inFlight)
                .threads(loops).requests(n).duration(n == 0 ? Duration.ofSeconds(1) : null).build();
        long quotas = 0;
        int max = 0;
        for (int i = 0; i < loops; i++) {
            LoopShare s = LoopShare.of(spec, i, loops, 7);
            assertThat(s.firstRequest()).isEqualTo(i);
            assertThat(s.stride()).isEqualTo(loops);
            assertThat(s.warmupCount()).isEqualTo(7); // compared with global request numbers
            assertThat(s.maxConnections()).isGreaterThanOrEqualTo(s.connections());
            max += s.maxConnections();
            quotas = n == 0 ? s.quota() : quotas + s.quota();
        }
        assertThat(quotas).as("seed %d", seed).isEqualTo(n == 0 ? Long.MAX_VALUE : n);
        assertThat(max).isGreaterThanOrEqualTo(inFlight);
    }
}
