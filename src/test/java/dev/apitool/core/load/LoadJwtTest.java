package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.ServerRequest;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Authorization: Bearer tokens on a loopback run: verified, carrying the claims, re-signed when the clock says so. */
@Timeout(30)
class LoadJwtTest {

    @Test
    void tokens_verify_carryTheClaims_andAreReSignedMidRun_evenToAnotherLength() throws Exception {
        JwsKey key = KeyReader.secret("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "--jwt-secret");
        ManualClock clock = new ManualClock(Instant.ofEpochSecond(999_999_000));
        JwtIssuer.Spec claims = JwtIssuer.Spec.builder().subject("load-test").issuer("apitool")
                .audiences(List.of("orders")).claims(List.of("scope=write")).build();
        RefreshingToken token = new RefreshingToken(claims, key, clock, Duration.ofMinutes(10), Duration.ofMillis(100));
        try (RecordingServer server = new RecordingServer()) {
            LoadSpec spec = Spec.to(server.uri("/orders")).connections(4).threads(2).duration(Duration.ofMillis(1500)).build();
            RequestPlan plan = RequestPlan.single(spec).withIdempotencyKey().withJwt(token);
            Thread mover = new Thread(() -> {
                try {
                    Thread.sleep(400);
                    clock.advance(Duration.ofSeconds(1));                 // due: a token of the same length
                    Thread.sleep(500);
                    clock.set(Instant.ofEpochSecond(1_000_000_500));   // due: iat and exp one digit longer
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            mover.start();
            LoadReport r = LoadRunner.of(spec, plan).run();
            mover.join();

            assertThat(r.failed()).isZero();
            assertThat(r.sends().jwt().tokensSigned()).isEqualTo(3);
            Set<String> tokens = new LinkedHashSet<>();
            for (ServerRequest q : server.requests()) {
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
            assertThat(server.requests().stream().map(q -> q.header("Idempotency-Key")).distinct())
                    .hasSize(server.requests().size());
        }
    }
}
