package dev.apitool.core.config;

import java.util.Map;

/**
 * Expands environment variables in config values, as shells and Docker Compose do:
 * {@code ${NAME}}, {@code ${NAME:-default}} (the default when NAME is unset or empty), and
 * {@code $$} for a literal {@code $}. The environment is a map the front end passes in, so tests
 * give their own; secrets such as {@code ${API_TOKEN}} need not be written into the file.
 */
public final class EnvExpander {

    /** A reference that cannot be expanded, and the index in the text where it starts. */
    public static final class Unset extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int index;

        Unset(String message, int index) {
            super(message);
            this.index = index;
        }

        /** Returns where in the expanded text the bad reference starts (0-based). */
        public int index() {
            return index;
        }
    }

    private final Map<String, String> env;

    /** @param env the variables references expand from (the process environment, or a test's map) */
    public EnvExpander(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Returns {@code text} with every reference replaced.
     *
     * @throws Unset for a variable that is not set and has no default, or a malformed reference
     */
    public String expand(String text) {
        if (text == null || text.indexOf('$') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$' || i + 1 >= text.length()) {
                out.append(c);
                i++;
            } else if (text.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (text.charAt(i + 1) == '{') {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new Unset("unclosed ${, expected ${NAME} (or $$ for a literal $)", i);
                }
                String inner = text.substring(i + 2, close);
                int dash = inner.indexOf(":-");
                String name = dash < 0 ? inner : inner.substring(0, dash);
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new Unset("bad variable name '" + name + "', expected ${NAME} with letters, digits and _", i);
                }
                String value = env.get(name);
                if (value == null || (dash >= 0 && value.isEmpty())) {
                    if (dash < 0) {
                        throw new Unset("environment variable " + name + " is not set, expected it to be set"
                                + " (or a default: ${" + name + ":-value})", i);
                    }
                    value = inner.substring(dash + 2);
                }
                out.append(value);
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
