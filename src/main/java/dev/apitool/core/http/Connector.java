package dev.apitool.core.http;

import java.util.concurrent.CompletableFuture;

/** Opens connections for a pool: TCP, proxy tunnel and TLS handshake, done when the connection can carry a request. */
interface Connector {

    /** Returns a future of a ready connection to {@code origin} named {@code id}, or of the HttpException that prevented it. */
    CompletableFuture<Connection> connect(Origin origin, String id);
}
