package dev.apitool.core.load;

/**
 * How a load run paces its requests: the closed model (each connection sends its next request when
 * the last one ends) or the open model (a schedule of intended start times, independent of the
 * server). The two measure latency from different points: the send, or the intended start.
 */
public enum LoadModel implements ReportName {
    CLOSED("closed"), OPEN("open");

    private final String text;

    LoadModel(String text) {
        this.text = text;
    }

    /** Returns the name reports and logs use: {@code closed} or {@code open}. */
    @Override
    public String text() {
        return text;
    }

    /** Returns {@link #text()}, so that a model reads the same in any message. */
    @Override
    public String toString() {
        return text;
    }

    /** Returns the constant named {@code text} (exactly, as reports write it), or null when none is. */
    public static LoadModel fromText(String text) {
        return ReportName.fromText(LoadModel.class, text);
    }
}
