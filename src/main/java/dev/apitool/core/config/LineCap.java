package dev.apitool.core.config;

import dev.apitool.core.io.InputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The caps on YAML text, checked before SnakeYAML sees it. One line: {@link #MAX_CHARS}, as
 * SnakeYAML's scanner copies its window for every kilobyte of a token, so one long line costs time
 * that grows with the square of its length (a 1 MB line takes seconds, 4 MB half a minute). The
 * whole text: {@link #MAX_TOTAL_CHARS}, as SnakeYAML reads 2 to 4 MB a second on a busy two-core
 * machine whatever the shape (a 3.8 MB value quoted over 47,500 lines, or 47,500 short entries,
 * took 1 to 2 s to scan, and a config is scanned twice): 1 Mi characters keeps any YAML input
 * under half a second. JSON is read by Jackson's own parser, which has neither cost, and keeps
 * the 4 MiB config cap and no line cap.
 */
final class LineCap {

    /** The longest YAML line read, in characters: 16 Ki. */
    static final int MAX_CHARS = 16 * 1024;
    /** The longest YAML text read, in characters: 1 Mi. */
    static final int MAX_TOTAL_CHARS = 1 << 20;

    private LineCap() {}

    /**
     * @throws InputException {@code file:line:1} for the first line of {@code text} longer than the
     *     line cap, {@code file:line:column} of the first character past the cap on the whole text
     */
    static void check(String text, String file) {
        if (text.length() > MAX_TOTAL_CHARS) {
            int line = 1;
            int start = 0;
            for (int i = 0; i < MAX_TOTAL_CHARS; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    start = i + 1;
                }
            }
            throw tooLarge(file, line, MAX_TOTAL_CHARS - start + 1);
        }
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_CHARS) {
                    throw tooLong(file, line);
                }
                line++;
                start = i + 1;
            }
        }
    }

    static InputException tooLong(String file, long line) {
        return new InputException(file + ":" + line + ":1: line longer than " + MAX_CHARS / 1024
                + " Ki characters, expected shorter YAML lines (a long value can be folded over lines with >, or the file written as .json)");
    }

    static InputException tooLarge(String file, long line, long column) {
        return new InputException(file + ":" + line + ":" + column + ": YAML longer than " + (MAX_TOTAL_CHARS >> 20)
                + " Mi characters, expected a smaller file (or the same document as .json, up to 4 MiB)");
    }

    /** A reader that refuses a line longer than the cap, or text longer than the total cap, as it is read. */
    static final class Capped extends FilterReader {
        private final String file;
        private long line = 1;
        private int length;
        private long total;

        Capped(Reader in, String file) {
            super(in);
            this.file = file;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                count(buf[off + i]);
            }
            return n;
        }

        private void count(char c) {
            if (++total > MAX_TOTAL_CHARS) {
                throw tooLarge(file, line, length + 1);
            }
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_CHARS) {
                throw tooLong(file, line);
            }
        }
    }
}
