package dev.apitool.core.load;

/** What ended a load run, as its report says it ({@code stoppedBy}). */
public enum StoppedBy implements ReportName {
    /** The run's duration ({@code -d}, or its stages) passed. */
    DURATION("duration"),
    /** The request count ({@code -n}) was sent. */
    REQUESTS("requests"),
    /** A {@code -n} run reached its maximum duration before sending its requests. */
    MAX_DURATION("maxDuration"),
    /** Ctrl-C: the figures cover the part that ran. */
    INTERRUPT("interrupt"),
    /** The first TLS handshake failed, so the run stopped rather than retry. */
    ERROR("error");

    private final String text;

    StoppedBy(String text) {
        this.text = text;
    }

    /** Returns the name reports and logs use, e.g. {@code maxDuration}. */
    @Override
    public String text() {
        return text;
    }

    /** Returns {@link #text()}, so that a reason reads the same in any message. */
    @Override
    public String toString() {
        return text;
    }

    /** Returns the constant named {@code text} (exactly, as reports write it), or null when none is. */
    public static StoppedBy fromText(String text) {
        return ReportName.fromText(StoppedBy.class, text);
    }
}
