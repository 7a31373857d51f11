package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtDecoder;
import dev.apitool.core.jwt.JwtIssuer;
import dev.apitool.core.jwt.JwtVerifier;
import dev.apitool.core.jwt.KeyReader;
import dev.apitool.core.jwt.NumericDate;
import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.time.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Authorization: Bearer tokens on a loopback run: verified, carrying the claims, re-signed when the (virtual) clock says so. */
@Timeout(30)
class LoadJwtTest {

    @Test
    void tokens_verify_carryTheClaims_andAreReSignedMidRun_evenToAnotherLength() throws Exception {
        JwsKey key = KeyReader.secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "--jwt-secret");
        ManualClock clock = new ManualClock(Instant.ofEpochSecond(999_999_000));
        JwtIssuer.Spec claims = JwtIssuer.Spec.builder().subject("load-test").issuer("apitool")
                .audiences(List.of("orders")).claims(List.of("scope=write")).build();
        RefreshingToken token = new RefreshingToken(claims, key, clock, Duration.ofMinutes(10), Duration.ofMillis(100));
        // The server moves the token's clock when it sees a token for the first time, and stops the run at the
        // third: each re-signing is caused by virtual time, and the run lasts as long as the loops take to notice.
        AtomicReference<LoadRunner> runner = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        Queue<ServerRequest> requests = new ConcurrentLinkedQueue<>();
        RequestHandler handler = RequestHandler.of(q -> {
            requests.add(q);
            String auth = q.header("Authorization");
            synchronized (seen) {
                if (auth != null && !seen.contains(auth)) {
                    seen.add(auth);
                    switch (seen.size()) {
                        case 1 -> clock.advance(Duration.ofSeconds(1));               // due: a token of the same length
                        case 2 -> clock.set(Instant.ofEpochSecond(1_000_000_500));  // due: iat and exp one digit longer
                        default -> runner.get().interrupt();
                    }
                }
            }
            return ServerResponse.text(200, "ok");
        });
        try (HttpServer server = HttpServer.start(HttpServerOptions.loopback().withIoThreads(1), handler)) {
            // the duration only bounds a broken run: the third token ends it
            LoadSpec spec = Spec.to(server.uri("/orders")).connections(4).threads(2).duration(Duration.ofSeconds(20)).build();
            RequestPlan plan = RequestPlan.single(spec).withIdempotencyKey().withJwt(token);
            runner.set(LoadRunner.of(spec, plan));
            LoadReport r = runner.get().run();

            assertThat(r.failed()).isZero();
            assertThat(r.sends().jwt().tokensSigned()).isEqualTo(3);
            Set<String> tokens = new LinkedHashSet<>();
            assertThat(r.stoppedBy()).isEqualTo(StoppedBy.INTERRUPT);
            for (ServerRequest q : requests) {
                String auth = q.header("Authorization");
                assertThat(auth).startsWith("Bearer ");
                tokens.add(auth.substring(7));
            }
            assertThat(tokens).hasSize(3);
            assertThat(tokens.stream().map(String::length).distinct()).hasSize(2);
            for (String t : tokens) {
                Instant iat = NumericDate.of(JwtDecoder.decode(t, clock.instant()).claims().get("iat"));
                JwtVerifier.Result v = new JwtVerifier(List.of(key), JwtVerifier.Policy.defaults(), Clock.fixed(iat, ZoneOffset.UTC)).verify(t);
                assertThat(v.valid()).as(v.message()).isTrue();
                assertThat(v.claims().path("sub").asText()).isEqualTo("load-test");
                assertThat(v.claims().path("scope").asText()).isEqualTo("write");
                assertThat(v.claims().path("exp").asLong() - v.claims().path("iat").asLong()).isEqualTo(600);
            }
            assertThat(requests.stream().map(q -> q.header("Idempotency-Key")).distinct()).hasSize(requests.size());
        }
    }
}
