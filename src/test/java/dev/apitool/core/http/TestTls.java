package dev.apitool.core.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.nio.file.Path;

/**
 * One self-signed certificate for {@code localhost}, generated once per test run (Netty's
 * {@link SelfSignedCertificate}, which works on Java 17 without BouncyCastle), and a JDK-provider
 * server context serving it.
 */
final class TestTls {

    private static SelfSignedCertificate certificate;
    private static SslContext server;

    private TestTls() {}

    /** Returns the certificate, its PEM files written to a temporary directory. */
    static synchronized SelfSignedCertificate certificate() throws Exception {
        if (certificate == null) {
            certificate = SelfSignedCertificate.builder().fqdn("localhost").algorithm("EC").bits(256).build();
        }
        return certificate;
    }

    /** Returns the PEM file of the certificate, usable as {@code --cacert}. */
    static Path certificatePem() throws Exception {
        return certificate().certificate().toPath();
    }

    /** Returns a server context for the certificate. */
    static synchronized SslContext serverContext() throws Exception {
        if (server == null) {
            SelfSignedCertificate c = certificate();
            server = SslContextBuilder.forServer(c.key(), c.cert()).sslProvider(SslProvider.JDK).build();
        }
        return server;
    }
}
