package dev.apitool.core.health;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Endpoints and checkers for tests, with the config's defaults unless said otherwise. */
final class Endpoints {

    private Endpoints() {}

    static Endpoint of(String name, String url, boolean critical, Duration timeout, String... conditions) {
        return new Endpoint(name, Target.parse(url), "GET", Headers.EMPTY, new byte[0], timeout, critical, 0,
                Endpoint.DEFAULT_BACKOFF, Endpoint.DEFAULT_FAILURE_THRESHOLD, Endpoint.DEFAULT_SUCCESS_THRESHOLD, null,
                Arrays.stream(conditions).map(Condition::parse).toList());
    }

    static Endpoint of(String name, String url, String... conditions) {
        return of(name, url, true, Endpoint.DEFAULT_TIMEOUT, conditions);
    }

    static Endpoint retrying(Endpoint e, int retries, Duration backoff) {
        return new Endpoint(e.name(), e.target(), e.method(), e.headers(), e.body(), e.timeout(), e.critical(), retries, backoff,
                e.failureThreshold(), e.successThreshold(), e.group(), e.conditions());
    }

    static Endpoint thresholds(Endpoint e, int failures, int successes) {
        return new Endpoint(e.name(), e.target(), e.method(), e.headers(), e.body(), e.timeout(), e.critical(), e.retries(),
                e.retryBackoff(), failures, successes, e.group(), e.conditions());
    }

    /** Returns a checker for {@code endpoints} on one I/O thread, with the system clock. */
    static Checker checker(List<Endpoint> endpoints) {
        return checker(endpoints, HttpClientOptions.builder().ioThreads(1).build());
    }

    static Checker checker(List<Endpoint> endpoints, HttpClientOptions base) {
        return new Checker(Checker.optionsFor(endpoints, base), Clock.systemUTC());
    }
}
