package dev.apitool.core.traffic;

/**
 * A file of load targets, read one entry at a time with the request-script readers (same formats,
 * same fields, same errors), so {@code apitool load --targets} and {@code ratelimit simulate}
 * share one format.
 */
public final class TargetSource implements AutoCloseable {

    private final ScriptSource source;

    TargetSource(ScriptSource source) {
        this.source = source;
    }

    /**
     * Returns the next target, or null at the end.
     *
     * @throws dev.apitool.core.io.InputException naming file, line and column of a malformed entry
     */
    public Target next() {
        RequestReader.Entry e = source.entry();
        return e == null ? null : new Target(source.file, e);
    }

    /** Returns the name the targets come from, for messages and reports. */
    public String name() {
        return source.name();
    }

    @Override
    public void close() {
        source.close();
    }
}
