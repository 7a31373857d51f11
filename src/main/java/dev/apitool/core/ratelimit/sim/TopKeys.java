package dev.apitool.core.ratelimit.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The keys counted most often, in bounded memory: the Space-Saving algorithm (Metwally, Agrawal
 * and El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data Streams", 2005).
 * Exact while fewer than {@code capacity} distinct keys were seen; beyond that, a reported count
 * overestimates by at most {@link Entry#error()}.
 *
 * <p>The smallest counter, which a new key replaces once all are taken, comes from a min-heap
 * kept lazily: a count that grew since its counter was queued is only put back in order when it
 * reaches the top, so counting a known key stays O(1) and a replacement costs O(log capacity)
 * amortised (a scan of every counter per new key made many-key simulations crawl).
 */
final class TopKeys {

    /** A key, its count, and how much of the count may belong to keys it replaced. */
    record Entry(String key, long count, long error) {}

    /** One counter; {@code queued} is its count when it last entered the heap, which orders it there. */
    private static final class Counter {
        final String key;
        final long error;
        final long order;
        long count;
        long queued;

        Counter(String key, long count, long error, long order) {
            this.key = key;
            this.count = count;
            this.error = error;
            this.order = order;
            this.queued = count;
        }
    }

    private final int capacity;
    private final Map<String, Counter> counts = new HashMap<>();
    private final PriorityQueue<Counter> smallest = new PriorityQueue<>(
            Comparator.<Counter>comparingLong(c -> c.queued).thenComparingLong(c -> c.order));
    private long added;

    TopKeys(int capacity) {
        this.capacity = capacity;
    }

    void add(String key) {
        Counter c = counts.get(key);
        if (c != null) {
            c.count++;
            return;
        }
        if (counts.size() < capacity) {
            track(new Counter(key, 1, 0, added++));
            return;
        }
        // Replace the smallest counter: the new key inherits its count as possible error. The top
        // of the heap is the smallest once its queued count is current (every other count is at
        // least its own queued count, which is at least the top's).
        Counter min;
        while ((min = smallest.peek()).queued != min.count) {
            smallest.poll();
            min.queued = min.count;
            smallest.add(min);
        }
        smallest.poll();
        counts.remove(min.key);
        track(new Counter(key, min.count + 1, min.count, added++));
    }

    private void track(Counter c) {
        counts.put(c.key, c);
        smallest.add(c);
    }

    /** Returns the {@code n} largest counts, largest first, ties by key. */
    List<Entry> top(int n) {
        List<Entry> all = new ArrayList<>(counts.size());
        for (Counter c : counts.values()) {
            all.add(new Entry(c.key, c.count, c.error));
        }
        all.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : a.key().compareTo(b.key()));
        return all.subList(0, Math.min(n, all.size()));
    }
}
