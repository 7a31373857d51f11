package dev.apitool.core.load.engine;

import dev.apitool.core.load.LoadSpec;

/**
 * One event loop's share of a run, computed in this one place for both the loop and its request
 * sequence. Closed model: the connections are split as evenly as can be (the first loops one
 * more), and {@code -n} and a count-based warm-up in proportion to them by prefix sums, so the
 * loops' shares add up to the totals exactly. Open model: the loop owns every {@code loops}-th
 * request of the global sequence, starting at its index.
 *
 * @param connections connections opened at the start
 * @param maxConnections the most connections the loop may hold (open model: its share of the in-flight bound)
 * @param firstRequest the global sequence number of the loop's first request (which target it starts at)
 * @param stride the step between the loop's requests in the global sequence: 1 closed, {@code loops} open
 * @param quota requests the loop may start, {@link Long#MAX_VALUE} without {@code -n}
 * @param warmupCount count-based warm-up: closed, the loop's first requests; open, global numbers below it; 0 for none
 */
record LoopShare(int connections, int maxConnections, long firstRequest, int stride, long quota, long warmupCount) {

    /** Returns loop {@code index}'s share of {@code loops}, with a count-based warm-up of {@code warmupCount} requests over all loops. */
    static LoopShare of(LoadSpec spec, int index, int loops, long warmupCount) {
        int connections = share(spec.connections(), index, loops);
        long n = spec.requests();
        if (spec.open()) {
            int max = Math.max(connections, share(spec.maxInFlight(), index, loops));
            long quota = n == 0 ? Long.MAX_VALUE : n > index ? (n - 1 - index) / loops + 1 : 0;
            return new LoopShare(connections, max, index, loops, quota, warmupCount);
        }
        long before = 0;
        for (int j = 0; j < index; j++) {
            before += share(spec.connections(), j, loops);
        }
        if (n == 0) {
            return new LoopShare(connections, connections, before, 1, Long.MAX_VALUE, 0);
        }
        long quotaBefore = n * before / spec.connections();
        long quotaUpTo = n * (before + connections) / spec.connections();
        // the warm-up split as the requests are, so the loops' shares add up to it exactly
        long warmup = warmupCount * quotaUpTo / n - warmupCount * quotaBefore / n;
        return new LoopShare(connections, connections, quotaBefore, 1, quotaUpTo - quotaBefore, warmup);
    }

    /** Returns {@code total}'s share for loop {@code i} of {@code loops}: as even as can be, the first ones one more. */
    static int share(int total, int i, int loops) {
        return total / loops + (i < total % loops ? 1 : 0);
    }
}
