package dev.apitool.core.http;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The asynchronous HTTP/1.1 client that {@code health}, {@code idempotency replay} and
 * {@code jwt verify --jwks-url} share: keep-alive connections in one bounded
 * {@link ConnectionPool} per origin, TLS on the JDK provider, proxies, {@code --resolve}
 * overrides, opt-in redirects, and one deadline per call. It owns its event loop group: create one
 * per run and {@link #close} it. Futures complete on an I/O thread; do not block in dependent stages.
 */
public final class HttpClient implements AutoCloseable {

    private final HttpClientOptions options;
    private final Transport transport;
    private final EventLoopGroup group;
    private final Dialer dialer;
    private final ChannelConnector connector;
    private final LongSupplier clock;
    private final Map<Origin, ConnectionPool> pools = new ConcurrentHashMap<>();
    private final AtomicLong probes = new AtomicLong();
    private volatile boolean closed;

    /**
     * Returns a client with these options on the best transport.
     *
     * @throws dev.apitool.core.io.InputException when the {@code caCert} file cannot be used
     */
    public HttpClient(HttpClientOptions options) {
        this(options, Transport.auto(), System::nanoTime);
    }

    /** For tests: a chosen transport and a clock for pool lifetimes. */
    HttpClient(HttpClientOptions options, Transport transport, LongSupplier nanoClock) {
        this.options = options;
        this.transport = transport;
        this.clock = nanoClock;
        this.dialer = Dialer.of(transport, options); // a bad CA file fails here, before any thread starts
        this.group = transport.newGroup(options.ioThreads(), "apitool-http");
        this.connector = new ChannelConnector(group, dialer, options);
    }

    /** Returns the options this client was made with. */
    public HttpClientOptions options() {
        return options;
    }

    /** Returns the transport in use ({@code epoll} or {@code nio}). */
    public Transport transport() {
        return transport;
    }

    /**
     * Sends {@code request} through the pool of its origin and returns the response; 3xx responses
     * are followed when {@code maxRedirects > 0}. The future fails with an {@link HttpException};
     * the request's timeout (or {@code requestTimeout}) bounds the whole call.
     */
    public CompletableFuture<HttpResponse> send(HttpRequest request) {
        return send(request, new CallTiming());
    }

    /** Sends {@code request} as {@link #send(HttpRequest)} does, and fills in {@code timing} before the future completes. */
    public CompletableFuture<HttpResponse> send(HttpRequest request, CallTiming timing) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        return new Call(this, request, timing).start();
    }

    /**
     * Starts the event loop threads and makes one exchange with a throwaway socket on loopback in
     * this process, so that a call measured afterwards times the network, not thread start-up and
     * class loading. Returns when done (a few ms once the classes are loaded).
     */
    public void warmUp() {
        for (EventExecutor e : group) {
            e.submit(() -> { }).syncUninterruptibly();
        }
        Duration limit = Duration.ofSeconds(2);
        HttpClientOptions generous = options.toBuilder().connectTimeout(limit).acquireTimeout(limit).build();
        WarmUp.exchange(new ChannelConnector(group, dialer.withConnectTimeout(limit), generous), group);
    }

    /** Returns the client's monotonic time in nanoseconds. */
    long nanoTime() {
        return clock.getAsLong();
    }

    /**
     * Returns a new connection to {@code uri}'s origin that no pool owns, through the same proxy,
     * resolve and TLS settings (for connect and certificate checks); the caller closes it.
     */
    public CompletableFuture<Connection> connect(URI uri) {
        return connect(uri, options.proxy());
    }

    /**
     * Returns a new connection to {@code uri}'s origin as {@link #connect} does, but never through a
     * proxy: for probes of the origin itself (a proxy would answer a plain TCP check for it).
     */
    public CompletableFuture<Connection> connectDirect(URI uri) {
        return connect(uri, ProxyConfig.NONE);
    }

    private CompletableFuture<Connection> connect(URI uri, ProxyConfig proxies) {
        if (closed) {
            return CompletableFuture.failedFuture(closedError());
        }
        try {
            return connector.connect(Origin.of(uri, proxies), "probe-" + probes.getAndIncrement());
        } catch (HttpException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Returns the pool for {@code uri}'s origin (and proxy), creating it on first use. */
    public ConnectionPool pool(URI uri) {
        return pool(dialer.origin(uri));
    }

    /** Returns the pool for {@code origin}, creating it on first use. */
    ConnectionPool pool(Origin origin) {
        if (closed) {
            throw closedError();
        }
        return pools.computeIfAbsent(origin, o -> new ConnectionPool(o, options.maxConnectionsPerOrigin(),
                options.idleTimeout(), options.maxLifetime(), connector, group, clock));
    }

    /** Returns the executor that runs deadlines. */
    EventLoopGroup group() {
        return group;
    }

    /**
     * Closes every pool (pending calls fail with CLOSED) and shuts the event loop group down,
     * waiting up to a few seconds unless called from one of its own threads.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            pools.values().forEach(ConnectionPool::close);
        } finally {
            var terminated = group.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            if (!onOwnThread()) {
                terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
            }
        }
    }

    private boolean onOwnThread() {
        for (EventExecutor e : group) {
            if (e.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    private static HttpException closedError() {
        return new HttpException(HttpException.Kind.CLOSED, HttpException.Phase.POOL, "HTTP client is closed");
    }
}
