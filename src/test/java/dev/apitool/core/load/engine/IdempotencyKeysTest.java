package dev.apitool.core.load.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeysTest {

    private static String key(long runBits, int loop, long counter) {
        byte[] tail = new byte[12];
        IdempotencyKeys.tail(tail, counter);
        return new String(IdempotencyKeys.head(runBits, loop), StandardCharsets.US_ASCII) + new String(tail, StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void keys_areVersion8Uuids_carryingLoopAndCounter_distinctAcrossBoth(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long runBits = random.nextLong();
        Set<String> seen = new HashSet<>();
        for (int loop : new int[] {0, 1, 2, IdempotencyKeys.MAX_LOOPS - 1}) {
            for (long counter : new long[] {0, 1, 15, 16, 0xffff_ffff_ffffL, random.nextLong() & 0xffff_ffff_ffffL}) {
                String k = key(runBits, loop, counter);
                assertThat(k).hasSize(IdempotencyKeys.LENGTH);
                UUID u = UUID.fromString(k);
                assertThat(u.toString()).isEqualTo(k);
                assertThat(u.version()).isEqualTo(8);
                assertThat(u.variant()).isEqualTo(2);
                assertThat(u.getLeastSignificantBits() & 0xffff_ffff_ffffL).isEqualTo(counter);
                assertThat((int) (u.getLeastSignificantBits() >>> 48) & 0x3fff).isEqualTo(loop);
                assertThat(seen.add(k)).as(k).isTrue();
            }
        }
        assertThat(key(runBits, 0, 0)).isNotEqualTo(key(runBits ^ 1, 0, 0));
        assertThat(IdempotencyKeys.PLACEHOLDER).hasSize(IdempotencyKeys.LENGTH);
    }

    @Test
    void loopNumbers_outOfRange_areRefused() {
        assertThatThrownBy(() -> IdempotencyKeys.head(0, IdempotencyKeys.MAX_LOOPS)).isInstanceOf(IllegalArgumentException.class);
    }
}
