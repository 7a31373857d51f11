package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.HttpResponse;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Verification keys fetched over HTTP: a JWK Set at a URL, or the one an OpenID Provider names
 * in its discovery document ({@code jwks_uri} of {@code /.well-known/openid-configuration},
 * OpenID Connect Discovery 1.0 §4). Fetched sets are cached on disk for as long as the server's
 * {@code Cache-Control: max-age} allows (RFC 9111 §5.2.2.1; {@code no-store} is never written,
 * {@code no-cache} is always refetched), on the injected clock.
 */
public final class RemoteKeys {

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|,)\\s*(?:s-)?max-age\\s*=\\s*\"?(\\d+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Path cacheDir;
    private final Clock clock;

    /**
     * @param cacheDir where fetched sets are kept, or null for no disk cache
     */
    public RemoteKeys(HttpClient client, Path cacheDir, Clock clock) {
        this.client = client;
        this.cacheDir = cacheDir;
        this.clock = clock;
    }

    /** Returns the {@code jwks_uri} the provider at {@code issuer} publishes, after checking it names itself {@code issuer}. */
    public URI discover(URI issuer) {
        String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
        URI url = URI.create(base + ".well-known/openid-configuration");
        ObjectNode doc = Json.parseObject(fetch(url).body(), url.toString());
        JsonNode named = doc.get("issuer");
        if (named == null || !named.isTextual() || !named.asText().equals(issuer.toString())) {
            throw new InputException(url + ": \"issuer\" is " + (named == null ? "missing" : Json.compact(named))
                    + ", not \"" + issuer + "\" (OpenID Connect Discovery 1.0 §4.3)");
        }
        JsonNode jwks = doc.get("jwks_uri");
        if (jwks == null || !jwks.isTextual()) {
            throw new InputException(url + ": no \"jwks_uri\" string in the discovery document");
        }
        return URI.create(jwks.asText());
    }

    /**
     * Returns the signing keys of the JWK Set at {@code url}: from the cache while it is fresh,
     * unless {@code refresh} (as after a token named a kid the cached set lacks).
     */
    public List<JwsKey> load(URI url, boolean refresh) {
        Path entry = cacheDir == null ? null : cacheDir.resolve(digest(url.toString()) + ".json");
        if (!refresh && entry != null && Files.isRegularFile(entry)) {
            byte[] cached = fresh(entry);
            if (cached != null) {
                return KeyReader.read(cached, url.toString());
            }
        }
        HttpResponse r = fetch(url);
        List<JwsKey> keys = KeyReader.read(r.body(), url.toString());
        long maxAge = maxAgeSeconds(r.header("Cache-Control"));
        if (entry != null && maxAge > 0) {
            ObjectNode e = Json.object();
            e.put("url", url.toString());
            e.put("fetchedAt", clock.instant().getEpochSecond());
            e.put("maxAge", maxAge);
            e.put("body", new String(r.body(), StandardCharsets.UTF_8));
            try {
                Files.createDirectories(cacheDir);
            } catch (IOException ex) {
                return keys; // a cache that cannot be written only costs a fetch next time
            }
            OutputFile.check(entry, entry.toString(), "JWKS cache", OutputFile.Options.report()).write(Json.compact(e));
        }
        return keys;
    }

    /** Returns the seconds {@code Cache-Control} lets a response be reused: 0 for none, no-store or no-cache. */
    static long maxAgeSeconds(String cacheControl) {
        if (cacheControl == null) {
            return 0;
        }
        String cc = cacheControl.toLowerCase(Locale.ROOT);
        if (cc.contains("no-store") || cc.contains("no-cache")) {
            return 0;
        }
        Matcher m = MAX_AGE.matcher(cc);
        long best = 0;
        while (m.find()) {
            try {
                best = Math.max(best, Long.parseLong(m.group(1)));
            } catch (NumberFormatException tooBig) {
                best = Long.MAX_VALUE / 2;
            }
        }
        return best;
    }

    private byte[] fresh(Path entry) {
        try {
            ObjectNode e = Json.parseObject(Files.readAllBytes(entry), entry.toString());
            long age = clock.instant().getEpochSecond() - e.path("fetchedAt").asLong();
            if (age >= 0 && age < e.path("maxAge").asLong()) {
                return e.path("body").asText().getBytes(StandardCharsets.UTF_8);
            }
        } catch (IOException | InputException unreadable) {
            // a damaged cache entry is refetched
        }
        return null;
    }

    /**
     * Returns the signing keys of the JWK Set at {@code url}, fetched now without blocking (no disk
     * cache): what a server refetches when a token names a kid it does not know. The stage fails
     * with an {@link InputException} naming the URL when the fetch or the set is bad.
     */
    public CompletableFuture<List<JwsKey>> fetchAsync(URI url) {
        return send(url).thenApply(r -> KeyReader.read(checked(url, r).body(), url.toString()));
    }

    private CompletableFuture<HttpResponse> send(URI url) {
        return client.send(HttpRequest.get(url.toString()).withHeader("Accept", "application/json").withTimeout(TIMEOUT))
                .exceptionallyCompose(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    return CompletableFuture.failedFuture(cause instanceof InputException ? cause : new InputException(url + ": "
                            + (cause instanceof HttpException ? cause.getMessage() : String.valueOf(cause)), cause));
                });
    }

    private static HttpResponse checked(URI url, HttpResponse r) {
        if (r.status() != 200) {
            throw new InputException(url + ": HTTP " + r.status() + (r.reason() == null ? "" : " " + r.reason()) + ", expected 200 with JSON");
        }
        return r;
    }

    private HttpResponse fetch(URI url) {
        HttpResponse r;
        try {
            r = send(url).get();
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof InputException ie ? ie : new InputException(url + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException(url + ": interrupted");
        }
        return checked(url, r);
    }

    private static String digest(String s) {
        try {
            return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
