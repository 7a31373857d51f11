package dev.apitool.core.shell;

import dev.apitool.core.io.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * One line typed into the shell, split into words: whitespace separates words; {@code '…'} is
 * literal; {@code "…"} is literal except for {@code \"}, {@code \\}, {@code \$} and expansions;
 * a backslash outside quotes escapes the next character; {@code $NAME}, {@code ${NAME}} and
 * {@code $(COMMAND)} (nested, with quotes inside) are kept as parts to expand later; a word
 * starting with {@code #} begins a comment; an unquoted {@code &} at the end runs the line in
 * the background. Lines are at most {@link #MAX_LENGTH} characters.
 */
public record ShellLine(List<Word> words, boolean background) {

    /** Longest line accepted, in characters. */
    public static final int MAX_LENGTH = 64 * 1024;
    /** Deepest nesting of {@code $(…)} accepted. */
    public static final int MAX_DEPTH = 8;

    /** What a part of a word is. */
    public enum Kind { LITERAL, VARIABLE, COMMAND }

    /**
     * A piece of a word: literal text, a variable name, or a command's text; {@code start} and
     * {@code end} are its offsets in the line (for a command, of the text between the parentheses).
     */
    public record Part(Kind kind, String text, int start, int end) {}

    /** A word, its parts, and the offsets in the line of its first character and one past its last. */
    public record Word(List<Part> parts, int start, int end) {

        /** Returns the word's text when it has no expansions, else null. */
        public String literal() {
            StringBuilder s = new StringBuilder();
            for (Part p : parts) {
                if (p.kind() != Kind.LITERAL) {
                    return null;
                }
                s.append(p.text());
            }
            return s.toString();
        }
    }

    /** Returns {@code line} split into words; a {@link SyntaxException} naming the column when a quote or {@code $(} is not closed. */
    public static ShellLine parse(String line) {
        if (line.length() > MAX_LENGTH) {
            throw new SyntaxException(MAX_LENGTH + 1, "line is " + line.length() + " characters long (expected at most " + MAX_LENGTH + ")");
        }
        Parser p = new Parser(line, 0, line.length(), 0);
        List<Word> words = p.words();
        boolean background = false;
        if (!words.isEmpty()) {
            Word last = words.get(words.size() - 1);
            if ("&".equals(last.literal()) && line.charAt(last.start()) == '&') {
                words = words.subList(0, words.size() - 1);
                background = true;
            } else if (p.trailingAmpersand) {
                background = true;
            }
        }
        return new ShellLine(List.copyOf(words), background);
    }

    /** Returns whether the line has no words (empty, blank, or a comment). */
    public boolean empty() {
        return words.isEmpty();
    }

    private static final class Parser {
        private final String s;
        private final int end;
        private final int depth;
        private int i;
        boolean trailingAmpersand;

        Parser(String s, int from, int end, int depth) {
            this.s = s;
            this.i = from;
            this.end = end;
            this.depth = depth;
        }

        List<Word> words() {
            List<Word> words = new ArrayList<>();
            while (true) {
                while (i < end && Character.isWhitespace(s.charAt(i))) {
                    i++;
                }
                if (i >= end || s.charAt(i) == '#') {
                    return words;
                }
                words.add(word());
            }
        }

        private Word word() {
            int start = i;
            List<Part> parts = new ArrayList<>();
            StringBuilder lit = new StringBuilder();
            int litStart = i;
            while (i < end && !Character.isWhitespace(s.charAt(i))) {
                char c = s.charAt(i);
                if (c == '&' && i > start && rest().isBlank()) {
                    trailingAmpersand = true; // "cmd args&": the & ends the line, not the word's text
                    i = end;
                    break;
                }
                if (c == '\'') {
                    int close = s.indexOf('\'', i + 1);
                    if (close < 0 || close >= end) {
                        throw unclosed(i, "'");
                    }
                    lit.append(s, i + 1, close);
                    i = close + 1;
                } else if (c == '"') {
                    i++;
                    while (true) {
                        if (i >= end) {
                            throw unclosed(start, "\"");
                        }
                        char d = s.charAt(i);
                        if (d == '"') {
                            i++;
                            break;
                        }
                        if (d == '\\' && i + 1 < end && "\"\\$".indexOf(s.charAt(i + 1)) >= 0) {
                            lit.append(s.charAt(i + 1));
                            i += 2;
                        } else if (d == '$' && expansionAt(i)) {
                            flush(parts, lit, litStart, i);
                            parts.add(expansion());
                            litStart = i;
                        } else {
                            lit.append(d);
                            i++;
                        }
                    }
                } else if (c == '\\') {
                    if (i + 1 < end) {
                        lit.append(s.charAt(i + 1));
                        i += 2;
                    } else {
                        i++;
                    }
                } else if (c == '$' && expansionAt(i)) {
                    flush(parts, lit, litStart, i);
                    parts.add(expansion());
                    litStart = i;
                } else {
                    lit.append(c);
                    i++;
                }
            }
            flush(parts, lit, litStart, i);
            if (parts.isEmpty()) {
                parts.add(new Part(Kind.LITERAL, "", start, i)); // '' or ""
            }
            return new Word(List.copyOf(parts), start, Math.min(i, end));
        }

        private String rest() {
            return s.substring(Math.min(i + 1, end), end);
        }

        private boolean expansionAt(int at) {
            if (at + 1 >= end) {
                return false;
            }
            char n = s.charAt(at + 1);
            return n == '(' || n == '{' || n == '_' || Character.isLetter(n);
        }

        private Part expansion() {
            int at = i;
            char n = s.charAt(i + 1);
            if (n == '(') {
                if (depth + 1 > MAX_DEPTH) {
                    throw new SyntaxException(at + 1, "$( nested too deep (expected at most " + MAX_DEPTH + " levels)");
                }
                int close = closingParen(i + 2);
                Part p = new Part(Kind.COMMAND, s.substring(i + 2, close), i + 2, close);
                new Parser(s, i + 2, close, depth + 1).words(); // checks the inner quotes now, with their columns
                i = close + 1;
                return p;
            }
            if (n == '{') {
                int close = s.indexOf('}', i + 2);
                if (close < 0 || close >= end) {
                    throw unclosed(at, "}");
                }
                String name = s.substring(i + 2, close);
                if (!validName(name)) {
                    throw new SyntaxException(at + 1, "bad variable name '" + name
                            + "' (expected letters, digits, _ and -, starting with a letter or _)");
                }
                i = close + 1;
                return new Part(Kind.VARIABLE, name, at, i);
            }
            int j = i + 1;
            while (j < end && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                j++;
            }
            Part p = new Part(Kind.VARIABLE, s.substring(i + 1, j), at, j);
            i = j;
            return p;
        }

        /** Returns the index of the {@code )} closing a {@code $(} whose text starts at {@code from}. */
        private int closingParen(int from) {
            int level = 1;
            int j = from;
            while (j < end) {
                char c = s.charAt(j);
                if (c == '\'' || c == '"') {
                    int close = s.indexOf(c, j + 1);
                    if (close < 0 || close >= end) {
                        throw unclosed(j, String.valueOf(c));
                    }
                    j = close + 1;
                    continue;
                }
                if (c == '\\') {
                    j += 2;
                    continue;
                }
                if (c == '(') {
                    level++;
                } else if (c == ')' && --level == 0) {
                    return j;
                }
                j++;
            }
            throw unclosed(from - 2, ")");
        }

        private static void flush(List<Part> parts, StringBuilder lit, int litStart, int litEnd) {
            if (lit.length() > 0) {
                parts.add(new Part(Kind.LITERAL, lit.toString(), litStart, litEnd));
                lit.setLength(0);
            }
        }

        private static SyntaxException unclosed(int at, String closer) {
            return new SyntaxException(at + 1, "unclosed " + (closer.equals(")") ? "$(" : closer.equals("}") ? "${" : closer)
                    + " (expected a closing " + closer + ")");
        }
    }

    /** A line that cannot be split: {@code column} (1-based) and what is wrong; the message is {@code column N: DETAIL}. */
    public static final class SyntaxException extends InputException {
        private static final long serialVersionUID = 1L;
        private final int column;
        private final String detail;

        SyntaxException(int column, String detail) {
            super("column " + column + ": " + detail);
            this.column = column;
            this.detail = detail;
        }

        public int column() {
            return column;
        }

        public String detail() {
            return detail;
        }
    }

    /** Returns whether {@code name} can name a setting: letters, digits, {@code _} and {@code -}, starting with a letter or {@code _}. */
    public static boolean validName(String name) {
        if (name.isEmpty() || name.length() > 64 || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int k = 1; k < name.length(); k++) {
            char c = name.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
