package dev.apitool.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The seed's pool grown up, against real loopback connections; lifetimes on a fake clock. */
class ConnectionPoolTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private HttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = HttpServer.start(HttpServerOptions.loopback(), request -> java.util.concurrent.CompletableFuture.completedFuture(
                request.path().equals("/close-quietly")
                        ? ServerResponse.text(200, "ok").withEnding(ServerResponse.Ending.ABORT)
                        : ServerResponse.text(200, "ok")));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private ConnectionPool pool(HttpClientOptions.Builder options) {
        client = new HttpClient(options.ioThreads(1).build(), Transport.auto(), nanos::get);
        return client.pool(server.uri("/"));
    }

    private void awaitServerOpen(int expected) {
        Await.until(() -> server.openConnections() == expected, Duration.ofSeconds(5),
                () -> "server open connections " + server.openConnections() + ", expected " + expected);
    }

    @Test
    void seedSequence_minTwo_releasedConnectionIsReused() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(10));
        Futures.get(pool.start(2));
        assertThat(pool.stats().open()).isEqualTo(2);

        Connection conn1 = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        Connection conn2 = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        assertThat(conn1.id()).isEqualTo("conn-0");
        assertThat(conn2.id()).isEqualTo("conn-1");

        pool.release(conn1);
        Connection conn3 = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        assertThat(conn3.id()).isEqualTo("conn-0");
        assertThat(conn3).isSameAs(conn1);

        pool.release(conn2);
        pool.release(conn3);
        assertThat(pool.stats()).isEqualTo(new PoolStats(2, 2, 0, 0, 0, 2, 0));
        pool.close();
        assertThat(pool.stats().open()).isZero();
        awaitServerOpen(0);
    }

    @Test
    void exhausted_acquireTimesOut_withPoolExhausted() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection held = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        long start = System.nanoTime();

        HttpException e = Futures.failure(pool.acquire(Duration.ofMillis(100)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(e.kind()).isEqualTo(HttpException.Kind.POOL_EXHAUSTED);
        assertThat(e.getMessage()).isEqualTo("pool exhausted: no connection to http://127.0.0.1:" + server.port()
                + " free within 100ms (1 of 1 in use)");
        assertThat(tookMillis).isBetween(90L, 900L);
        assertThat(pool.stats().waiting()).isZero();
        pool.release(held);
    }

    @Test
    void exhausted_callDeadlinePassesFirst_saysItWaitedForAConnection() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection held = Futures.get(pool.acquire(Duration.ofSeconds(5)));

        HttpException e = Futures.failure(client.send(HttpRequest.of("GET", server.uri("/")).withTimeout(Duration.ofMillis(100))));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.TIMEOUT);
        assertThat(e.phase()).isEqualTo(HttpException.Phase.POOL);
        assertThat(e.getMessage()).isEqualTo("timeout after 100ms waiting for a free connection to 127.0.0.1:" + server.port()
                + " (1 of 1 in use)");
        assertThat(pool.stats().waiting()).as("the call's acquire was withdrawn").isZero();
        pool.release(held);
    }

    @Test
    void waiter_isServedByTheNextRelease() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection held = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        CompletableFuture<Connection> waiting = pool.acquire(Duration.ofSeconds(5));
        assertThat(waiting).isNotDone();
        assertThat(pool.stats().waiting()).isEqualTo(1);

        pool.release(held);

        assertThat(Futures.get(waiting)).isSameAs(held);
        assertThat(pool.stats().inUse()).isEqualTo(1);
    }

    @Test
    void cancelledAcquire_isWithdrawn() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection held = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        CompletableFuture<Connection> waiting = pool.acquire(Duration.ofSeconds(5));

        waiting.cancel(false);
        pool.release(held);

        assertThat(pool.stats()).extracting(PoolStats::waiting, PoolStats::idle, PoolStats::inUse).containsExactly(0, 1, 0);
    }

    @Test
    void unhealthyConnection_release_closesItAndFreesTheSlot() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection broken = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        broken.close();
        Await.until(() -> !broken.isOpen(), Duration.ofSeconds(2), () -> "closed");

        pool.release(broken);
        Connection next = Futures.get(pool.acquire(Duration.ofSeconds(5)));

        assertThat(next.id()).isEqualTo("conn-1");
        assertThat(pool.stats().closed()).isEqualTo(1);
    }

    @Test
    void serverClosesIdleConnections_detectedAndReplaced() {
        server.close();
        server = HttpServer.start(HttpServerOptions.loopback().withIdleTimeout(Duration.ofMillis(50)),
                RequestHandler.of(r -> ServerResponse.text(200, "ok")));
        client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        URI uri = server.uri("/");

        HttpResponse first = Futures.get(client.send(HttpRequest.of("GET", uri)));
        Await.until(() -> client.pool(uri).stats().open() == 0, Duration.ofSeconds(5), () -> "pool saw the close");
        HttpResponse second = Futures.get(client.send(HttpRequest.of("GET", uri)));

        assertThat(first.connectionId()).isEqualTo("conn-0");
        assertThat(second.connectionId()).isEqualTo("conn-1");
        assertThat(client.pool(uri).stats().closed()).isEqualTo(1);
    }

    @Test
    void serverClosesRightAfterEachResponse_requestsStillSucceed() {
        client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        URI uri = server.uri("/close-quietly");

        for (int i = 0; i < 50; i++) {
            HttpResponse r = Futures.get(client.send(HttpRequest.of("GET", uri)));
            assertThat(r.status()).isEqualTo(200);
        }

        assertThat(server.connectionsAccepted()).isGreaterThanOrEqualTo(50);
        awaitServerOpen(0);
    }

    @Test
    void maxLifetime_oldConnection_isRecycled() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxLifetime(Duration.ofSeconds(60)));
        Connection first = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        pool.release(first);
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        Connection young = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        assertThat(young).isSameAs(first);
        pool.release(young);

        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        Connection replaced = Futures.get(pool.acquire(Duration.ofSeconds(5)));

        assertThat(replaced.id()).isEqualTo("conn-1");
        Await.until(() -> !first.isOpen(), Duration.ofSeconds(2), () -> "conn-0 closed");
        pool.release(replaced);
        awaitServerOpen(1);
    }

    @Test
    void maxLifetime_inUseConnectionPastIt_isClosedOnRelease() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxLifetime(Duration.ofSeconds(60)));
        Connection c = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());

        pool.release(c);

        assertThat(pool.stats().open()).isZero();
        awaitServerOpen(0);
    }

    @Test
    void idleTimeout_evictsIdleConnections() {
        ConnectionPool pool = pool(HttpClientOptions.builder().idleTimeout(Duration.ofSeconds(30)));
        Futures.get(pool.start(2));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(pool.evictExpired()).isZero();

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(pool.evictExpired()).isEqualTo(2);
        assertThat(pool.stats().open()).isZero();
        awaitServerOpen(0);
    }

    @Test
    void close_failsWaitersClosesEverything_andRefusesLaterAcquires() {
        ConnectionPool pool = pool(HttpClientOptions.builder().maxConnectionsPerOrigin(1));
        Connection held = Futures.get(pool.acquire(Duration.ofSeconds(5)));
        CompletableFuture<Connection> waiting = pool.acquire(Duration.ofSeconds(5));

        pool.close();

        assertThat(Futures.failure(waiting).kind()).isEqualTo(HttpException.Kind.CLOSED);
        assertThat(Futures.failure(pool.acquire(Duration.ofSeconds(1))).kind()).isEqualTo(HttpException.Kind.CLOSED);
        Await.until(() -> !held.isOpen(), Duration.ofSeconds(2), () -> "in-use connection closed");
        pool.release(held);
        assertThat(pool.stats().open()).isZero();
        awaitServerOpen(0);
    }

    @Test
    void refusedConnect_failsTheWaiter_andFreesTheSlot() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client = new HttpClient(HttpClientOptions.builder().ioThreads(1).build());
        ConnectionPool pool = client.pool(URI.create("http://127.0.0.1:" + port + "/"));

        HttpException e = Futures.failure(pool.acquire(Duration.ofSeconds(5)));

        assertThat(e.kind()).isEqualTo(HttpException.Kind.CONNECT_REFUSED);
        assertThat(pool.stats()).extracting(PoolStats::open, PoolStats::waiting).containsExactly(0, 0);
    }
}
