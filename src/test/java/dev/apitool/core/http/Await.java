package dev.apitool.core.http;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits, bounded, for an asynchronous effect (a socket closing on the other side) to become visible. */
final class Await {

    private Await() {}

    /** Returns once {@code condition} holds; fails with {@code what} after {@code max}. */
    static void until(BooleanSupplier condition, Duration max, Supplier<String> what) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + max + ": " + what.get());
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
