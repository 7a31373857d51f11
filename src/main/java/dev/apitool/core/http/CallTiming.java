package dev.apitool.core.http;

import java.time.Duration;

/**
 * Where the time of one {@link HttpClient#send(HttpRequest, CallTiming)} went, as curl's
 * {@code time_connect} and {@code time_total} minus it would split it: getting a connection (a
 * new connect, or none for a kept-alive one) apart from the exchange itself, from the write of the
 * request to the end of the response. Filled in by the call on an I/O thread; read it once the
 * call's future has completed. Over redirects and stale-connection retries both add up.
 */
public final class CallTiming {

    private volatile long connectNanos;
    private volatile long exchangeNanos;

    /** Returns the time spent getting connections (connect, TLS handshake, proxy tunnel, pool wait). */
    public Duration connect() {
        return Duration.ofNanos(connectNanos);
    }

    /** Returns the time from writing the request to the end of the response. */
    public Duration exchange() {
        return Duration.ofNanos(exchangeNanos);
    }

    void addConnect(long nanos) {
        connectNanos += nanos;
    }

    void addExchange(long nanos) {
        exchangeNanos += nanos;
    }
}
