package dev.apitool.cli.jwt;

import dev.apitool.cli.Context;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ProxyConfig;
import dev.apitool.core.io.InputException;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.RemoteKeys;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Keys fetched over HTTP for {@code jwt verify}: a JWK Set URL or an OpenID issuer. Kept apart from
 * the command so that verifying with local keys never loads the HTTP stack.
 */
public final class RemoteKeyOptions {

    @Option(names = "--jwks-url", paramLabel = "URL", description = "Fetch the keys from this JWK Set URL (cached on disk as Cache-Control allows).")
    String jwksUrl;

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "Fetch the keys its OpenID discovery document names (jwks_uri); also requires iss = URL unless --iss says otherwise.")
    String issuer;

    /** Returns the flag that names a remote source, or "" when none does. */
    String given() {
        return jwksUrl != null ? "--jwks-url" : issuer != null ? "--oidc-issuer" : "";
    }

    /** A fetch session: one HTTP client for the run, closed at the end. */
    final class Session implements AutoCloseable {
        private final HttpClient client;
        private final RemoteKeys remote;
        private URI url;

        Session(Context context) {
            if (jwksUrl != null && issuer != null) {
                throw new InputException("give either --jwks-url or --oidc-issuer, not both");
            }
            client = new HttpClient(HttpClientOptions.builder().proxy(ProxyConfig.fromEnv(context.env())).build());
            remote = new RemoteKeys(client, cacheDir(context), context.clock());
        }

        /** Returns the remote keys; {@code refresh} skips the cache (after an unknown kid). */
        List<JwsKey> keys(boolean refresh) {
            if (url == null) {
                url = jwksUrl != null ? uri(jwksUrl, "--jwks-url") : remote.discover(uri(issuer, "--oidc-issuer"));
            }
            return remote.load(url, refresh);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    Session open(Context context) {
        return new Session(context);
    }

    private static URI uri(String value, String flag) {
        try {
            URI u = URI.create(value);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme())) {
                throw new IllegalArgumentException("not http(s)");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new InputException(flag + " '" + value + "': expected an http:// or https:// URL");
        }
    }

    /** Returns $XDG_CACHE_HOME/apitool/jwks, or ~/.cache/apitool/jwks, or null without either. */
    private static Path cacheDir(Context context) {
        String xdg = context.env().get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty()) {
            return Path.of(xdg, "apitool", "jwks");
        }
        String home = context.env().get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "apitool", "jwks");
    }
}
