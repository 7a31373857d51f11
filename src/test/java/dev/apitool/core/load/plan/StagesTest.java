package dev.apitool.core.load.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.apitool.core.time.Rates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The open model's ramps: the schedule's arithmetic (seeded properties) and the parser (seeded fuzz). */
class StagesTest {

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    /** Random stages: 1 to 6, lengths 0 to 3 s (some jumps), rates 0 to 5000/s (some zero), at most ~60k requests. */
    private static Stages random(Random rnd) {
        List<Stages.Stage> list = new ArrayList<>();
        int n = 1 + rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            long millis = rnd.nextInt(5) == 0 ? 0 : 1 + rnd.nextInt(3000);
            long nanos = millis * 1_000_000L + (rnd.nextBoolean() ? 0 : rnd.nextInt(1_000_000));
            long rate = rnd.nextInt(6) == 0 ? 0 : rnd.nextInt(5001);
            long period = rnd.nextInt(4) == 0 ? 60_000_000L : 1_000_000L;
            list.add(new Stages.Stage(Duration.ofNanos(nanos), new Rates.Rate(rate * (period / 1_000_000L), period)));
        }
        return new Stages(list);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomStages_eachStageGetsItsIntegral_timesNeverDecrease_allInsideTheRun(long seed) {
        Stages stages = random(new Random(seed));
        List<Stages.Stage> list = stages.list();
        long total = stages.total().toNanos();
        long[] counts = new long[list.size()];
        long previous = 0;
        long g = 0;
        for (long at; (at = stages.offsetNanos(g)) != Schedule.NEVER; g++) {
            assertThat(at).as("request %d of %s", g, stages).isGreaterThanOrEqualTo(previous).isBetween(0L, total);
            previous = at;
            long start = 0;
            for (int i = 0; i < list.size(); i++) {
                long end = start + list.get(i).duration().toNanos();
                if (at >= start && (at < end || i == list.size() - 1)) {
                    counts[i]++;
                    break;
                }
                start = end;
            }
        }
        assertThat(g).isEqualTo(stages.planned()).isEqualTo(stages.requestsBefore(total));
        double from = 0;
        double sum = 0;
        for (int i = 0; i < list.size(); i++) {
            double to = list.get(i).targetRps();
            double integral = (from + to) / 2 * list.get(i).duration().toNanos() / 1e9;
            assertThat((double) counts[i]).as("stage %d of %s", i + 1, stages).isCloseTo(integral, within(1.0 + 1e-6));
            sum += integral;
            from = to;
        }
        assertThat((double) g).isCloseTo(sum, within(1.0 + 1e-6));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomStages_requestsBefore_countsTheOffsetsBeforeIt(long seed) {
        Random rnd = new Random(seed);
        Stages stages = random(rnd);
        long total = Math.max(1, stages.total().toNanos());
        for (int k = 0; k < 20; k++) {
            long t = (long) (rnd.nextDouble() * total);
            long before = stages.requestsBefore(t);
            // the count from the integral and the one from the inverse agree up to a request on the boundary
            long lo = 0;
            long hi = stages.planned();
            while (lo < hi) { // the first g due at or after t (offsets never decrease)
                long mid = (lo + hi) >>> 1;
                if (stages.offsetNanos(mid) < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            long exact = lo;
            assertThat(before).as("%s before %dns", stages, t).isBetween(exact - 1, exact + 1);
        }
    }

    @Test
    void aJumpThenAFlatStage_isTheConstantRate() {
        Stages stages = Stages.parse("0s:500/s,30s:500/s");
        assertThat(stages.planned()).isEqualTo(15_000);
        Schedule constant = Schedule.constant(500);
        for (long g = 0; g < 15_000; g += 7) {
            assertThat(stages.offsetNanos(g)).isCloseTo(constant.offsetNanos(g), within(1L));
        }
        assertThat(stages.offsetNanos(15_000)).isEqualTo(Schedule.NEVER);
    }

    @Test
    void aRampFromZero_followsTheSquareRoot() {
        Stages stages = Stages.parse("10s:100/s");
        assertThat(stages.planned()).isEqualTo(500);
        // n(t) = 5 t², so request g is due at sqrt(g / 5) s
        for (long g = 0; g < 500; g++) {
            assertThat(stages.offsetNanos(g) / 1e9).isCloseTo(Math.sqrt(g / 5.0), within(1e-6));
        }
    }

    @Test
    void aRampDownToZero_slowsToItsEnd() {
        Stages stages = Stages.parse("0s:100/s,10s:0/s");
        assertThat(stages.planned()).isEqualTo(500);
        // n(t) = 100 t - 5 t², so t = 10 - sqrt(100 - g / 5)
        for (long g = 0; g < 500; g++) {
            assertThat(stages.offsetNanos(g) / 1e9).isCloseTo(10 - Math.sqrt(100 - g / 5.0), within(1e-6));
        }
    }

    @Test
    void aNearlyFlatRamp_isNumericallyCalm() {
        Stages stages = Stages.parse("0s:1000000/s,1h:1000001/s");
        long g = 3_600_000_000L - 1;
        double t = stages.offsetNanos(g) / 1e9;
        // n(t) = 1e6 t + t² / 7200; at g the root is close to g / 1e6 minus a hair
        double expected = (-1e6 + Math.sqrt(1e12 + 4 * g / 7200.0)) / (2 / 7200.0);
        assertThat(t).isCloseTo(expected, within(1e-6));
    }

    @Test
    void toString_readsBack() {
        Stages stages = Stages.parse(" 10s:100/s, 1m30s:6000/m ,0s:5/s,250ms:0/s ");
        assertThat(stages).hasToString("10s:100/s,1m30s:6000/m,0s:5/s,250ms:0/s");
        assertThat(Stages.parse(stages.toString())).isEqualTo(stages);
        assertThat(stages.total()).isEqualTo(Duration.ofMillis(100_250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "10s", "10s:", ":100/s", "10s:100/s,", "10s:100/s,,5s:1/s", "10:100/s", "10s:100",
        "10s:-1/s", "-1s:100/s", "10s:1.5/s", "10s:100/x", "10s:100/s:5", "1x:100/s", "10s;100/s"})
    void malformed_namesThePartAndWhatWasExpected(String text) {
        assertThatThrownBy(() -> Stages.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").containsAnyOf("expected", "write 90/m"));
    }

    @Test
    void malformedPart_isNamedWithItsPosition() {
        assertThatThrownBy(() -> Stages.parse("10s:100/s,30s:fast")).hasMessageStartingWith("stage 2 '30s:fast': invalid rate 'fast'")
                .hasMessageContaining("expected");
        assertThatThrownBy(() -> Stages.parse("10s:100/s,30s")).hasMessage("stage 2 '30s': "
                + "expected DURATION:RATE, e.g. 30s:1000/s (stages separated by commas)");
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fuzz_parsesOrRefusesInOneLine_neverAnythingElse(long seed) {
        Random rnd = new Random(seed);
        String alphabet = "0123456789smhd/:,. r-x";
        String[] valid = {"10s:100/s", "0s:500/s", "1m:6000/m", "250ms:0/s", "1h30m:10r/s"};
        for (int k = 0; k < 200; k++) {
            StringBuilder s = new StringBuilder();
            if (rnd.nextBoolean()) {
                int n = 1 + rnd.nextInt(4);
                for (int i = 0; i < n; i++) {
                    s.append(i == 0 ? "" : ",").append(valid[rnd.nextInt(valid.length)]);
                }
                int edits = rnd.nextInt(3);
                for (int e = 0; e < edits && s.length() > 0; e++) {
                    int at = rnd.nextInt(s.length());
                    if (rnd.nextBoolean()) {
                        s.deleteCharAt(at);
                    } else {
                        s.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    }
                }
            } else {
                int n = rnd.nextInt(16);
                for (int i = 0; i < n; i++) {
                    s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            String text = s.toString();
            Stages parsed;
            try {
                parsed = Stages.parse(text);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(text).doesNotContain("\n").isNotBlank();
                continue;
            }
            assertThat(Stages.parse(parsed.toString())).as(text).isEqualTo(parsed);
            assertThat(parsed.list()).isNotEmpty();
        }
    }
}
