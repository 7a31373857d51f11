package dev.apitool.core.http;

import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import java.io.ByteArrayInputStream;
import dev.apitool.core.io.InputException;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * Client TLS contexts on the JDK provider: certificates checked against the JDK trust store, or
 * only against a PEM CA file (curl {@code --cacert}), with RFC 2818 host name verification
 * ({@code HTTPS} endpoint identification) on; or, with {@code insecure}, neither. The client
 * ({@link HttpClient}) and {@code load} both build theirs here; a handler made with
 * {@code newHandler(alloc, peerHost, peerPort)} sends SNI, checks the host name and can resume the
 * session on reconnect.
 */
public final class TlsContexts {

    private TlsContexts() {}

    /**
     * Returns the client context these options ask for.
     *
     * @throws InputException when the CA file cannot be read or holds no PEM certificate
     */
    public static SslContext client(boolean insecure, Path caCert) {
        SslContextBuilder b = SslContextBuilder.forClient().sslProvider(SslProvider.JDK);
        if (insecure) {
            b.trustManager(InsecureTrustManagerFactory.INSTANCE).endpointIdentificationAlgorithm(null);
        } else {
            if (caCert != null) {
                byte[] pem = Inputs.readFile(caCert, "--cacert", Limit.KEY); // says why it cannot be read; bounded
                try {
                    b.trustManager(new ByteArrayInputStream(pem));
                } catch (IllegalArgumentException e) {
                    throw new InputException("--cacert " + caCert + ": no PEM certificates in it (" + e.getMessage() + ")", e);
                }
            }
            b.endpointIdentificationAlgorithm("HTTPS");
        }
        try {
            return b.build();
        } catch (SSLException | IllegalArgumentException e) {
            throw new InputException("TLS setup failed: " + e.getMessage(), e);
        }
    }
}
