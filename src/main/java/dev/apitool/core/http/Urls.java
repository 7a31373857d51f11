package dev.apitool.core.http;

import dev.apitool.core.redact.Redact;
import java.net.URI;
import java.util.regex.Pattern;

/** URLs as users write them: one written without its scheme is told apart, with what to add ({@link Redact} masks secrets in them). */
public final class Urls {

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
        return "bad URL '" + Redact.url(text.strip()) + "': no scheme: add http:// or https:// (http://" + Redact.url(text.strip()) + ")";
    }
}
