package dev.apitool.core.traffic;

import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.InputException;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;

/**
 * What every script format shares: its file name, the field reader, and the stream it closes. A
 * format reads entries ({@link #entry}); a rate-limit script turns each into a {@link Request}
 * ({@link #next}), load's targets into a {@link Target} ({@link TargetSource}).
 */
abstract class ScriptSource implements RequestSource {

    protected final String file;
    protected final RequestReader reader;
    /** Whether the entries are load targets (no arrival time needed) rather than a rate-limit script. */
    protected final boolean targets;
    private final Closeable stream;

    ScriptSource(String file, Closeable stream, boolean targets) {
        this.file = file;
        this.reader = new RequestReader(file);
        this.targets = targets;
        this.stream = stream;
    }

    /**
     * Returns the fields of the next entry with where it starts, or null at the end.
     *
     * @throws dev.apitool.core.io.InputException naming file, line and column of a malformed entry
     */
    abstract RequestReader.Entry entry();

    @Override
    public final Request next() {
        RequestReader.Entry e = entry();
        return e == null ? null : reader.toRequest(e, e.line, e.column);
    }

    /** Returns what an entry is called in messages: a target or a request. */
    protected final String what() {
        return targets ? "target" : "request";
    }

    @Override
    public final String name() {
        return file;
    }

    @Override
    public final void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // scripts are only read: nothing can be lost
        }
    }

    /** A line-oriented script (NDJSON, CSV): reads the next non-blank line and counts lines. */
    abstract static class Lines extends ScriptSource {

        private final BufferedReader in;
        protected int line;

        Lines(BufferedReader in, String file, boolean targets) {
            super(file, in, targets);
            this.in = in;
        }

        /** Returns the next non-blank line, or null at the end; {@link #line} is its number. */
        protected final String nextLine() {
            try {
                String text;
                do {
                    text = in.readLine();
                    line++;
                    if (line == 1 && text != null && text.startsWith("\uFEFF")) {
                        text = text.substring(1); // a UTF-8 byte order mark, as Excel's "CSV UTF-8" writes
                    }
                } while (text != null && text.isBlank());
                return text;
            } catch (IOException e) {
                throw new InputException(file + ": cannot read: " + Inputs.reason(e), e);
            }
        }
    }
}
