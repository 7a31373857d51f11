package dev.apitool.core.load;

import dev.apitool.core.http.Headers;
import dev.apitool.core.time.Rates;
import java.net.URI;
import java.time.Duration;

/** A {@link LoadSpec} builder for tests: GET, 4 connections, 2 loops, 2 s timeout, default warm-up. */
final class Spec {
    URI url;
    String method = "GET";
    Headers headers = Headers.EMPTY;
    byte[] body = new byte[0];
    int connections = 4;
    Rates.Rate rate;
    int maxInFlight = 256;
    long requests;
    Duration duration;
    int threads = 2;
    Duration timeout = Duration.ofSeconds(2);
    Duration warmup;
    StatusSet ok;
    Stages stages;

    static Spec to(URI url) {
        Spec s = new Spec();
        s.url = url;
        return s;
    }

    Spec connections(int n) {
        connections = n;
        return this;
    }

    Spec rate(String r) {
        rate = Rates.parse(r);
        return this;
    }

    Spec stages(String text) {
        stages = Stages.parse(text);
        return this;
    }

    Spec maxInFlight(int n) {
        maxInFlight = n;
        return this;
    }

    Spec requests(long n) {
        requests = n;
        return this;
    }

    Spec duration(Duration d) {
        duration = d;
        return this;
    }

    Spec threads(int n) {
        threads = n;
        return this;
    }

    Spec timeout(Duration d) {
        timeout = d;
        return this;
    }

    Spec warmup(Duration d) {
        warmup = d;
        return this;
    }

    LoadSpec build() {
        return new LoadSpec(url, method, headers, body, connections, rate, maxInFlight, requests, duration, threads,
                timeout, warmup, ok, null, stages);
    }

    LoadReport run() {
        return LoadRunner.of(build()).run();
    }
}
