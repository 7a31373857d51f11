package dev.apitool.core.load;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a load run paces its requests: the closed model (each connection sends its next request when
 * the last one ends) or the open model (a schedule of intended start times, independent of the
 * server). The two measure latency from different points: the send, or the intended start.
 */
public enum LoadModel {
    CLOSED("closed"), OPEN("open");

    private final String text;

    LoadModel(String text) {
        this.text = text;
    }

    /** Returns the name reports and logs use: {@code closed} or {@code open}. */
    public String text() {
        return text;
    }

    /** Returns {@link #text()}, so that a model reads the same in any message. */
    @Override
    public String toString() {
        return text;
    }

    /** Returns the model named {@code text} (exactly, as reports write it), or null when none is. */
    public static LoadModel fromText(String text) {
        for (LoadModel m : values()) {
            if (m.text.equals(text)) {
                return m;
            }
        }
        return null;
    }

    /** Returns the accepted names, for messages: {@code "closed" or "open"}. */
    public static String names() {
        return Arrays.stream(values()).map(m -> "\"" + m.text + "\"").collect(Collectors.joining(" or "));
    }
}
