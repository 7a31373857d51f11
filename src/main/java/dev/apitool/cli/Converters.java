package dev.apitool.cli;

import dev.apitool.core.time.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters onto core's parsers, so flags and files read values one way. */
public final class Converters {

    private Converters() {}

    /** Reads {@code 250ms}, {@code 15m}, {@code 1h30m} with {@link Durations#parse}. */
    public static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads a request timeout ({@code --timeout}): 1ms to 10m, the longest a health check waits too. */
    public static final class Timeout extends RangedDuration {
        public Timeout() {
            super(Duration.ofMillis(1), Duration.ofMinutes(10));
        }
    }

    /** Reads a server's wait ({@code --header-timeout}, {@code --grace}, pipeline run's {@code --timeout}): 1ms to 1h. */
    public static final class Wait extends RangedDuration {
        public Wait() {
            super(Duration.ofMillis(1), Duration.ofHours(1));
        }
    }

    /**
     * Reads a duration within one flag's own range, which a value out of it is told (not the 36500d
     * cap every duration has): subclass it with the flag's range, as {@code --leeway} does.
     */
    public abstract static class RangedDuration implements ITypeConverter<Duration> {
        private final Duration min;
        private final Duration max;

        protected RangedDuration(Duration min, Duration max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value, min, max);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
