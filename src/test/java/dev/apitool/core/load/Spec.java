package dev.apitool.core.load;

import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.time.Rates;
import java.net.URI;
import java.time.Duration;

/** Test defaults over {@link LoadSpec.Builder}: 4 connections, 2 loops, 2 s timeout, default warm-up; rates and stages as text. */
public final class Spec {
    private final LoadSpec.Builder builder;

    private Spec(URI url) {
        builder = LoadSpec.builder(url).connections(4).threads(2).timeout(Duration.ofSeconds(2));
    }

    public static Spec to(URI url) {
        return new Spec(url);
    }

    public Spec connections(int n) {
        builder.connections(n);
        return this;
    }

    public Spec rate(String r) {
        builder.rate(Rates.parse(r));
        return this;
    }

    public Spec stages(String text) {
        builder.stages(Stages.parse(text));
        return this;
    }

    public Spec maxInFlight(int n) {
        builder.maxInFlight(n);
        return this;
    }

    public Spec requests(long n) {
        builder.requests(n);
        return this;
    }

    public Spec duration(Duration d) {
        builder.duration(d);
        return this;
    }

    public Spec maxDuration(Duration d) {
        builder.maxDuration(d);
        return this;
    }

    public Spec threads(int n) {
        builder.threads(n);
        return this;
    }

    public Spec timeout(Duration d) {
        builder.timeout(d);
        return this;
    }

    public Spec warmup(Duration d) {
        builder.warmup(d);
        return this;
    }

    public LoadSpec build() {
        return builder.build();
    }

    public LoadReport run() {
        return LoadRunner.of(build()).run();
    }
}
