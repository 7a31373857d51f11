package dev.apitool.core.report;

/** HTML text: everything a user or a server controls goes through {@link #escape} before it reaches a page. */
public final class Html {

    private Html() {}

    /** Returns {@code text} safe as HTML text or a quoted attribute value: {@code & < > " '} escaped. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
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
