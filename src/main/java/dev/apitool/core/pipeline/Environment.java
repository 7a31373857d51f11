package dev.apitool.core.pipeline;

import dev.apitool.core.io.Inputs;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * What a pipeline takes from the world, passed in so that tests drive it: where secrets and files
 * come from, the wall clock (JWT {@code exp}), the monotonic clock (rate limits, timings), and
 * where the {@code logging} middleware and the engine's own notes (a handler that failed) go.
 *
 * @param inputs resolves {@code env:NAME}, {@code @file} and relative paths
 * @param clock the wall clock, for protocols that need one
 * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in a real run)
 * @param log receives one line per logged request or engine note
 */
public record Environment(Inputs inputs, Clock clock, LongSupplier nanoTime, Consumer<String> log) {}
