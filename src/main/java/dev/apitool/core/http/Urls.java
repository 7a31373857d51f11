package dev.apitool.core.http;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as reports, logs and pages may show them: a password in the user info
 * ({@code https://user:secret@host/}) is masked as {@code ***}, since a secret is never printed.
 * A user name alone is kept.
 */
public final class Urls {

    /** The scheme and a user info that holds a password, up to the {@code @}. */
    private static final Pattern PASSWORD = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://[^/?#@:]*):[^/?#@]*@");

    private Urls() {}

    /** Returns {@code url} as text with a password in its user info masked. */
    public static String redact(URI url) {
        return redact(url.toString());
    }

    /** Returns the URL text {@code url} with a password in its user info masked; other text is returned as it is. */
    public static String redact(String url) {
        Matcher m = PASSWORD.matcher(url);
        return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1)) + ":***@") : url;
    }
}
