package dev.apitool.core.load;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A constant of one of the load report's fixed vocabularies, with the name its JSON and logs use. */
public interface ReportName {

    /** Returns the name reports and logs use. */
    String text();

    /** Returns the constant of {@code type} named {@code text} (exactly, as reports write it), or null when none is. */
    static <E extends Enum<E> & ReportName> E fromText(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.text().equals(text)) {
                return e;
            }
        }
        return null;
    }

    /** Returns the names of {@code type}'s constants, quoted and comma-separated, for messages. */
    static <E extends Enum<E> & ReportName> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(e -> "\"" + e.text() + "\"").collect(Collectors.joining(", "));
    }
}
