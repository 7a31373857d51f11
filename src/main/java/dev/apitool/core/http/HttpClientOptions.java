package dev.apitool.core.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything an {@link HttpClient} is configured with, fixed for its life. Durations of zero mean
 * "no limit" where noted. Defaults ({@link #defaults()}):
 * connect 10s, request 30s, acquire 10s, idle 60s, no max lifetime, 8 connections per origin,
 * redirects off, TLS verified against the JDK's trust store, no proxy, 64 MiB response bodies,
 * {@code User-Agent: apitool}, one I/O thread per processor.
 *
 * @param connectTimeout TCP connect, proxy tunnel and TLS handshake, each; positive
 * @param requestTimeout the default deadline of a whole {@link HttpClient#send} (acquire, connect,
 *     send, response, redirects); a request's own timeout overrides it; zero for none
 * @param acquireTimeout how long to wait for a free pooled connection; positive
 * @param idleTimeout an idle pooled connection older than this is closed; zero keeps them
 * @param maxLifetime a pooled connection older than this is not reused; zero for no limit
 * @param maxConnectionsPerOrigin the pool bound, 1 or more
 * @param maxRedirects redirects followed per call; 0 turns following off (3xx is returned)
 * @param insecure skip certificate and host name verification (curl {@code --insecure})
 * @param caCert a PEM file of CA certificates trusted instead of the JDK's (curl {@code --cacert}), or null
 * @param proxy proxy routing, see {@link ProxyConfig#fromEnv}
 * @param resolve fixed addresses for host:port pairs (curl {@code --resolve})
 * @param maxResponseBytes larger response bodies fail with PROTOCOL; 1 or more
 * @param userAgent the default {@code User-Agent}, or null to send none
 * @param ioThreads event loop threads, 1 or more
 */
public record HttpClientOptions(Duration connectTimeout, Duration requestTimeout, Duration acquireTimeout,
        Duration idleTimeout, Duration maxLifetime, int maxConnectionsPerOrigin, int maxRedirects,
        boolean insecure, Path caCert, ProxyConfig proxy, List<ResolveOverride> resolve,
        int maxResponseBytes, String userAgent, int ioThreads) {

    public HttpClientOptions {
        positive(connectTimeout, "connectTimeout");
        notNegative(requestTimeout, "requestTimeout");
        positive(acquireTimeout, "acquireTimeout");
        notNegative(idleTimeout, "idleTimeout");
        notNegative(maxLifetime, "maxLifetime");
        atLeast(maxConnectionsPerOrigin, 1, "maxConnectionsPerOrigin");
        atLeast(maxRedirects, 0, "maxRedirects");
        atLeast(maxResponseBytes, 1, "maxResponseBytes");
        atLeast(ioThreads, 1, "ioThreads");
        proxy = proxy == null ? ProxyConfig.NONE : proxy;
        resolve = List.copyOf(resolve);
    }

    /** Returns the defaults listed in the class comment. */
    public static HttpClientOptions defaults() {
        return new HttpClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ZERO, 8, 0, false, null, ProxyConfig.NONE, List.of(),
                64 << 20, "apitool", Math.max(1, Runtime.getRuntime().availableProcessors()));
    }

    /** Returns a builder that starts from {@link #defaults()}. */
    public static Builder builder() {
        return defaults().toBuilder();
    }

    /** Returns a builder that starts from these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    private static void notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + d);
        }
    }

    private static void atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    /** Builds options one setting at a time; each setter has the record component's meaning. */
    public static final class Builder {
        private Duration connectTimeout;
        private Duration requestTimeout;
        private Duration acquireTimeout;
        private Duration idleTimeout;
        private Duration maxLifetime;
        private int maxConnectionsPerOrigin;
        private int maxRedirects;
        private boolean insecure;
        private Path caCert;
        private ProxyConfig proxy;
        private List<ResolveOverride> resolve;
        private int maxResponseBytes;
        private String userAgent;
        private int ioThreads;

        private Builder(HttpClientOptions o) {
            connectTimeout = o.connectTimeout;
            requestTimeout = o.requestTimeout;
            acquireTimeout = o.acquireTimeout;
            idleTimeout = o.idleTimeout;
            maxLifetime = o.maxLifetime;
            maxConnectionsPerOrigin = o.maxConnectionsPerOrigin;
            maxRedirects = o.maxRedirects;
            insecure = o.insecure;
            caCert = o.caCert;
            proxy = o.proxy;
            resolve = o.resolve;
            maxResponseBytes = o.maxResponseBytes;
            userAgent = o.userAgent;
            ioThreads = o.ioThreads;
        }

        public Builder connectTimeout(Duration d) {
            connectTimeout = d;
            return this;
        }

        public Builder requestTimeout(Duration d) {
            requestTimeout = d;
            return this;
        }

        public Builder acquireTimeout(Duration d) {
            acquireTimeout = d;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            idleTimeout = d;
            return this;
        }

        public Builder maxLifetime(Duration d) {
            maxLifetime = d;
            return this;
        }

        public Builder maxConnectionsPerOrigin(int n) {
            maxConnectionsPerOrigin = n;
            return this;
        }

        public Builder maxRedirects(int n) {
            maxRedirects = n;
            return this;
        }

        public Builder insecure(boolean b) {
            insecure = b;
            return this;
        }

        public Builder caCert(Path pem) {
            caCert = pem;
            return this;
        }

        public Builder proxy(ProxyConfig p) {
            proxy = p;
            return this;
        }

        public Builder resolve(List<ResolveOverride> overrides) {
            resolve = overrides;
            return this;
        }

        public Builder maxResponseBytes(int n) {
            maxResponseBytes = n;
            return this;
        }

        public Builder userAgent(String ua) {
            userAgent = ua;
            return this;
        }

        public Builder ioThreads(int n) {
            ioThreads = n;
            return this;
        }

        public HttpClientOptions build() {
            return new HttpClientOptions(connectTimeout, requestTimeout, acquireTimeout, idleTimeout, maxLifetime,
                    maxConnectionsPerOrigin, maxRedirects, insecure, caCert, proxy, resolve, maxResponseBytes,
                    userAgent, ioThreads);
        }
    }
}
