package dev.apitool.core.ratelimit.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.json.Json;
import dev.apitool.core.ratelimit.HeaderProfile;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import dev.apitool.core.traffic.RequestSource;
import dev.apitool.core.traffic.Scripts;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    /** The seed: capacity 5, refill 2/s; six requests at t=0, then one at t=1s. */
    static final String SEED_SCRIPT = "{\"t\": 0, \"key\": \"client\"}\n".repeat(6) + "{\"t\": 1, \"key\": \"client\"}\n";

    private static RequestSource script(String ndjson) {
        return Scripts.open(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)), "seed.ndjson", Scripts.Format.NDJSON);
    }

    private static Limiter limiter(String spec) {
        return Limiter.of(Registry.parse(spec), new MemoryStore());
    }

    @Test
    void seedScenario_requestsOneToFiveAllowed_sixthLimited_afterOneSecondAllowed() {
        StringWriter trace = new StringWriter();
        Simulation.Result r;
        try (TraceWriter w = new TraceWriter(trace, HeaderProfile.IETF)) {
            r = Simulation.run(script(SEED_SCRIPT), List.of(limiter("token-bucket:capacity=5,rate=2/s")), w);
        }
        List<JsonNode> lines = trace.toString().lines().map(l -> Json.parse(l.getBytes(StandardCharsets.UTF_8), "trace")).toList();
        assertThat(lines).extracting(n -> n.get("decision").asText())
                .containsExactly("allowed", "allowed", "allowed", "allowed", "allowed", "limited", "allowed");
        assertThat(lines).extracting(n -> n.get("i").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(lines.get(5).get("retryAfterMs").asLong()).isEqualTo(500);
        assertThat(lines.get(5).get("headers").get("Retry-After").asText()).isEqualTo("1");
        assertThat(lines.get(6).get("t").asText()).isEqualTo("1.000");
        PolicyStats s = r.policies().get(0);
        assertThat(s.total()).isEqualTo(7);
        assertThat(s.allowed()).isEqualTo(6);
        assertThat(s.limited()).isEqualTo(1);
        assertThat(s.longestLimitedRun()).isEqualTo(1);
        assertThat(s.firstLimitedMicros()).isZero();
        assertThat(s.topOffenders(5)).extracting(TopKeys.Entry::key).containsExactly("client");
    }

    @Test
    void topLimitedKeys_pastTheTrackedKeys_sayTheirCountsAreUpperBounds() {
        // every key is refused on its second request; one heavy key among more than TRACKED_KEYS others
        StringBuilder ndjson = new StringBuilder("{\"t\": 0, \"key\": \"heavy\"}\n".repeat(50));
        for (int k = 0; k < Simulation.TRACKED_KEYS + 500; k++) {
            ndjson.append("{\"t\": 0, \"key\": \"k").append(k).append("\"}\n").append("{\"t\": 0, \"key\": \"k").append(k).append("\"}\n");
        }
        Simulation.Result r = Simulation.run(script(ndjson.toString()), List.of(limiter("fixed-window:limit=1,window=1h")), null);
        JsonNode top = JsonReporter.document(r).get("policies").get(0).get("topLimitedKeys");
        assertThat(top.get(0).get("key").asText()).isEqualTo("heavy");
        assertThat(top.get(0).get("count").asLong()).isEqualTo(49);
        assertThat(top.get(0).has("maxOvercount")).as("heavy was tracked from the start: exact").isFalse();
        assertThat(top).anySatisfy(e -> assertThat(e.path("maxOvercount").asLong()).isPositive());
        StringWriter text = new StringWriter();
        new TextReporter(new PrintWriter(text)).print(r);
        assertThat(text.toString()).contains("heavy (49)", "(~");
    }

    @Test
    void severalPolicies_seeTheSameTraffic_eachInItsOwnColumn() {
        StringWriter out = new StringWriter();
        Simulation.Result r = Simulation.run(script(SEED_SCRIPT),
                List.of(limiter("token-bucket:capacity=5,rate=2/s"), limiter("fixed-window:limit=3,window=1s")), null);
        new TextReporter(new PrintWriter(out)).print(r);
        assertThat(r.policies()).extracting(PolicyStats::limited).containsExactly(1L, 3L);
        String text = out.toString();
        assertThat(text).contains("token-bucket:capacity=5,rate=2/s", "fixed-window:limit=3,window=1s");
        assertThat(text.lines().filter(l -> l.startsWith("limited")).findFirst().orElseThrow()).matches("limited\\s+1\\s+3");
    }

    @Test
    void timeline_longRuns_mergeBucketsAndKeepEveryRequest() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            s.append("{\"t\": \"").append(i * 10).append("ms\"}\n");
        }
        Simulation.Result r = Simulation.run(script(s.toString()), List.of(limiter("token-bucket:capacity=10,rate=50/s")), null);
        Timeline t = r.policies().get(0).timeline();
        assertThat(t.admitted().length).isLessThanOrEqualTo(Timeline.MAX_BUCKETS);
        long sum = 0;
        for (int i = 0; i < t.admitted().length; i++) {
            sum += t.admitted()[i] + t.limited()[i];
        }
        assertThat(sum).isEqualTo(3000);
        assertThat(t.widthMicros() * t.admitted().length).isGreaterThanOrEqualTo(29_990_000);
    }

    @Test
    void topKeys_beyondCapacity_keepTheHeavyHitters() {
        TopKeys top = new TopKeys(10);
        for (int i = 0; i < 5000; i++) {
            top.add("heavy");
            top.add("k" + i);
        }
        assertThat(top.top(1).get(0).key()).isEqualTo("heavy");
        assertThat(top.top(1).get(0).count()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void jsonAndHtmlReports_carryTheSameNumbers() {
        Simulation.Result r = Simulation.run(script(SEED_SCRIPT), List.of(limiter("token-bucket:capacity=5,rate=2/s")), null);
        JsonNode doc = JsonReporter.document(r);
        assertThat(doc.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(doc.at("/policies/0/limited").asLong()).isEqualTo(1);
        assertThat(doc.at("/policies/0/topLimitedKeys/0/key").asText()).isEqualTo("client");
        StringWriter html = new StringWriter();
        new HtmlReporter(new PrintWriter(html)).print(r);
        assertThat(html.toString()).startsWith("<!DOCTYPE html>").contains("<svg", "token-bucket:capacity=5,rate=2/s")
                .doesNotContain("<script");
    }
}
