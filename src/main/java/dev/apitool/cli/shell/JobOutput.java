package dev.apitool.cli.shell;

import java.io.Writer;

/**
 * A background job's output, kept (not printed) so it never interleaves with the prompt; {@code job N}
 * shows it. Bounded: past {@link #MAX_CHARS} the oldest text is dropped and the count of dropped
 * characters is shown at the top, since a report's end is what a person wants to read.
 */
final class JobOutput extends Writer {

    static final int MAX_CHARS = 1 << 20;

    private final StringBuilder text = new StringBuilder();
    private long dropped;

    @Override
    public synchronized void write(char[] buf, int off, int len) {
        text.append(buf, off, len);
        int over = text.length() - MAX_CHARS;
        if (over > 0) {
            text.delete(0, over);
            dropped += over;
        }
    }

    @Override
    public void flush() {
        // kept in memory
    }

    @Override
    public void close() {
        // kept in memory
    }

    /** Returns everything kept, with a first line saying how much was dropped, if any. */
    synchronized String text() {
        return dropped == 0 ? text.toString() : "[… " + dropped + " earlier characters dropped]\n" + text;
    }

    /** Returns the last non-blank line kept, or an empty string. */
    synchronized String lastLine() {
        int end = text.length();
        while (end > 0) {
            int start = text.lastIndexOf("\n", end - 1) + 1;
            String line = text.substring(start, end).strip();
            if (!line.isEmpty()) {
                return line;
            }
            end = start - 1;
        }
        return "";
    }
}
