package dev.apitool.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the secrets in a shell line before it is saved to history, listed as a job or echoed:
 * the values of {@code --secret}, {@code --jwt-secret}, {@code --password} and {@code --token};
 * the value of an {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie} or API-key
 * header given with {@code -H}; a {@code --body} that carries a password, secret or token; the
 * value of {@code set NAME VALUE} for a secret-sounding name; and the password of any URL. A
 * reference ({@code env:NAME}, {@code @FILE}, {@code -}, {@code $NAME}) is not a secret and is
 * kept, so the line stays useful when recalled. Commands inside {@code $(…)} are masked the same way.
 */
public final class Redactor {

    /** What a masked value is replaced by. */
    public static final String MASK = "***";

    private static final Set<String> SECRET_OPTIONS = Set.of("--secret", "--jwt-secret", "--password", "--token",
            "--client-secret", "--api-key");
    private static final Set<String> HEADER_OPTIONS = Set.of("-H", "--header");
    private static final Pattern SECRET_HEADER = Pattern.compile(
            "(?i)^\\s*(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|x-auth-token)\\s*:");
    private static final Pattern SECRET_BODY = Pattern.compile("(?i)(password|secret|token|api_?key|credential)");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(secret|token|password|passwd|jwt|auth|cookie|credential|api_?key)");
    private static final Pattern URL_PASSWORD = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:\\s'\"]*):[^/?#@\\s'\"]*@");

    private Redactor() {}

    /** Returns whether a setting or variable called {@code name} holds a secret (its value is masked when shown). */
    public static boolean secretName(String name) {
        return SECRET_NAME.matcher(name).find();
    }

    /** Returns whether {@code value} only refers to a secret ({@code env:NAME}, {@code @FILE}, {@code -}) rather than holding one. */
    public static boolean reference(String value) {
        return value.startsWith("env:") || value.startsWith("@") || value.equals("-");
    }

    /** Returns {@code value} as it may be shown for a setting called {@code name}. */
    public static String setting(String name, String value) {
        return secretName(name) && !reference(value) ? MASK : urls(value);
    }

    /** Returns {@code line} with its secrets masked; a line that does not parse is masked as whole words. */
    public static String line(String line) {
        ShellLine parsed;
        try {
            parsed = ShellLine.parse(line);
        } catch (ShellLine.SyntaxException e) {
            return urls(fallback(line));
        }
        return urls(mask(line, parsed.words()));
    }

    private record Edit(int start, int end, String text) {}

    private static String mask(String line, List<ShellLine.Word> words) {
        List<Edit> edits = new ArrayList<>();
        boolean setLine = words.size() >= 3 && "set".equals(words.get(0).literal());
        for (int k = 0; k < words.size(); k++) {
            ShellLine.Word w = words.get(k);
            String prev = k > 0 ? words.get(k - 1).literal() : null;
            String lit = w.literal();
            if (setLine && k == 2 && secretName(String.valueOf(words.get(1).literal()))) {
                maskWord(line, w, edits);
            } else if (prev != null && SECRET_OPTIONS.contains(prev.toLowerCase(Locale.ROOT))) {
                maskWord(line, w, edits);
            } else if (prev != null && HEADER_OPTIONS.contains(prev) && lit != null && SECRET_HEADER.matcher(lit).find()) {
                edits.add(new Edit(w.start(), w.end(), "'" + lit.substring(0, lit.indexOf(':') + 1) + " " + MASK + "'"));
            } else if ("--body".equals(prev) && lit != null && !reference(lit) && SECRET_BODY.matcher(lit).find()) {
                edits.add(new Edit(w.start(), w.end(), MASK));
            } else if (lit != null && lit.startsWith("--") && lit.contains("=")
                    && SECRET_OPTIONS.contains(lit.substring(0, lit.indexOf('=')).toLowerCase(Locale.ROOT))
                    && !reference(lit.substring(lit.indexOf('=') + 1))) {
                edits.add(new Edit(w.start(), w.end(), lit.substring(0, lit.indexOf('=') + 1) + MASK));
            } else {
                for (ShellLine.Part p : w.parts()) {
                    if (p.kind() == ShellLine.Kind.COMMAND) {
                        edits.add(new Edit(p.start(), p.end(), line(p.text())));
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder(line);
        for (int k = edits.size() - 1; k >= 0; k--) {
            Edit e = edits.get(k);
            out.replace(e.start(), e.end(), e.text());
        }
        return out.toString();
    }

    /** Masks a secret word, unless it is a reference or a variable; a {@code $(…)} inside is masked as a line. */
    private static void maskWord(String line, ShellLine.Word w, List<Edit> edits) {
        String lit = w.literal();
        if (lit != null) {
            if (!reference(lit)) {
                edits.add(new Edit(w.start(), w.end(), MASK));
            }
            return;
        }
        boolean onlyExpansions = w.parts().stream().allMatch(p -> p.kind() != ShellLine.Kind.LITERAL);
        if (!onlyExpansions) {
            edits.add(new Edit(w.start(), w.end(), MASK));
            return;
        }
        for (ShellLine.Part p : w.parts()) {
            if (p.kind() == ShellLine.Kind.COMMAND) {
                edits.add(new Edit(p.start(), p.end(), line(p.text())));
            }
        }
    }

    /** Masks every word after a secret option or header option in a line that does not parse. */
    private static String fallback(String line) {
        String[] words = line.strip().split("\\s+");
        boolean maskRest = false;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < words.length; k++) {
            String w = words[k];
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(maskRest ? MASK : w);
            String bare = w.replaceAll("=.*", "").toLowerCase(Locale.ROOT);
            maskRest |= SECRET_OPTIONS.contains(bare) || HEADER_OPTIONS.contains(w) || "--body".equals(w)
                    || (k == 1 && "set".equals(words[0]) && secretName(w));
        }
        return out.toString();
    }

    private static String urls(String text) {
        Matcher m = URL_PASSWORD.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + ":" + MASK + "@");
    }
}
