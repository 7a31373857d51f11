package dev.apitool.core.report;

import dev.apitool.core.redact.Redact;

/**
 * HTML text: everything a user or a server controls goes through {@link #escape} before it reaches
 * a page, control characters included ({@link Redact#escape}: an ESC or a bidirectional override
 * shows as {@code \x1b} or {@code \u202e}, as on a terminal).
 */
public final class Html {

    private Html() {}

    /** Returns {@code text} safe as HTML text or a quoted attribute value: control characters, then {@code & < > " '} escaped. */
    public static String escape(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Redact.escape(raw, true);
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
