package dev.apitool.core.health;

import java.math.BigDecimal;

/** A position in a condition's text, for the hand-written parsers of conditions and JSONPath. */
final class Cursor {

    final String text;
    int pos;

    Cursor(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return atEnd() ? '\0' : text.charAt(pos);
    }

    void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** Consumes {@code s} when the text continues with it. */
    boolean eat(String s) {
        if (text.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    void expect(char c, String what) {
        if (peek() != c) {
            throw error("expected " + what + (atEnd() ? " at the end" : ", found '" + peek() + "'"));
        }
        pos++;
    }

    ConditionSyntaxException error(String message) {
        return new ConditionSyntaxException(message, pos);
    }

    /** Reads a quoted string ('...' or "..."), where a backslash escapes only the quote and itself; the cursor is on the quote. */
    String quoted() {
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
        throw new ConditionSyntaxException("unterminated string, expected a closing " + quote, start);
    }

    /** Reads a JSON-style number when one starts here, else returns null without moving. */
    BigDecimal number() {
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
