package dev.apitool.core.http;

import dev.apitool.core.io.InputException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which proxy a request goes through, read the way curl reads its environment: {@code http_proxy}
 * for http URLs, {@code https_proxy} for https URLs (each also in upper case, lower case winning),
 * {@code all_proxy} as the fallback for both, and {@code no_proxy}: a comma- or space-separated
 * list of host names (matching the name and its subdomains, a leading dot optional), IP addresses,
 * CIDR ranges, or {@code *} for everything. Only {@code http://} proxies are supported; https
 * targets are tunnelled through them with CONNECT.
 *
 * @param httpProxy the proxy for http URLs, or null
 * @param httpsProxy the proxy for https URLs, or null
 * @param noProxy the bypass entries, lower case
 */
public record ProxyConfig(URI httpProxy, URI httpsProxy, List<String> noProxy) {

    /** Direct connections for everything. */
    public static final ProxyConfig NONE = new ProxyConfig(null, null, List.of());

    private static final int DEFAULT_PROXY_PORT = 1080; // curl's default when the proxy URL names none

    public ProxyConfig {
        noProxy = List.copyOf(noProxy);
    }

    /**
     * Returns the configuration that the environment {@code env} describes (pass the process
     * environment from the front end; core never reads it itself).
     *
     * @throws InputException naming the variable when a proxy URL is malformed or not http://
     */
    public static ProxyConfig fromEnv(Map<String, String> env) {
        String all = variable(env, "all_proxy");
        String http = variable(env, "http_proxy");
        String https = variable(env, "https_proxy");
        URI httpProxy = parseProxy(http != null ? http : all, http != null ? "http_proxy" : "all_proxy");
        URI httpsProxy = parseProxy(https != null ? https : all, https != null ? "https_proxy" : "all_proxy");
        String no = variable(env, "no_proxy");
        List<String> entries = new ArrayList<>();
        if (no != null) {
            for (String e : no.split("[,\\s]+")) {
                String entry = e.strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty()) {
                    entries.add(entry);
                }
            }
        }
        return new ProxyConfig(httpProxy, httpsProxy, entries);
    }

    /** Returns the proxy for a request to {@code host} over {@code scheme}, or null to connect directly. */
    public URI proxyFor(String scheme, String host) {
        URI proxy = "https".equals(scheme) ? httpsProxy : httpProxy;
        return proxy == null || bypasses(host) ? null : proxy;
    }

    /** Returns whether {@code host} is in the no_proxy list. */
    public boolean bypasses(String host) {
        String h = Hosts.unbracket(host.toLowerCase(Locale.ROOT));
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            if (entry.indexOf('/') > 0) {
                if (inCidr(h, entry)) {
                    return true;
                }
                continue;
            }
            String e = entry.startsWith(".") ? entry.substring(1) : entry;
            if (e.startsWith("[") && e.contains("]")) {
                e = e.substring(1, e.indexOf(']'));
            } else if (e.indexOf(':') == e.lastIndexOf(':') && e.indexOf(':') > 0) {
                e = e.substring(0, e.indexOf(':')); // host:port; the port is not compared
            }
            if (h.equals(e) || h.endsWith("." + e)) {
                return true;
            }
        }
        return false;
    }

    private static String variable(Map<String, String> env, String lower) {
        String v = env.get(lower);
        if (v == null || v.isBlank()) {
            v = env.get(lower.toUpperCase(Locale.ROOT));
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static URI parseProxy(String value, String name) {
        if (value == null) {
            return null;
        }
        String v = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw new InputException(name + ": invalid proxy URL '" + value + "': " + e.getReason());
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new InputException(name + ": unsupported proxy scheme '" + uri.getScheme() + "' in '" + value
                    + "': only http:// proxies are supported");
        }
        if (uri.getHost() == null) {
            throw new InputException(name + ": proxy URL '" + value + "' has no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : DEFAULT_PROXY_PORT;
        try {
            return new URI("http", uri.getRawUserInfo() == null ? null : uri.getUserInfo(), uri.getHost(), port, null, null, null);
        } catch (URISyntaxException e) {
            throw new InputException(name + ": invalid proxy URL '" + value + "': " + e.getReason());
        }
    }

    private static boolean inCidr(String host, String cidr) {
        int slash = cidr.indexOf('/');
        byte[] addr = literal(host);
        byte[] net = literal(cidr.substring(0, slash));
        if (addr == null || net == null || addr.length != net.length) {
            return false;
        }
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        int total = addr.length * 8;
        if (bits < 0 || bits > total) {
            return false;
        }
        BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, addr).and(mask).equals(new BigInteger(1, net).and(mask));
    }

    /** Returns the bytes of an IP literal, or null for a name (never a DNS lookup). */
    private static byte[] literal(String s) {
        String a = Hosts.unbracket(s);
        boolean v6 = a.indexOf(':') >= 0 && a.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        boolean v4 = a.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(a).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
