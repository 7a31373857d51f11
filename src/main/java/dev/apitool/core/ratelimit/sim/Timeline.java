package dev.apitool.core.ratelimit.sim;

import java.util.Arrays;

/**
 * Admitted and limited counts per time bucket for a stream of unknown length, in at most
 * {@value #MAX_BUCKETS} buckets: when time runs past the last bucket, neighbouring buckets are
 * merged and the width doubles, so the chart always spans the whole run at an even width.
 */
public final class Timeline {

    static final int MAX_BUCKETS = 120;

    private long widthMicros = 10_000;
    private long[] admitted = new long[MAX_BUCKETS];
    private long[] limited = new long[MAX_BUCKETS];
    private int used;

    void add(long atMicros, boolean wasAdmitted) {
        int i = (int) Math.min(Integer.MAX_VALUE, atMicros / widthMicros);
        while (i >= MAX_BUCKETS) {
            halve();
            i = (int) (atMicros / widthMicros);
        }
        if (wasAdmitted) {
            admitted[i]++;
        } else {
            limited[i]++;
        }
        used = Math.max(used, i + 1);
    }

    private void halve() {
        for (int j = 0; j < MAX_BUCKETS / 2; j++) {
            admitted[j] = admitted[2 * j] + admitted[2 * j + 1];
            limited[j] = limited[2 * j] + limited[2 * j + 1];
        }
        Arrays.fill(admitted, MAX_BUCKETS / 2, MAX_BUCKETS, 0);
        Arrays.fill(limited, MAX_BUCKETS / 2, MAX_BUCKETS, 0);
        used = (used + 1) / 2;
        widthMicros *= 2;
    }

    /** Returns the width of one bucket in microseconds. */
    public long widthMicros() {
        return widthMicros;
    }

    /** Returns the admitted count per bucket, from time 0 to the last request. */
    public long[] admitted() {
        return Arrays.copyOf(admitted, used);
    }

    /** Returns the limited count per bucket, aligned with {@link #admitted()}. */
    public long[] limited() {
        return Arrays.copyOf(limited, used);
    }
}
