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

    /** A host name or address, a port, a path: a URL that only lacks its scheme. */
    private static final Pattern HOST_FIRST = Pattern.compile("^(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(:\\d*)?([/?#].*)?$");

    private Urls() {}

    /**
     * Returns whether {@code text} is a URL written without its scheme ({@code 127.0.0.1:8080},
     * {@code localhost/healthz}), which {@link URI} would reject or read as a scheme of its own.
     */
    public static boolean lacksScheme(String text) {
        return text != null && !text.contains("://") && HOST_FIRST.matcher(text.strip()).matches();
    }

    /** Returns the error message for {@code text} when {@link #lacksScheme} holds: what to add, with an example. */
    public static String missingScheme(String text) {
        return "bad URL '" + redact(text.strip()) + "': no scheme: add http:// or https:// (http://" + redact(text.strip()) + ")";
    }

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
