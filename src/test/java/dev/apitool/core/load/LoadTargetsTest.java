package dev.apitool.core.load;


import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.load.plan.TargetsFile;
import dev.apitool.core.traffic.Scripts;
import dev.apitool.core.traffic.TargetSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Targets files and per-request keys against a loopback server that records what arrives. */
@Timeout(30)
class LoadTargetsTest {

    @TempDir
    Path dir;

    private RequestPlan plan(RecordingServer server, String ndjson, RequestPlan.Order order, Long seed) {
        try (TargetSource source = Scripts.openTargets(new ByteArrayInputStream(ndjson.getBytes(StandardCharsets.UTF_8)),
                "targets.ndjson", Scripts.Format.NDJSON)) {
            return RequestPlan.of(TargetsFile.read(source, dir, server.uri("/"), "GET", Headers.EMPTY), "targets.ndjson", order, seed);
        }
    }

    private static final String THREE = "{\"path\": \"/a\"}\n{\"path\": \"/b\"}\n{\"path\": \"/c\"}\n";

    @Test
    void roundRobin_closedModel_requestCount_givesEachTargetItsExactShare() {
        try (RecordingServer server = new RecordingServer()) {
            RequestPlan plan = plan(server, THREE, RequestPlan.Order.ROUND_ROBIN, null);
            LoadReport r = LoadRunner.of(Spec.to(server.uri("/")).connections(7).threads(2).requests(1000).build(), plan).run();
            assertThat(r.failed()).isZero();
            assertThat(server.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GET /a", 334L, "GET /b", 333L, "GET /c", 333L));
            assertThat(r.sends().targets()).isEqualTo(3);
            assertThat(r.sends().order()).isEqualTo("round-robin");
        }
    }

    @Test
    void roundRobin_openModel_requestCount_givesEachTargetItsExactShare() {
        try (RecordingServer server = new RecordingServer()) {
            RequestPlan plan = plan(server, THREE, RequestPlan.Order.ROUND_ROBIN, null);
            LoadReport r = LoadRunner.of(Spec.to(server.uri("/")).rate("1000/s").threads(2).requests(301).build(), plan).run();
            assertThat(r.failed()).isZero();
            assertThat(server.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GET /a", 101L, "GET /b", 100L, "GET /c", 100L));
        }
    }

    @Test
    void random_sameSeed_picksTheSameTargets_anotherSeedOthers() {
        String four = THREE + "{\"path\": \"/d\"}\n";
        Map<String, Long> first;
        Map<String, Long> again;
        Map<String, Long> other;
        try (RecordingServer server = new RecordingServer()) {
            LoadRunner.of(Spec.to(server.uri("/")).connections(4).threads(2).requests(600).build(),
                    plan(server, four, RequestPlan.Order.RANDOM, 7L)).run();
            first = server.counts();
        }
        try (RecordingServer server = new RecordingServer()) {
            LoadRunner.of(Spec.to(server.uri("/")).connections(4).threads(2).requests(600).build(),
                    plan(server, four, RequestPlan.Order.RANDOM, 7L)).run();
            again = server.counts();
        }
        try (RecordingServer server = new RecordingServer()) {
            LoadRunner.of(Spec.to(server.uri("/")).connections(4).threads(2).requests(600).build(),
                    plan(server, four, RequestPlan.Order.RANDOM, 8L)).run();
            other = server.counts();
        }
        assertThat(first.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(600);
        assertThat(first).hasSize(4).isEqualTo(again).isNotEqualTo(other);
        assertThat(first.values()).allSatisfy(n -> assertThat(n).isBetween(100L, 200L)); // uniform-ish: 150 each
    }

    @Test
    void perTargetMethodsBodiesAndHeaders_arriveAsWritten() throws Exception {
        Files.writeString(dir.resolve("order.json"), "{\"sku\": \"A-1\", \"qty\": 2}");
        String targets = "{\"method\": \"GET\", \"path\": \"/users?page=2\", \"headers\": {\"Accept\": \"application/json\"}}\n"
                + "{\"method\": \"POST\", \"path\": \"/orders\", \"headers\": {\"X-Trace\": \"t1\"}, \"body\": {\"a\": [1, 2]}}\n"
                + "{\"method\": \"PUT\", \"path\": \"/orders/7\", \"headers\": [\"Content-Type: application/json\"], \"bodyFile\": \"order.json\"}\n"
                + "{\"method\": \"DELETE\", \"path\": \"orders/7\"}\n";
        try (RecordingServer server = new RecordingServer();
             TargetSource source = Scripts.openTargets(new ByteArrayInputStream(targets.getBytes(StandardCharsets.UTF_8)),
                     "t.ndjson", Scripts.Format.NDJSON)) {
            RequestPlan plan = RequestPlan.of(TargetsFile.read(source, dir, server.uri("/api"), "GET",
                    Headers.of("X-Common", "yes", "Accept", "text/plain")), "t.ndjson", RequestPlan.Order.ROUND_ROBIN, null);
            LoadReport r = LoadRunner.of(Spec.to(server.uri("/api")).connections(2).threads(1).requests(40).build(), plan).run();
            assertThat(r.failed()).isZero();
            assertThat(server.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GET /api/users?page=2", 10L,
                    "POST /api/orders", 10L, "PUT /api/orders/7", 10L, "DELETE /api/orders/7", 10L));
            for (ServerRequest q : server.requests()) {
                assertThat(q.header("X-Common")).isEqualTo("yes");
                switch (q.method()) {
                    case "GET":
                        assertThat(q.headers().all("Accept")).containsExactly("application/json"); // the target's wins over -H
                        assertThat(q.body()).isEmpty();
                        break;
                    case "POST":
                        assertThat(q.header("X-Trace")).isEqualTo("t1");
                        assertThat(q.header("Content-Type")).isEqualTo("application/json");
                        assertThat(q.bodyText()).isEqualTo("{\"a\":[1,2]}");
                        assertThat(q.header("Accept")).isEqualTo("text/plain");
                        break;
                    case "PUT":
                        assertThat(q.header("Content-Type")).isEqualTo("application/json");
                        assertThat(q.bodyText()).isEqualTo("{\"sku\": \"A-1\", \"qty\": 2}");
                        break;
                    default:
                        assertThat(q.body()).isEmpty();
                }
            }
        }
    }

    @Test
    void idempotencyKeys_areAllDistinct_overLoopsAndConnections_withAPostBody() {
        String targets = "{\"method\": \"POST\", \"path\": \"/pay\", \"body\": {\"amount\": 100}}\n"
                + "{\"method\": \"POST\", \"path\": \"/refund\", \"body\": \"{\\\"amount\\\": 5}\"}\n";
        try (RecordingServer server = new RecordingServer()) {
            RequestPlan plan = plan(server, targets, RequestPlan.Order.ROUND_ROBIN, null).withIdempotencyKey();
            LoadReport r = LoadRunner.of(Spec.to(server.uri("/")).connections(8).threads(2).requests(2000).build(), plan).run();
            assertThat(r.failed()).isZero();
            List<ServerRequest> got = server.requests();
            assertThat(got).hasSize(2000);
            Set<String> keys = new HashSet<>();
            for (ServerRequest q : got) {
                String key = q.header("Idempotency-Key");
                assertThat(key).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
                keys.add(key);
                assertThat(q.bodyText()).isEqualTo(q.path().equals("/pay") ? "{\"amount\":100}" : "{\"amount\": 5}");
            }
            assertThat(keys).hasSize(2000);
            assertThat(keys.stream().map(k -> k.substring(0, 19)).distinct()).hasSize(1); // one run's random part
            assertThat(keys.stream().map(k -> k.substring(19, 23)).distinct()).hasSize(2); // one group per loop
            assertThat(r.sends().idempotencyKey()).isTrue();
        }
    }

    @Test
    void idempotencyKeys_openModel_singleUrl_distinct() {
        try (RecordingServer server = new RecordingServer()) {
            LoadSpec spec = Spec.to(server.uri("/one")).rate("2000/s").threads(2).requests(1000).build();
            LoadReport r = LoadRunner.of(spec, RequestPlan.single(spec).withIdempotencyKey()).run();
            assertThat(r.failed()).isZero();
            assertThat(server.requests().stream().map(q -> q.header("Idempotency-Key")).distinct()).hasSize(1000);
        }
    }

    @Test
    void withoutPerRequestParts_allRequestsShareOneEncoding() {
        try (RecordingServer server = new RecordingServer()) {
            LoadSpec spec = Spec.to(server.uri("/plain")).connections(2).threads(1).requests(20).build();
            LoadRunner.of(spec, RequestPlan.single(spec)).run();
            assertThat(server.requests()).allSatisfy(q -> assertThat(q.header("Idempotency-Key")).isNull());
            assertThat(server.counts()).containsExactly(Map.entry("GET /plain", 20L));
        }
    }

    @Test
    void eachLoop_startsItsRoundRobinWhereItsSliceOfTheSequenceStarts() {
        // a loop that started every slice at target 0 would send /a twice as often with 2 loops of 1 request each
        try (RecordingServer server = new RecordingServer()) {
            RequestPlan plan = plan(server, THREE, RequestPlan.Order.ROUND_ROBIN, null);
            LoadRunner.of(Spec.to(server.uri("/")).connections(2).threads(2).requests(3).warmup(Duration.ZERO).build(), plan).run();
            assertThat(server.counts()).containsExactlyInAnyOrderEntriesOf(Map.of("GET /a", 1L, "GET /b", 1L, "GET /c", 1L));
        }
    }
}
