package dev.apitool.core.traffic;

import java.util.SplittableRandom;

/**
 * Synthetic traffic when there is no script, seeded for reproducibility:
 * <ul>
 *   <li>constant: request k arrives at exactly k/rate (integer microseconds, never accumulated);
 *   <li>poisson: exponential gaps with mean 1/rate (a Poisson process of that rate);
 *   <li>burst: {@code size} requests at once every {@code every}.
 * </ul>
 * Every shape stops at {@code duration} (exclusive) and draws keys from a {@link KeyChooser}.
 */
public final class Generator implements RequestSource {

    /** The arrival process. */
    public enum Shape { CONSTANT, POISSON, BURST }

    /**
     * The settings of a generator.
     *
     * @param amount requests per {@code periodMicros} (constant, poisson) or per burst ({@code size})
     * @param periodMicros the rate's period, or the time between bursts
     * @param durationMicros the span generated, more than 0
     * @param keys distinct keys, 1 or more
     * @param zipf 0 for uniform keys, else the Zipf exponent
     * @param cost the cost of each request
     * @param durMicros how long each request runs
     */
    public record Settings(String spec, Shape shape, long amount, long periodMicros, long durationMicros, int keys,
                           double zipf, long seed, long cost, long durMicros) {}

    private final Settings s;
    private final SplittableRandom random;
    private final KeyChooser keys;
    private long index;
    private long poissonMicros;

    public Generator(Settings settings) {
        this.s = settings;
        this.random = new SplittableRandom(settings.seed());
        this.keys = new KeyChooser(settings.keys(), settings.zipf(), random.split());
    }

    @Override
    public Request next() {
        long at;
        switch (s.shape()) {
            case CONSTANT:
                at = exactTime(index, s.periodMicros(), s.amount());
                break;
            case POISSON:
                if (index > 0) {
                    double meanGap = (double) s.periodMicros() / s.amount();
                    poissonMicros += Math.round(-Math.log(1 - random.nextDouble()) * meanGap);
                }
                at = poissonMicros;
                break;
            default:
                at = index / s.amount() * s.periodMicros();
                break;
        }
        if (at >= s.durationMicros()) {
            return null;
        }
        index++;
        return new Request(index, at, keys.next(), s.cost(), s.durMicros(), null, null);
    }

    /** Returns floor(k * period / amount) exactly, even where the product passes 2^63. */
    static long exactTime(long k, long period, long amount) {
        try {
            return Math.multiplyExact(k, period) / amount;
        } catch (ArithmeticException overflow) {
            return java.math.BigInteger.valueOf(k).multiply(java.math.BigInteger.valueOf(period))
                    .divide(java.math.BigInteger.valueOf(amount)).min(java.math.BigInteger.valueOf(Long.MAX_VALUE)).longValue();
        }
    }

    @Override
    public String name() {
        return s.spec();
    }
}
