package dev.apitool.core.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * A fixed address for a host and port, curl's {@code --resolve host:port:addr}: connections to
 * {@code host:port} go to {@code address} while the Host header, TLS SNI and certificate check
 * still use {@code host}.
 *
 * @param host the name being overridden, lower case
 * @param port 1 to 65535
 * @param address the IP literal to connect to
 */
public record ResolveOverride(String host, int port, InetAddress address) {

    /**
     * Returns the override that {@code text} ({@code host:port:addr}, addr an IPv4 literal or an
     * IPv6 literal in brackets) describes.
     *
     * @throws IllegalArgumentException naming the text and the expected form
     */
    public static ResolveOverride parse(String text) {
        String s = text == null ? "" : text.strip();
        int first = s.indexOf(':');
        int second = first < 0 ? -1 : s.indexOf(':', first + 1);
        if (first <= 0 || second < 0) {
            throw invalid(text);
        }
        String host = s.substring(0, first).toLowerCase(Locale.ROOT);
        int port;
        try {
            port = Integer.parseInt(s.substring(first + 1, second));
        } catch (NumberFormatException e) {
            throw invalid(text);
        }
        String addr = s.substring(second + 1);
        int comma = addr.indexOf(',');
        if (comma >= 0) {
            addr = addr.substring(0, comma); // curl accepts a list; the first address is used
        }
        addr = Hosts.unbracket(addr);
        if (port < 1 || port > 65535 || !isIpLiteral(addr)) {
            throw invalid(text);
        }
        try {
            return new ResolveOverride(host, port, InetAddress.getByName(addr)); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw invalid(text);
        }
    }

    /** Returns whether this override applies to {@code host:port}. */
    public boolean matches(String host, int port) {
        return this.port == port && this.host.equalsIgnoreCase(host);
    }

    private static boolean isIpLiteral(String a) {
        if (a.isEmpty()) {
            return false;
        }
        if (a.indexOf(':') >= 0) {
            return a.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        }
        String[] parts = a.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid --resolve '" + text
                + "': expected host:port:address with a numeric address, e.g. api.test:443:127.0.0.1");
    }

    @Override
    public String toString() {
        return host + ":" + port + ":" + address.getHostAddress();
    }
}
