/**
 * The one HTTP/1.1 stack of apitool, on Netty: a client for {@code health}, {@code idempotency
 * replay} and JWKS fetching, and a server for {@code pipeline serve} and for tests.
 *
 * <p>{@link dev.apitool.core.http.Transport} picks epoll when its native library loads and NIO
 * otherwise, for client and server alike. Netty code comes in three roles: the
 * {@code HttpClient}/{@code HttpServer} own an event loop group and shut it down; the
 * {@code ClientInitializer}/{@code ServerInitializer} only build a pipeline, adding TLS only when
 * given a context; the {@code ClientHandler}/{@code ServerHandler} hold the behaviour, and count
 * and close on errors rather than print them.
 *
 * <p>{@link dev.apitool.core.http.HttpClient#send} returns a {@code CompletableFuture} of a whole
 * {@link dev.apitool.core.http.HttpResponse} and fails with an
 * {@link dev.apitool.core.http.HttpException} whose kind a program branches on and whose one-line
 * message a person reads ({@code Connection refused: 127.0.0.1:8080},
 * {@code timeout after 100ms waiting for response from ...}). Each origin (scheme, host, port and
 * proxy) gets a bounded {@link dev.apitool.core.http.ConnectionPool}: acquire with a timeout and a
 * FIFO queue of waiters instead of polling, release that closes what cannot be reused, detection of
 * connections the server closed, a maximum lifetime and an idle timeout measured on an injected
 * clock, and stable connection ids ({@code conn-0}, {@code conn-1}, ...). All options live in one
 * immutable {@link dev.apitool.core.http.HttpClientOptions}; proxies come from an environment map
 * the front end passes in ({@link dev.apitool.core.http.ProxyConfig#fromEnv}), never from
 * {@code System.getenv} here.
 *
 * <p>Every client connection, the pooled client's and {@code load}'s, is opened by one
 * {@link dev.apitool.core.http.Dialer}: the origin (IPv6 brackets added and removed in one place),
 * {@code --resolve} overrides, proxy or direct, the connect timeout, and TLS on the JDK provider with
 * SNI and host name verification on the URL's host, a PEM CA file ({@code --cacert}) or none
 * ({@code --insecure}). Proxied https goes through a CONNECT tunnel, proxied http in absolute form
 * (RFC 9112 section 3.2.2). What goes wrong is classified once, by
 * {@link dev.apitool.core.http.HttpException#from}; {@link dev.apitool.core.http.ErrorKind} folds
 * that into the five keys a load report counts. {@code load} keeps its own allocation-free codec
 * beside the full one, in {@code core.http.raw}.
 */
package dev.apitool.core.http;
