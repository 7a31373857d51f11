package dev.apitool.core.ratelimit.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys counted most often, in bounded memory: the Space-Saving algorithm (Metwally, Agrawal
 * and El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data Streams", 2005).
 * Exact while fewer than {@code capacity} distinct keys were seen; beyond that, a reported count
 * overestimates by at most {@link Entry#error()}.
 */
final class TopKeys {

    /** A key, its count, and how much of the count may belong to keys it replaced. */
    record Entry(String key, long count, long error) {}

    private final int capacity;
    private final Map<String, long[]> counts = new HashMap<>();

    TopKeys(int capacity) {
        this.capacity = capacity;
    }

    void add(String key) {
        long[] c = counts.get(key);
        if (c != null) {
            c[0]++;
            return;
        }
        if (counts.size() < capacity) {
            counts.put(key, new long[] {1, 0});
            return;
        }
        // Replace the smallest counter: the new key inherits its count as possible error.
        String minKey = null;
        long[] min = null;
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            if (min == null || e.getValue()[0] < min[0]) {
                minKey = e.getKey();
                min = e.getValue();
            }
        }
        counts.remove(minKey);
        counts.put(key, new long[] {min[0] + 1, min[0]});
    }

    /** Returns the {@code n} largest counts, largest first, ties by key. */
    List<Entry> top(int n) {
        List<Entry> all = new ArrayList<>(counts.size());
        for (Map.Entry<String, long[]> e : counts.entrySet()) {
            all.add(new Entry(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        all.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.key().compareTo(b.key()));
        return all.subList(0, Math.min(n, all.size()));
    }
}
