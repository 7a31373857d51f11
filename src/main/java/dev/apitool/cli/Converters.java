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
}
