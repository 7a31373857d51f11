package dev.apitool.core.http;

/**
 * IPv6 literals in and out of their brackets (RFC 3986 section 3.2.2: {@code [::1]} in a URL, an
 * authority or a {@code --resolve} address; {@code ::1} as the host a socket, SNI or a CIDR check
 * uses). The one place the client adds and removes them.
 */
final class Hosts {

    private Hosts() {}

    /** Returns {@code host} without the brackets of an IPv6 literal; any other text unchanged. */
    static String unbracket(String host) {
        return host.length() >= 2 && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Returns {@code host} in brackets when it is an IPv6 literal (has a colon); any other host unchanged. */
    static String bracket(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
