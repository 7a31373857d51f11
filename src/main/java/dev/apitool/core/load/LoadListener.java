package dev.apitool.core.load;

import java.util.List;

/**
 * Follows a run as it goes: its start, each second merged over every event loop, and its report.
 * Called on the thread that called {@link LoadRunner#run(LoadListener)}, never on an event loop,
 * so a listener may block briefly (write a file, print a line) without slowing the load.
 */
public interface LoadListener {

    /** Listens to nothing. */
    LoadListener NONE = new LoadListener() {};

    /**
     * The run starts; its intervals are timed from here.
     *
     * @param startEpochMillis the wall-clock time of the start, ms since the epoch
     * @param spec what the run does
     * @param warmup how the warm-up was chosen, as in {@link LoadReport#warmup()}
     */
    default void started(long startEpochMillis, LoadSpec spec, String warmup) {}

    /** One more second (or the last part of one) of the run, merged over every loop. */
    default void interval(LoadInterval interval) {}

    /**
     * The run ended with {@code report}; the measured requests span {@code fromNanos} (the first
     * one's intended start) to {@code toNanos} (the last one's end), both from the run's start.
     */
    default void finished(LoadReport report, long fromNanos, long toNanos) {}

    /** Returns a listener that passes every call to each of {@code listeners}, in order. */
    static LoadListener all(List<? extends LoadListener> listeners) {
        List<LoadListener> copy = List.copyOf(listeners);
        return new LoadListener() {
            @Override
            public void started(long startEpochMillis, LoadSpec spec, String warmup) {
                copy.forEach(l -> l.started(startEpochMillis, spec, warmup));
            }

            @Override
            public void interval(LoadInterval interval) {
                copy.forEach(l -> l.interval(interval));
            }

            @Override
            public void finished(LoadReport report, long fromNanos, long toNanos) {
                copy.forEach(l -> l.finished(report, fromNanos, toNanos));
            }
        };
    }
}
