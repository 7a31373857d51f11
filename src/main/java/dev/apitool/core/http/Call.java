package dev.apitool.core.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One {@link HttpClient#send}: acquire a pooled connection, exchange, release, and maybe again:
 * for a redirect (RFC 9110 section 15.4, with curl's method rules), or to retry a request that is
 * safe to repeat (idempotent method, or an {@code Idempotency-Key} header) when the reused
 * connection it went out on turned out to be closed by the server before answering. Retries are
 * bounded by the pool size + 1, as each stale connection is discarded and a fresh one is never
 * retried. A single deadline covers the whole call; when it passes, the pending acquire is
 * withdrawn or the exchange aborted.
 */
final class Call {

    private final HttpClient client;
    private final Duration timeout;
    private final CallTiming timing;
    private final CompletableFuture<HttpResponse> result = new CompletableFuture<>();
    private int redirects;
    private int retries;
    private volatile String target = "?";
    private volatile ConnectionPool pool;
    private volatile CompletableFuture<Connection> acquiring;
    private volatile Connection connection;
    private volatile CompletableFuture<HttpResponse> exchange;
    private volatile HttpRequest current;

    Call(HttpClient client, HttpRequest request, CallTiming timing) {
        this.client = client;
        this.current = request;
        this.timing = timing;
        Duration t = request.timeout() != null ? request.timeout() : client.options().requestTimeout();
        this.timeout = t.isZero() ? null : t;
    }

    CompletableFuture<HttpResponse> start() {
        ScheduledFuture<?> deadline = timeout == null ? null
                : client.group().schedule(this::onDeadline, timeout.toNanos(), TimeUnit.NANOSECONDS);
        result.whenComplete((r, e) -> {
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (result.isCancelled()) { // the caller gave up: free the pool slot or the connection now
                withdraw(new HttpException(HttpException.Kind.CLOSED, HttpException.Phase.READ, "call cancelled"));
            }
        });
        attempt(current);
        return result;
    }

    private void attempt(HttpRequest request) {
        current = request;
        ConnectionPool pool;
        try {
            Origin origin = Origin.of(request.uri(), client.options().proxy());
            target = origin.authority();
            pool = client.pool(origin);
            this.pool = pool;
        } catch (HttpException e) {
            result.completeExceptionally(e);
            return;
        }
        long acquiring0 = client.nanoTime();
        CompletableFuture<Connection> a = pool.acquire(client.options().acquireTimeout());
        acquiring = a;
        a.whenComplete((c, error) -> {
            acquiring = null;
            if (error != null) {
                if (!(error instanceof CancellationException)) {
                    result.completeExceptionally(HttpException.from(error, HttpException.Phase.POOL, target, null));
                }
            } else {
                timing.addConnect(client.nanoTime() - acquiring0);
                exchange(pool, c, request);
            }
        });
        if (result.isDone()) {
            a.cancel(false); // the deadline passed while we were getting here
        }
    }

    private void exchange(ConnectionPool pool, Connection c, HttpRequest request) {
        if (result.isDone()) {
            pool.release(c);
            return;
        }
        connection = c;
        long sent = client.nanoTime();
        CompletableFuture<HttpResponse> x = c.send(request);
        exchange = x;
        if (result.isDone()) {
            c.abort(x, new HttpException(HttpException.Kind.CLOSED, HttpException.Phase.READ, "call ended"));
        }
        x.whenComplete((response, error) -> {
            timing.addExchange(client.nanoTime() - sent);
            connection = null;
            exchange = null;
            pool.release(c);
            if (result.isDone()) {
                return;
            }
            try {
                onExchanged(request, response, error);
            } catch (RuntimeException e) {
                result.completeExceptionally(HttpException.from(e, HttpException.Phase.READ, target, null));
            }
        });
    }

    private void onExchanged(HttpRequest request, HttpResponse response, Throwable error) {
        if (error != null) {
            HttpException e = HttpException.from(error, HttpException.Phase.READ, target, null);
            boolean safe = request.idempotent() || request.headers().contains("Idempotency-Key");
            if (e.retryable() && safe && retries++ <= client.options().maxConnectionsPerOrigin()) {
                attempt(request); // the server closed a kept-alive connection as we reused it; each stale one is gone now
            } else {
                result.completeExceptionally(e);
            }
            return;
        }
        URI next = redirectTarget(request, response);
        if (next == null) {
            result.complete(response.at(request.uri(), redirects));
        } else if (redirects >= client.options().maxRedirects()) {
            result.completeExceptionally(new HttpException(HttpException.Kind.TOO_MANY_REDIRECTS, HttpException.Phase.READ,
                    "Maximum (" + client.options().maxRedirects() + ") redirects followed, last to " + next));
        } else {
            redirects++;
            attempt(redirected(request, response.status(), next));
        }
    }

    /** Returns where a followed redirect goes, or null when the response is final. */
    private URI redirectTarget(HttpRequest request, HttpResponse response) {
        int s = response.status();
        boolean redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
        String location = response.header("Location");
        if (!redirect || location == null || client.options().maxRedirects() == 0) {
            return null;
        }
        try {
            return request.uri().resolve(new URI(location.strip()));
        } catch (Exception e) {
            throw new HttpException(HttpException.Kind.PROTOCOL, HttpException.Phase.READ,
                    "invalid Location header in redirect from " + request.uri() + ": " + location, e);
        }
    }

    /**
     * Returns the request for the redirect: 303 becomes GET (HEAD stays), as do 301 and 302 after
     * a POST (curl's rule, following browsers); 307 and 308 repeat method and body. Credentials are
     * not sent to another host.
     */
    private static HttpRequest redirected(HttpRequest request, int status, URI next) {
        HttpRequest r = request.withUri(next);
        boolean toGet = (status == 303 && !r.method().equals("HEAD")) || ((status == 301 || status == 302) && r.method().equals("POST"));
        if (toGet) {
            r = new HttpRequest("GET", next, r.headers().without("Content-Length").without("Content-Type")
                    .without("Transfer-Encoding"), null, r.timeout());
        }
        if (!sameHost(request.uri(), next)) {
            r = r.withHeaders(r.headers().without("Authorization").without("Cookie").without("Host"));
        }
        return r;
    }

    private static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort()
                && String.valueOf(a.getScheme()).equalsIgnoreCase(b.getScheme());
    }

    private void onDeadline() {
        if (result.isDone()) {
            return;
        }
        boolean reading = connection != null && exchange != null;
        ConnectionPool p = pool;
        PoolStats stats = p == null ? null : p.stats();
        int max = client.options().maxConnectionsPerOrigin();
        HttpException e;
        if (reading) {
            e = HttpException.timeout(HttpException.Phase.READ, timeout, "waiting for response from " + target);
        } else if (stats != null && stats.inUse() >= max) {
            e = HttpException.timeout(HttpException.Phase.POOL, timeout, "waiting for a free connection to " + target
                    + " (" + stats.inUse() + " of " + max + " in use)");
        } else {
            e = HttpException.timeout(HttpException.Phase.CONNECT, timeout, "connecting to " + target);
        }
        CompletableFuture<Connection> a = acquiring;
        if (a != null) {
            a.cancel(false); // withdrawn before the caller hears of the timeout
        }
        if (result.completeExceptionally(e)) {
            withdraw(e);
        }
    }

    /** Withdraws a pending acquire and aborts an exchange in flight. */
    private void withdraw(HttpException e) {
        CompletableFuture<Connection> a = acquiring;
        if (a != null) {
            a.cancel(false);
        }
        Connection c = connection;
        CompletableFuture<HttpResponse> x = exchange;
        if (c != null && x != null) {
            c.abort(x, e);
        }
    }
}
