package dev.apitool.core.load.plan;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.Urls;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import dev.apitool.core.traffic.Target;
import dev.apitool.core.traffic.TargetSource;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code load --targets}: the request-script formats and fields ({@code method}, {@code url}
 * or {@code path}, {@code headers}, {@code body} or {@code bodyFile}; the rate-limit fields
 * ignored) resolved into {@link LoadTarget}s. Every target is kept encoded in memory for the whole
 * run, so a file is bounded: at most {@value #MAX_TARGETS} targets and 64 MiB of
 * bodies. All targets share one origin (scheme, host, port), the connections' one destination.
 */
public final class TargetsFile {

    /** The most targets a file may hold. */
    public static final int MAX_TARGETS = 100_000;
    /** The most body bytes (inline and from files, counted per target) a file may add up to. */
    public static final long MAX_BYTES = 64L << 20;
    static final String MAX_BYTES_TEXT = "64 MiB";

    private final Path dir;
    private final URI base;
    private final String defaultMethod;
    private final Headers common;
    private final Map<Path, byte[]> bodyFiles = new HashMap<>();
    private URI origin;
    private String originWhere;
    private long bytes;

    private TargetsFile(Path dir, URI base, String defaultMethod, Headers common) {
        this.dir = dir;
        this.base = base;
        this.defaultMethod = defaultMethod;
        this.common = common == null ? Headers.EMPTY : common;
        if (base != null) {
            origin = base;
            originWhere = "the URL argument";
        }
    }

    /**
     * Returns every target of {@code source}.
     *
     * @param dir where {@code bodyFile} names are resolved: the targets file's directory
     * @param base the URL {@code path} entries are appended to, or null (then only {@code url} entries are allowed)
     * @param defaultMethod the method of entries that name none
     * @param common headers added to every target that does not set the same one itself
     * @throws InputException naming file:line:column and what was expected
     */
    public static List<LoadTarget> read(TargetSource source, Path dir, URI base, String defaultMethod, Headers common) {
        if (base != null) {
            checkBase(base);
        }
        TargetsFile reader = new TargetsFile(dir, base, defaultMethod, common);
        List<LoadTarget> out = new ArrayList<>();
        for (Target t; (t = source.next()) != null; ) {
            if (out.size() == MAX_TARGETS) {
                throw new InputException(t.where() + ": more than " + MAX_TARGETS + " targets: load keeps every target "
                        + "encoded in memory; give at most " + MAX_TARGETS + " distinct requests");
            }
            out.add(reader.resolve(t));
        }
        if (out.isEmpty()) {
            throw new InputException(source.name() + ": no targets (expected one entry per line with url or path)");
        }
        return out;
    }

    private LoadTarget resolve(Target t) {
        String method = t.method() == null || t.method().isBlank() ? defaultMethod : t.method().strip();
        if (!method.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
            throw new InputException(t.where("method") + ": invalid method '" + method + "': expected a token such as GET or POST");
        }
        URI url = url(t);
        Headers headers = headers(t);
        byte[] body = body(t);
        if (t.bodyJson() && !headers.contains("Content-Type")) {
            headers = headers.with("Content-Type", "application/json");
        }
        return new LoadTarget(method, url, headers, body, t.where());
    }

    private URI url(Target t) {
        if (t.url() != null && t.path() != null) {
            throw new InputException(t.where("path") + ": give url or path, not both");
        }
        URI url;
        if (t.url() != null) {
            try {
                url = new URI(t.url().strip());
            } catch (URISyntaxException e) {
                throw new InputException(t.where("url") + ": invalid url '" + t.url() + "': " + e.getReason());
            }
            if (url.getScheme() == null || url.getHost() == null) {
                throw new InputException(t.where("url") + ": url '" + t.url() + "' is not absolute: expected http://HOST[:PORT]/PATH"
                        + " (or a path, with the base URL as the argument)");
            }
        } else if (t.path() != null) {
            if (base == null) {
                throw new InputException(t.where("path") + ": path '" + t.path() + "' needs a base URL: give it as the URL "
                        + "argument (load http://HOST:PORT --targets FILE), or write url instead");
            }
            String path = t.path().strip();
            if (path.contains("://")) {
                throw new InputException(t.where("path") + ": path '" + path + "' is a URL: write it as url");
            }
            String basePath = base.getRawPath() == null ? "" : base.getRawPath();
            if (basePath.endsWith("/")) {
                basePath = basePath.substring(0, basePath.length() - 1);
            }
            try {
                url = new URI(base.getScheme() + "://" + base.getRawAuthority() + basePath + (path.startsWith("/") ? "" : "/") + path);
            } catch (URISyntaxException e) {
                throw new InputException(t.where("path") + ": invalid path '" + path + "': " + e.getReason());
            }
        } else {
            throw new InputException(t.where() + ": missing url or path (expected e.g. {\"method\": \"GET\", \"path\": \"/users\"})");
        }
        Urls.requireValidPort(url, t.where(t.url() != null ? "url" : "path"));
        if (origin == null) {
            origin = url;
            originWhere = t.where("url");
        } else if (!sameOrigin(origin, url)) {
            throw new InputException(t.where(t.url() != null ? "url" : "path") + ": " + origin(url) + " is not the origin of "
                    + originWhere + " (" + origin(origin) + "): load sends all targets over one set of connections to one "
                    + "origin (scheme, host, port); run one load per origin");
        }
        return url;
    }

    private Headers headers(Target t) {
        List<String> fields = t.headers();
        Headers h = Headers.EMPTY;
        try {
            for (int i = 0; i < fields.size(); i += 2) {
                h = h.with(fields.get(i), fields.get(i + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(t.where("headers") + ": " + e.getMessage());
        }
        Headers[] all = {h};
        common.forEach((name, value) -> {
            if (!fields.isEmpty() && containsName(fields, name)) {
                return;
            }
            all[0] = all[0].with(name, value);
        });
        return all[0];
    }

    private static boolean containsName(List<String> fields, String name) {
        for (int i = 0; i < fields.size(); i += 2) {
            if (fields.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private byte[] body(Target t) {
        if (t.body() != null && t.bodyFile() != null) {
            throw new InputException(t.where("bodyFile") + ": give body or bodyFile, not both");
        }
        byte[] body;
        if (t.bodyFile() != null) {
            Path file = dir.resolve(t.bodyFile().strip());
            body = bodyFiles.get(file);
            if (body == null) {
                body = Inputs.readFile(file, t.where("bodyFile") + ": bodyFile", Limit.BODY);
                bodyFiles.put(file, body);
            }
        } else {
            body = t.body() == null ? new byte[0] : t.body().getBytes(StandardCharsets.UTF_8);
        }
        bytes += body.length;
        if (bytes > MAX_BYTES) {
            throw new InputException(t.where() + ": the bodies add up to more than " + MAX_BYTES_TEXT
                    + ": load keeps every target encoded in memory; use fewer or smaller bodies");
        }
        return body;
    }

    private static void checkBase(URI base) {
        if (base.getScheme() == null || base.getHost() == null) {
            throw new InputException("URL '" + base + "': expected http://HOST[:PORT][/BASE-PATH] as the base of the targets' paths");
        }
        if (base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new InputException("URL '" + base + "': the base URL of --targets takes no query or fragment");
        }
    }

    /** Returns whether two URLs have one origin: scheme, host and port (the scheme's default when absent). */
    static boolean sameOrigin(URI a, URI b) {
        return scheme(a).equals(scheme(b)) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static String origin(URI u) {
        return scheme(u) + "://" + u.getHost() + ":" + port(u);
    }

    private static String scheme(URI u) {
        return u.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI u) {
        return u.getPort() > 0 ? u.getPort() : scheme(u).equals("https") ? 443 : 80;
    }
}
