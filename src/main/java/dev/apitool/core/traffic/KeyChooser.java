package dev.apitool.core.traffic;

import java.util.SplittableRandom;

/**
 * Picks the key of each generated request among {@code user_1 … user_N}: uniformly, or by a Zipf
 * law with exponent s (rank k drawn with probability proportional to 1/k^s), as real API traffic
 * has a few heavy clients and a long tail. Seeded, so a generator is reproducible.
 */
final class KeyChooser {

    /** Names made once up to this many keys; beyond, each as drawn, so 10^7 keys need no 10^7 strings up front. */
    private static final int NAMED = 1 << 16;

    private final int keys;
    private final String[] names;
    /** Zipf only: P(rank <= k + 1), 8 bytes a key. */
    private final double[] cumulative;
    private final SplittableRandom random;

    /**
     * @param keys how many distinct keys, 1 to 10^7
     * @param zipfExponent 0 for uniform, otherwise the Zipf exponent s (greater than 0)
     */
    KeyChooser(int keys, double zipfExponent, SplittableRandom random) {
        this.random = random;
        this.keys = keys;
        this.names = keys <= NAMED ? new String[keys] : null;
        for (int i = 0; names != null && i < keys; i++) {
            names[i] = "user_" + (i + 1);
        }
        if (zipfExponent > 0 && keys > 1) {
            cumulative = new double[keys];
            double sum = 0;
            for (int k = 1; k <= keys; k++) {
                sum += 1 / Math.pow(k, zipfExponent);
                cumulative[k - 1] = sum;
            }
            for (int k = 0; k < keys; k++) {
                cumulative[k] /= sum;
            }
        } else {
            cumulative = null;
        }
    }

    String next() {
        if (keys == 1) {
            return name(0);
        }
        if (cumulative == null) {
            return name(random.nextInt(keys));
        }
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return name(lo);
    }

    private String name(int rank) {
        return names != null ? names[rank] : "user_" + (rank + 1);
    }
}
