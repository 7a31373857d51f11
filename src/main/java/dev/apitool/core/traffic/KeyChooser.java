package dev.apitool.core.traffic;

import java.util.SplittableRandom;

/**
 * Picks the key of each generated request among {@code user_1 … user_N}: uniformly, or by a Zipf
 * law with exponent s (rank k drawn with probability proportional to 1/k^s), as real API traffic
 * has a few heavy clients and a long tail. Seeded, so a generator is reproducible.
 */
final class KeyChooser {

    private final String[] names;
    private final double[] cumulative;
    private final SplittableRandom random;

    /**
     * @param keys how many distinct keys, 1 to 10^7
     * @param zipfExponent 0 for uniform, otherwise the Zipf exponent s (greater than 0)
     */
    KeyChooser(int keys, double zipfExponent, SplittableRandom random) {
        this.random = random;
        this.names = new String[keys];
        for (int i = 0; i < keys; i++) {
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
        if (names.length == 1) {
            return names[0];
        }
        if (cumulative == null) {
            return names[random.nextInt(names.length)];
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
        return names[lo];
    }
}
