package dev.apitool.cli.ratelimit;

import dev.apitool.core.ratelimit.HeaderProfile;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code ietf}, {@code ietf-legacy} or {@code x-ratelimit} through {@link HeaderProfile#named}. */
final class HeaderProfileConverter implements ITypeConverter<HeaderProfile> {
    @Override
    public HeaderProfile convert(String value) {
        try {
            return HeaderProfile.named(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
