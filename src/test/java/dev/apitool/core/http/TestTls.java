package dev.apitool.core.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Self-signed certificates, generated once per test run and name (Netty's
 * {@link SelfSignedCertificate}, which works on Java 17 without BouncyCastle), and JDK-provider
 * server contexts serving them: {@code localhost} by default, other names for host name and
 * {@code --resolve} tests. Shared by the client, health and load tests.
 */
public final class TestTls {

    private static final Map<String, SelfSignedCertificate> CERTIFICATES = new HashMap<>();
    private static final Map<String, SslContext> SERVERS = new HashMap<>();

    private TestTls() {}

    /** Returns the certificate for {@code localhost}, its PEM files written to a temporary directory. */
    public static SelfSignedCertificate certificate() throws Exception {
        return certificate("localhost");
    }

    /** Returns a certificate for {@code fqdn}, its PEM files written to a temporary directory. */
    public static synchronized SelfSignedCertificate certificate(String fqdn) throws Exception {
        SelfSignedCertificate c = CERTIFICATES.get(fqdn);
        if (c == null) {
            c = SelfSignedCertificate.builder().fqdn(fqdn).algorithm("EC").bits(256).build();
            CERTIFICATES.put(fqdn, c);
        }
        return c;
    }

    /** Returns the PEM file of the {@code localhost} certificate, usable as {@code --cacert}. */
    public static Path certificatePem() throws Exception {
        return certificate().certificate().toPath();
    }

    /** Returns the PEM file of the certificate for {@code fqdn}, usable as {@code --cacert}. */
    public static Path certificatePem(String fqdn) throws Exception {
        return certificate(fqdn).certificate().toPath();
    }

    /** Returns a server context for the {@code localhost} certificate. */
    public static SslContext serverContext() throws Exception {
        return serverContext("localhost");
    }

    /** Returns a server context for the certificate for {@code fqdn}. */
    public static synchronized SslContext serverContext(String fqdn) throws Exception {
        SslContext s = SERVERS.get(fqdn);
        if (s == null) {
            SelfSignedCertificate c = certificate(fqdn);
            s = SslContextBuilder.forServer(c.key(), c.cert()).sslProvider(SslProvider.JDK).build();
            SERVERS.put(fqdn, s);
        }
        return s;
    }
}
