package dev.apitool.core.health;

import dev.apitool.core.http.Urls;
import dev.apitool.core.io.InputException;
import dev.apitool.core.redact.Redact;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What an endpoint checks: an {@code http://} or {@code https://} URL (a request), a
 * {@code tcp://host:port} (a plain connect) or a {@code tls://host:port} (a connect, a TLS
 * handshake and the certificate).
 *
 * @param kind how the target is checked
 * @param uri the URI to send to or connect to ({@code http} for tcp, {@code https} for tls: the
 *     HTTP core's schemes for the same connection)
 * @param text the URL as the user wrote it, for reports (a password in it masked: {@link Redact#url})
 */
public record Target(Kind kind, URI uri, String text) {

    public Target {
        text = Redact.url(text); // reports show it: a password in it is masked
    }

    /** How a target is checked. */
    public enum Kind {
        /** An HTTP request and its response. */
        HTTP,
        /** A TCP connect, nothing sent. */
        TCP,
        /** A TCP connect and a TLS handshake, nothing sent. */
        TLS
    }

    /** A URL that cannot be checked (a user's input error), and the index in the text the problem starts at. */
    public static final class Invalid extends InputException {
        private static final long serialVersionUID = 1L;
        private final int index;

        Invalid(String message, int index) {
            super(message);
            this.index = Math.max(0, index);
        }

        /** Returns the 0-based index in the URL text where the problem is. */
        public int index() {
            return index;
        }
    }

    /**
     * Returns the target {@code text} names.
     *
     * @throws Invalid saying what is wrong and what was expected
     */
    public static Target parse(String text) {
        String s = text == null ? "" : text.strip();
        if (Urls.lacksScheme(s)) {
            throw new Invalid(Urls.missingScheme(s), 0);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (URISyntaxException e) {
            throw new Invalid("bad URL '" + Redact.url(s) + "': " + Redact.url(e.getReason()) + ", expected e.g. https://api.example.com/healthz",
                    e.getIndex());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String shown = Redact.url(s);
        if (uri.getPort() > 65535) {
            throw new Invalid("bad URL '" + shown + "': port " + uri.getPort() + " is out of range, expected 1 to 65535",
                    s.indexOf("://") + 3);
        }
        switch (scheme) {
            case "http", "https" -> {
                requireHost(uri, s, shown);
                return new Target(Kind.HTTP, uri, s);
            }
            case "tcp", "tls" -> {
                requireHost(uri, s, shown);
                if (uri.getPort() < 1) {
                    throw new Invalid("bad URL '" + shown + "': no port, expected " + scheme + "://host:port", s.length());
                }
                if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
                        || uri.getRawQuery() != null) {
                    throw new Invalid("bad URL '" + shown + "': a " + scheme + ":// target has no path or query, expected "
                            + scheme + "://host:port", s.indexOf('/', scheme.length() + 3));
                }
                String host = uri.getHost().indexOf(':') >= 0 && !uri.getHost().startsWith("[") ? "[" + uri.getHost() + "]" : uri.getHost();
                URI connect = URI.create((scheme.equals("tcp") ? "http" : "https") + "://" + host + ":" + uri.getPort() + "/");
                return new Target(scheme.equals("tcp") ? Kind.TCP : Kind.TLS, connect, s);
            }
            default -> throw new Invalid("bad URL '" + shown + "': "
                    + (scheme.isEmpty() ? "no scheme" : "unsupported scheme '" + scheme + "'")
                    + ", expected http://, https://, tcp://host:port or tls://host:port", 0);
        }
    }

    private static void requireHost(URI uri, String s, String shown) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            int at = s.indexOf("://");
            throw new Invalid("bad URL '" + shown + "': no host name"
                    + (uri.getRawAuthority() != null ? " ('" + Redact.url("x://" + uri.getRawAuthority()).substring(4) + "' is not a valid host[:port])" : "")
                    + ", expected e.g. " + uri.getScheme() + "://api.example.com" + (uri.getScheme().startsWith("t") ? ":443" : "/healthz"),
                    at < 0 ? 0 : at + 3);
        }
    }

    /** Returns whether responses carry a status, headers and a body (only {@link Kind#HTTP}). */
    public boolean isHttp() {
        return kind == Kind.HTTP;
    }

    @Override
    public String toString() {
        return text;
    }
}
