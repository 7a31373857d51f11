package dev.apitool.core.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code pipeline run --trace} prints: the onion, one line per event, each middleware on the
 * way in, the handler, each middleware on the way out. Middlewares add their own notes
 * ({@code [logging] GET /users}); the engine adds a plain line for a layer that says nothing.
 * Notes never carry secrets: a middleware masks them before it writes.
 */
public final class Trace {

    private final List<String> lines = new ArrayList<>();

    /** Adds {@code [label] text}. */
    public synchronized void note(String label, String text) {
        lines.add("[" + label + "] " + text);
    }

    /** Adds a line as is (the handler's). */
    public synchronized void line(String text) {
        lines.add(text);
    }

    /** Returns how many lines there are so far. */
    public synchronized int size() {
        return lines.size();
    }

    /** Returns the lines in order. */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}
