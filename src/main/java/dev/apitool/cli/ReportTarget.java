package dev.apitool.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --report FORMAT=FILE}: also write the result in FORMAT to FILE while the normal output
 * goes to stdout (DESIGN.md, "Output").
 *
 * @param format the format, lower case ({@code json}, {@code junit})
 * @param file the file name as given, resolved against the working directory when written
 */
public record ReportTarget(String format, String file) {

    /** Reads {@code FORMAT=FILE}. */
    public static final class Converter implements ITypeConverter<ReportTarget> {
        @Override
        public ReportTarget convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || eq == value.length() - 1) {
                throw new TypeConversionException("expected FORMAT=FILE such as junit=health.xml, got '" + value + "'");
            }
            return new ReportTarget(value.substring(0, eq).strip().toLowerCase(Locale.ROOT), value.substring(eq + 1).strip());
        }
    }
}
