package dev.apitool.core.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratorTest {

    private static List<Request> all(Generator.Settings s) {
        List<Request> out = new ArrayList<>();
        Generator g = new Generator(s);
        for (Request r; (r = g.next()) != null;) {
            out.add(r);
        }
        return out;
    }

    private static Generator.Settings settings(Generator.Shape shape, long amount, long periodMicros, long durationMicros,
                                               int keys, double zipf, long seed) {
        return new Generator.Settings("test", shape, amount, periodMicros, durationMicros, keys, zipf, seed, 1, 0);
    }

    @Test
    void parse_outputBeyondTheLimit_isRefusedBeforeAnythingIsMade_unlessTheLimitIsRaised() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.parse("constant:rate=1000000000/s,duration=1000d"))
                .isInstanceOf(dev.apitool.core.io.InputException.class)
                .hasMessageContaining("more than the limit of 10000000").hasMessageContaining("--max-events");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.parse("burst:size=20,every=1ms,duration=1d"))
                .hasMessageContaining("more than the limit");
        assertThat(Generators.parse("constant:rate=1000/s,duration=2h", 10_000_000)).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Generators.parse("constant:rate=1000/s,duration=2h", 1_000_000))
                .hasMessageContaining("about 7200000 requests, more than the limit of 1000000");
    }

    @Test
    void constant_placesRequestKAtExactlyKOverRate_withoutDrift() {
        List<Request> rs = all(settings(Generator.Shape.CONSTANT, 3, 1_000_000, 10_000_000, 1, 0, 1));
        assertThat(rs).hasSize(30);
        assertThat(rs.get(1).atMicros()).isEqualTo(333_333);
        assertThat(rs.get(2).atMicros()).isEqualTo(666_666);
        assertThat(rs.get(3).atMicros()).isEqualTo(1_000_000);
        assertThat(rs.get(29).atMicros()).isEqualTo(9_666_666);
        assertThat(rs).extracting(Request::index).startsWith(1L, 2L, 3L);
    }

    @Test
    void burst_sendsSizeRequestsAtOnceEveryPeriod() {
        List<Request> rs = all(settings(Generator.Shape.BURST, 20, 10_000_000, 60_000_000, 1, 0, 1));
        assertThat(rs).hasSize(120);
        assertThat(rs.get(19).atMicros()).isZero();
        assertThat(rs.get(20).atMicros()).isEqualTo(10_000_000);
        assertThat(rs.get(119).atMicros()).isEqualTo(50_000_000);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void poisson_meanRateIsTheRate_andTheSameSeedRepeats(long seed) {
        Generator.Settings s = settings(Generator.Shape.POISSON, 50, 1_000_000, 200_000_000, 10, 0, seed);
        List<Request> rs = all(s);
        // 10,000 expected arrivals; a Poisson count has sd 100, so 4 sd is 400
        assertThat(rs.size()).as("seed %d", seed).isBetween(9_600, 10_400);
        assertThat(all(s)).as("seed %d reproduces", seed).isEqualTo(rs);
        for (int i = 1; i < rs.size(); i++) {
            assertThat(rs.get(i).atMicros()).isGreaterThanOrEqualTo(rs.get(i - 1).atMicros());
        }
    }

    @Test
    void zipfKeys_rankOneIsTheHeaviest_uniformKeysAreEven() {
        Map<String, Integer> zipf = counts(all(settings(Generator.Shape.CONSTANT, 1000, 1_000_000, 20_000_000, 100, 1.0, 7)));
        Map<String, Integer> uniform = counts(all(settings(Generator.Shape.CONSTANT, 1000, 1_000_000, 20_000_000, 100, 0, 7)));
        // Zipf s=1 over 100 keys: P(rank 1) = 1/H(100) = 0.193, P(rank 2) = 0.096
        assertThat(zipf.get("user_1")).isBetween(3_500, 4_200);
        assertThat(zipf.get("user_1")).isGreaterThan(zipf.get("user_2")).isGreaterThan(zipf.get("user_10"));
        assertThat(uniform.values()).allSatisfy(c -> assertThat(c).isBetween(120, 290));
        assertThat(uniform).hasSize(100);
    }

    @Test
    void exactTime_pastTwoToThe63_staysExact() {
        assertThat(Generator.exactTime(Long.MAX_VALUE / 2, 4, 8)).isEqualTo(Long.MAX_VALUE / 4);
    }

    private static Map<String, Integer> counts(List<Request> rs) {
        Map<String, Integer> m = new HashMap<>();
        for (Request r : rs) {
            m.merge(r.key(), 1, Integer::sum);
        }
        return m;
    }
}
