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

    /**
     * Returns {@code url} when its port, if it has one, is 1 to 65535 ({@link URI} accepts any number,
     * and the socket address built from it later throws).
     *
     * @throws dev.apitool.core.io.InputException naming the URL (redacted), the port and the range
     */
    public static URI requireValidPort(URI url) {
        return requireValidPort(url, null);
    }

    /**
     * As {@link #requireValidPort(URI)}, the message starting with {@code where} (a file position such as
     * {@code targets.ndjson:3:9}) when it is not null: a URL read from a file is checked as one on the command line.
     */
    public static URI requireValidPort(URI url, String where) {
        if (url != null && url.getHost() != null && (url.getPort() == 0 || url.getPort() > 65535)) {
            throw new dev.apitool.core.io.InputException((where == null ? "" : where + ": ") + "URL '" + Redact.url(url.toString())
                    + "': port " + url.getPort() + " is out of range (expected 1 to 65535)");
        }
        return url;
    }
}
