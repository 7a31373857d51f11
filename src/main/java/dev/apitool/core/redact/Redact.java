package dev.apitool.core.redact;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one redactor and escaper: masks credentials in URLs ({@link #url}), header values
 * ({@link #header}) and free text such as error messages ({@link #text}), and escapes control
 * characters ({@link #escape}). {@link #shown} does both and is what every printed message goes
 * through. The mask is {@value #MASK}.
 */
public final class Redact {

    /** What a masked secret is shown as. */
    public static final String MASK = "***";

    /** Header names whose values are credentials (lower case). */
    private static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
            "x-api-key", "api-key", "apikey", "x-auth-token", "x-access-token", "x-amz-security-token", "x-csrf-token",
            "x-xsrf-token", "x-goog-api-key", "private-token", "x-vault-token", "ocp-apim-subscription-key");

    /** Query parameter names (lower case, without '-' and '_') whose values are credentials. */
    private static final Set<String> SENSITIVE_PARAMS = Set.of("key", "apikey", "token", "accesstoken", "refreshtoken", "idtoken",
            "authtoken", "sessiontoken", "securitytoken", "xamzsecuritytoken", "signature", "xamzsignature", "xamzcredential",
            "sig", "password", "passwd", "pwd", "pass", "secret", "clientsecret", "auth", "authorization", "credential",
            "credentials", "session", "sessionid", "sid", "code", "jwt", "assertion", "privatekey");

    /** A URL's scheme and authority start; the user info, if any, ends at the first '@' before '/', '?' or '#'. */
    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s'\"<>`]+");

    /**
     * A sensitive header name, then ':' or '=' (or, right after a quote, white space: an echoed
     * {@code -H 'Authorization Bearer …'}), an optional auth scheme, and the value up to a quote or line end.
     */
    private static final Pattern HEADER_IN_TEXT = Pattern.compile("(?i)(?<![\\w-])(['\"]?)((?:proxy-)?authorization|set-cookie|cookie"
            + "|x-api-key|api-key|x-auth-token|x-access-token|x-amz-security-token|x-goog-api-key|private-token|x-vault-token)"
            + "(\\s*[:=]\\s*|\\s+)"
            + "(?:(basic|bearer|digest|token|negotiate|hoba|mutual|aws4-hmac-sha256|dpop)\\s+)?([^'\"\\r\\n]+)");

    private Redact() {}

    /** Returns {@code url} as text with its credentials masked (see {@link #url(String)}). */
    public static String url(URI url) {
        return url(url.toString());
    }

    /**
     * Returns the URL text {@code url} with its credentials masked: the password of the user info
     * ({@code user:***@}), a user info without a password as a whole (it is often a token:
     * {@code ***@host}), and the value of every credential query or fragment parameter
     * ({@code ?api_key=***}). Text that is not a URL is returned as it is.
     */
    public static String url(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0 || !url.substring(0, scheme).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
            return url;
        }
        int authStart = scheme + 3;
        int authEnd = authStart;
        while (authEnd < url.length() && "/?#".indexOf(url.charAt(authEnd)) < 0) {
            authEnd++;
        }
        StringBuilder out = new StringBuilder(url.length()).append(url, 0, authStart);
        int at = url.lastIndexOf('@', authEnd - 1);
        if (at >= authStart) {
            int colon = url.indexOf(':', authStart);
            if (colon >= 0 && colon < at) {
                out.append(url, authStart, colon).append(':').append(MASK);
            } else {
                out.append(MASK);
            }
            out.append(url, at, authEnd);
        } else {
            out.append(url, authStart, authEnd);
        }
        String rest = url.substring(authEnd);
        out.append(rest.indexOf('?') < 0 && rest.indexOf('#') < 0 ? rest : params(rest));
        return out.toString();
    }

    /**
     * Returns a query string (without its '?') with the value of every credential parameter masked
     * as {@link #url(String)} masks it ({@code api_key=***&page=2}); null stays null.
     */
    public static String query(String query) {
        return query == null ? null : params("?" + query).substring(1);
    }

    /**
     * Returns an HTTP request target with its credentials masked: the absolute form as {@link #url(String)},
     * the origin form's query as {@link #query} ({@code /users?api_key=***&page=2}).
     */
    public static String target(String target) {
        if (target == null || target.contains("://")) {
            return target == null ? null : url(target);
        }
        return target.indexOf('?') < 0 && target.indexOf('#') < 0 ? target : params(target);
    }

    /** Masks credential parameter values after '?' and '#' in a URL's path-and-rest. */
    private static String params(String rest) {
        StringBuilder out = new StringBuilder(rest.length());
        int i = 0;
        boolean inParams = false;
        while (i < rest.length()) {
            char c = rest.charAt(i);
            if (!inParams && c != '?' && c != '#') {
                out.append(c);
                i++;
                continue;
            }
            if (c == '?' || c == '#' || c == '&' || c == ';') {
                inParams = true;
                out.append(c);
                i++;
                continue;
            }
            int end = i;
            while (end < rest.length() && "&;#".indexOf(rest.charAt(end)) < 0) {
                end++;
            }
            String pair = rest.substring(i, end);
            int eq = pair.indexOf('=');
            if (eq > 0 && sensitiveParam(pair.substring(0, eq))) {
                out.append(pair, 0, eq + 1).append(MASK);
            } else {
                out.append(pair);
            }
            i = end;
        }
        return out.toString();
    }

    /** Returns whether a query parameter named {@code name} holds a credential. */
    public static boolean sensitiveParam(String name) {
        String n = decodeLoosely(name).toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
        return SENSITIVE_PARAMS.contains(n) || n.endsWith("token") || n.endsWith("secret") || n.endsWith("password")
                || n.endsWith("apikey") || n.endsWith("signature") || n.endsWith("credential");
    }

    /** Returns whether a header named {@code name} holds a credential. */
    public static boolean sensitiveHeader(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return SENSITIVE_HEADERS.contains(n) || n.endsWith("-token") || n.endsWith("-secret") || n.endsWith("-api-key")
                || n.endsWith("-password") || n.endsWith("-signature") || n.endsWith("-session");
    }

    /**
     * Returns the value of header {@code name} as it may be shown: a credential masked (an auth
     * scheme kept: {@code Bearer ***}), other values as they are.
     */
    public static String header(String name, String value) {
        if (!sensitiveHeader(name)) {
            return value;
        }
        String v = value.strip();
        int space = v.indexOf(' ');
        if (space > 0 && v.substring(0, space).matches("[A-Za-z][A-Za-z0-9-]*") && name.toLowerCase(Locale.ROOT).endsWith("authorization")) {
            return v.substring(0, space) + " " + MASK;
        }
        return MASK;
    }

    /**
     * Returns what a message may show of a header line that could not be parsed: the name (up to
     * ':' or white space, at most 64 characters) and {@code …} for the rest, which is often a credential.
     */
    public static String headerLine(String line) {
        int end = 0;
        while (end < line.length() && end < 64 && line.charAt(end) != ':' && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return end < line.length() ? line.substring(0, end) + "…" : line;
    }

    /**
     * Returns free text (an error message, a log line) with every URL in it redacted as by
     * {@link #url(String)} and the value after every sensitive header name masked.
     */
    public static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String s = text;
        if (s.contains("://")) {
            Matcher m = URL_IN_TEXT.matcher(s);
            StringBuilder out = new StringBuilder(s.length());
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(url(m.group())));
            }
            m.appendTail(out);
            s = out.toString();
        }
        Matcher h = HEADER_IN_TEXT.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (h.find()) {
            boolean separated = h.group(3).indexOf(':') >= 0 || h.group(3).indexOf('=') >= 0;
            if (!separated && h.group(1).isEmpty()) {
                h.appendReplacement(out, Matcher.quoteReplacement(h.group()));
                continue;
            }
            String scheme = h.group(4) == null ? "" : h.group(4) + " ";
            h.appendReplacement(out, Matcher.quoteReplacement(h.group(1) + h.group(2) + h.group(3) + scheme + MASK));
        }
        h.appendTail(out);
        return out.toString();
    }

    /**
     * Returns {@code text} with control characters escaped so that printing it cannot move the
     * cursor, change colours or hide text: C0 and C1 controls and DEL as {@code \xHH} (ESC is
     * {@code \x1b}), bidirectional overrides as {@code \u202e}, a backslash before them left as it
     * is. Line feeds are kept when {@code keepNewlines} (multi-line reports), escaped otherwise.
     */
    public static String escape(String text, boolean keepNewlines) {
        if (text == null) {
            return "";
        }
        int i = 0;
        while (i < text.length() && !unsafe(text.charAt(i), keepNewlines)) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c, keepNewlines)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    /** Returns {@code text} with every control character escaped, line feeds included: one printable line. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /** Returns {@code text} redacted ({@link #text}) and escaped ({@link #escape}): what any message may show. */
    public static String shown(String text) {
        return escape(text(text), false);
    }

    /** Returns multi-line {@code text} redacted and escaped, its line feeds kept. */
    public static String shownLines(String text) {
        return escape(text(text), true);
    }

    private static boolean unsafe(char c, boolean keepNewlines) {
        if (c == '\n') {
            return !keepNewlines;
        }
        if (c == '\t') {
            return false;
        }
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }

    private static String decodeLoosely(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
