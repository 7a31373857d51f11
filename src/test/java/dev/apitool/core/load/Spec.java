package dev.apitool.core.load;

import dev.apitool.core.http.Headers;
import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.time.Rates;
import java.net.URI;
import java.time.Duration;

/** A {@link LoadSpec} builder for tests: GET, 4 connections, 2 loops, 2 s timeout, default warm-up. */
public final class Spec {
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

    public static Spec to(URI url) {
        Spec s = new Spec();
        s.url = url;
        return s;
    }

    public Spec connections(int n) {
        connections = n;
        return this;
    }

    public Spec rate(String r) {
        rate = Rates.parse(r);
        return this;
    }

    public Spec stages(String text) {
        stages = Stages.parse(text);
        return this;
    }

    public Spec maxInFlight(int n) {
        maxInFlight = n;
        return this;
    }

    public Spec requests(long n) {
        requests = n;
        return this;
    }

    public Spec duration(Duration d) {
        duration = d;
        return this;
    }

    public Spec threads(int n) {
        threads = n;
        return this;
    }

    public Spec timeout(Duration d) {
        timeout = d;
        return this;
    }

    public Spec warmup(Duration d) {
        warmup = d;
        return this;
    }

    public LoadSpec build() {
        return new LoadSpec(url, method, headers, body, connections, rate, maxInFlight, requests, duration, threads,
                timeout, warmup, ok, null, stages);
    }

    public LoadReport run() {
        return LoadRunner.of(build()).run();
    }
}
