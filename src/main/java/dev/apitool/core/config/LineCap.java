package dev.apitool.core.config;

import dev.apitool.core.io.InputException;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * The cap on the length of one line of YAML, {@link #MAX_CHARS}: SnakeYAML's scanner copies its
 * window for every kilobyte of a token, so one long line costs time that grows with the square of
 * its length (a 1 MB line takes seconds, 4 MB half a minute). JSON is read by Jackson's own
 * parser, which has no such cost, and has no line cap.
 */
final class LineCap {

    /** The longest YAML line read, in characters: 16 Ki. */
    static final int MAX_CHARS = 16 * 1024;

    private LineCap() {}

    /** @throws InputException {@code file:line:1} for the first line of {@code text} longer than the cap */
    static void check(String text, String file) {
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

    /** A reader that refuses a line longer than the cap as it is read. */
    static final class Capped extends FilterReader {
        private final String file;
        private long line = 1;
        private int length;

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
            if (c == '\n') {
                line++;
                length = 0;
            } else if (++length > MAX_CHARS) {
                throw tooLong(file, line);
            }
        }
    }
}
