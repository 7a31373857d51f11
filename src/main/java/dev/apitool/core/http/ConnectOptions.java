package dev.apitool.core.http;

import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ResolveOverride;
import java.nio.file.Path;
import java.util.List;

/**
 * How a load run reaches its target, from the shared request flags: TLS verification for https
 * ({@code --insecure}, {@code --cacert}) and fixed addresses ({@code --resolve}), which
 * {@link Dialer#direct} turns into the run's dialer. A load run always connects directly: proxies
 * are not part of it.
 *
 * @param insecure skip certificate and host name verification
 * @param caCert a PEM file of CA certificates trusted instead of the JDK's, or null
 * @param resolve fixed addresses for host:port pairs; the URL's name still goes in Host and TLS
 */
public record ConnectOptions(boolean insecure, Path caCert, List<ResolveOverride> resolve) {

    /** Verified TLS against the JDK's trust store, no overrides. */
    public static final ConnectOptions DEFAULT = new ConnectOptions(false, null, List.of());

    public ConnectOptions {
        resolve = resolve == null ? List.of() : List.copyOf(resolve);
    }

    /** Returns the TLS and resolve settings of {@code client} (its proxy, pool and timeouts are not used). */
    public static ConnectOptions of(HttpClientOptions client) {
        return new ConnectOptions(client.insecure(), client.caCert(), client.resolve());
    }
}
