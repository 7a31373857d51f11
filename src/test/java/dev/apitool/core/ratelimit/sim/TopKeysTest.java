package dev.apitool.core.ratelimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TopKeys}: exact under its capacity, Space-Saving's bounds beyond it, and fast with many keys. */
class TopKeysTest {

    @Test
    void fewerKeysThanCapacity_countsAreExact_largestFirst_tiesByKey() {
        TopKeys top = new TopKeys(10);
        for (String k : "b a c b a b d".split(" ")) {
            top.add(k);
        }
        assertThat(top.top(3)).containsExactly(new TopKeys.Entry("b", 3, 0), new TopKeys.Entry("a", 2, 0), new TopKeys.Entry("c", 1, 0));
        assertThat(top.top(10)).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void moreKeysThanCapacity_spaceSavingBounds_hold(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TopKeys top = new TopKeys(50);
        Map<String, Long> exact = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            // a few heavy keys and a long tail
            String key = random.nextInt(4) == 0 ? "heavy_" + random.nextInt(5) : "tail_" + random.nextInt(5_000);
            top.add(key);
            exact.merge(key, 1L, Long::sum);
        }
        List<TopKeys.Entry> all = top.top(50);
        assertThat(all).as("seed %d", seed).hasSize(50);
        for (TopKeys.Entry e : all) {
            long truth = exact.get(e.key());
            // a reported count never undercounts, and overcounts by at most its error
            assertThat(e.count()).as("seed %d, %s", seed, e).isBetween(truth, truth + e.error());
        }
        // each heavy key (about 1,000 each) is found, above every tail key
        assertThat(top.top(5)).as("seed %d", seed).extracting(TopKeys.Entry::key).allMatch(k -> k.startsWith("heavy_"));
    }

    @Test
    void aMillionDistinctKeys_stayWellUnderASecond() {
        TopKeys top = new TopKeys(10_000);
        long start = System.nanoTime();
        for (int i = 0; i < 1_000_000; i++) {
            top.add("user_" + i);
        }
        // a scan of all 10,000 counters per new key took about a minute here
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
        assertThat(top.top(1).get(0).count()).isGreaterThan(1);
    }
}
