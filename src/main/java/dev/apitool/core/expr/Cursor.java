package dev.apitool.core.expr;

import java.math.BigDecimal;

/**
 * A position in an expression's text, for the hand-written parsers of health's conditions, their
 * JSONPath subset and load's thresholds; every error it makes carries the position.
 */
public final class Cursor {

    /** The whole text. */
    public final String text;
    /** The index of the next character. */
    public int pos;

    public Cursor(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    public boolean atEnd() {
        return pos >= text.length();
    }

    public char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    public void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Consumes {@code w} when the text continues with it as a whole word (not followed by a letter, digit, '.' or '_'). */
    public boolean word(String w) {
        if (text.startsWith(w, pos)) {
            int end = pos + w.length();
            if (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)) && text.charAt(end) != '.' && text.charAt(end) != '_') {
                pos = end;
                return true;
            }
        }
        return false;
    }

    /** Consumes {@code s} when the text continues with it. */
    public boolean eat(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    public void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected " + what + (atEnd() ? " at the end" : ", found '" + peek() + "'"));
        }
        pos++;
    }

    /** Returns a syntax error at the cursor. */
    public ExprSyntaxException error(String message) {
        return new ExprSyntaxException(message, pos);
    }

    /** Reads a quoted string ('...' or "..."), where a backslash escapes only the quote and itself; the cursor is on the quote. */
    public String quoted() {
        char quote = text.charAt(pos);
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && !atEnd() && (text.charAt(pos) == quote || text.charAt(pos) == '\\')) {
                sb.append(text.charAt(pos++)); // only \" \' and \\: a regex keeps its \d and \.
            } else {
                sb.append(c);
            }
        }
        throw new ExprSyntaxException("unterminated string, expected a closing " + quote, start);
    }

    /** Reads a JSON-style number when one starts here, else returns null without moving. */
    public BigDecimal number() {
        int start = pos;
        int i = pos;
        if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i == digits) {
            return null;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '-' || text.charAt(j) == '+')) {
                j++;
            }
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
            }
        }
        try {
            BigDecimal n = new BigDecimal(text.substring(start, i));
            pos = i;
            return n;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
