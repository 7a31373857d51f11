package dev.apitool.core.tasks;

/** A piece of background work that returns a result, and can be asked to stop through {@code cancellation}. */
@FunctionalInterface
public interface Task<T> {

    /** Does the work and returns its result; registers on {@code cancellation} how it stops cleanly. */
    T run(Cancellation cancellation) throws Exception;
}
