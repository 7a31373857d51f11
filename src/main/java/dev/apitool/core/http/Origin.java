package dev.apitool.core.http;

import java.net.URI;
import java.util.Locale;

/**
 * Where a pooled connection goes: scheme, host and port of the target (RFC 6454's origin), plus
 * the proxy it is reached through, if any. Connections are pooled per origin: two requests share a
 * connection only when all four agree.
 *
 * @param scheme {@code http} or {@code https}
 * @param host the host name or IP literal, lower case, IPv6 without brackets
 * @param port 1 to 65535
 * @param proxy the HTTP proxy ({@code http://host:port}, possibly with user info), or null for a direct connection
 */
public record Origin(String scheme, String host, int port, URI proxy) {

    public Origin {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("scheme must be http or https: " + scheme);
        }
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /**
     * Returns the origin of {@code uri} as {@code proxies} route it.
     *
     * @throws HttpException of kind INVALID_REQUEST for a scheme other than http/https or a missing host
     */
    public static Origin of(URI uri, ProxyConfig proxies) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new HttpException(HttpException.Kind.INVALID_REQUEST, HttpException.Phase.CONNECT,
                    "Protocol \"" + scheme + "\" not supported: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new HttpException(HttpException.Kind.INVALID_REQUEST, HttpException.Phase.CONNECT, "URL has no host: " + uri);
        }
        host = Hosts.unbracket(host.toLowerCase(Locale.ROOT));
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, host, port, proxies.proxyFor(scheme, host));
    }

    /** Returns whether the connection runs TLS to the target. */
    public boolean secure() {
        return scheme.equals("https");
    }

    /** Returns {@code host:port}, with IPv6 literals in brackets. */
    public String authority() {
        return Hosts.bracket(host) + ":" + port;
    }

    /** Returns the Host header value: the authority without a default port. */
    String hostHeader() {
        boolean defaultPort = port == (secure() ? 443 : 80);
        return defaultPort ? Hosts.bracket(host) : authority();
    }

    @Override
    public String toString() {
        return scheme + "://" + authority() + (proxy == null ? "" : " via " + proxy.getHost() + ":" + proxy.getPort());
    }
}
