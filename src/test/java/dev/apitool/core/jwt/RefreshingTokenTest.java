package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import dev.apitool.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token re-signed on a clock: exactly when due, with iat and exp from the signing time. */
class RefreshingTokenTest {

    private static JwtIssuer.Spec claims(String sub, List<String> extra) {
        return JwtIssuer.Spec.builder().subject(sub).issuer("apitool-load").audiences(List.of("api")).claims(extra).build();
    }

    @Test
    void current_reSignsExactlyWhenTheRefreshIsDue_withIatNowAndExpIatPlusTtl() {
        ManualClock clock = new ManualClock(Fixtures.NOW);
        RefreshingToken source = new RefreshingToken(claims("alice", List.of("scope=read")), Fixtures.secret(32), clock,
                Duration.ofMinutes(10), Duration.ofMinutes(5));
        RefreshingToken.Token first = source.current();
        assertThat(first.number()).isEqualTo(1);
        assertThat(first.issuedAt()).isEqualTo(Fixtures.NOW);
        assertThat(first.expiresAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(5).minusMillis(1));
        assertThat(source.current()).isSameAs(first);
        clock.advance(Duration.ofMillis(1));
        RefreshingToken.Token second = source.current();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.issuedAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(5)));
        assertThat(second.expiresAt()).isEqualTo(Fixtures.NOW.plus(Duration.ofMinutes(15)));
        assertThat(second.text()).isNotEqualTo(first.text());
        assertThat(second.ascii()).hasSameSizeAs(first.ascii()); // fixed-width numbers: same length
        assertThat(source.current()).isSameAs(second);
        assertThat(source.signed()).isEqualTo(2);

        // a long pause signs once, not once per missed refresh
        clock.advance(Duration.ofHours(1));
        assertThat(source.current().number()).isEqualTo(3);
        assertThat(source.current().number()).isEqualTo(3);
    }

    @Test
    void refreshEqualToTheTtl_signedMidSecond_aTokenTakenAtACheckIsStillValidAtTheNext() {
        // exp is whole seconds from the signing second: signed at .9 s with a 2 s ttl, it expires 1.1 s later
        ManualClock clock = new ManualClock(Fixtures.NOW.plusMillis(900));
        RefreshingToken source = new RefreshingToken(claims("carol", List.of()), Fixtures.secret(32), clock,
                Duration.ofSeconds(2), Duration.ofSeconds(2));
        Duration every = source.checkEvery();
        assertThat(every).isEqualTo(Duration.ofMillis(200));
        for (int i = 0; i < 100; i++) {
            Instant now = clock.instant();
            RefreshingToken.Token t = source.current();
            assertThat(t.expiresAt()).as("the token taken at %s, used until the next check", now).isAfter(now.plus(every));
            clock.advance(every);
        }
        assertThat(source.signed()).as("still not per check").isLessThan(30);
    }

    @Test
    void tokens_verifyWithCoresVerifier_andCarryTheClaims() {
        ManualClock clock = new ManualClock(Fixtures.NOW);
        JwsKey key = Fixtures.key("ec256.pkcs8.pem");
        RefreshingToken source = new RefreshingToken(claims("bob", List.of("admin:=true")), key, clock,
                Duration.ofMinutes(2), Duration.ofMinutes(1));
        for (int i = 0; i < 3; i++) {
            RefreshingToken.Token t = source.current();
            JwtVerifier.Result r = new JwtVerifier(List.of(key), JwtVerifier.Policy.defaults(), clock).verify(t.text());
            assertThat(r.valid()).as(r.message()).isTrue();
            assertThat(r.header().path("alg").asText()).isEqualTo("ES256");
            assertThat(r.claims().path("sub").asText()).isEqualTo("bob");
            assertThat(r.claims().path("iss").asText()).isEqualTo("apitool-load");
            assertThat(r.claims().path("aud").asText()).isEqualTo("api");
            assertThat(r.claims().path("admin").asBoolean()).isTrue();
            assertThat(r.claims().path("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
            assertThat(r.claims().path("exp").asLong()).isEqualTo(clock.instant().getEpochSecond() + 120);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(source.signed()).isEqualTo(3);
        assertThat(source.algorithm()).isEqualTo(JwsAlgorithm.ES256);
    }

    @Test
    void badSettings_areRefusedAtOnce_withoutNamingTheSecret() {
        ManualClock clock = new ManualClock(Fixtures.NOW);
        assertThatThrownBy(() -> new RefreshingToken(claims("a", List.of()), Fixtures.secret(32), clock,
                Duration.ofMinutes(1), Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most the token lifetime");
        JwsKey weak = KeyReader.secret("short-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8), "--jwt-secret");
        assertThatThrownBy(() -> new RefreshingToken(claims("a", List.of()), weak, clock, Duration.ofMinutes(1), Duration.ofSeconds(30)))
                .isInstanceOf(InputException.class).hasMessageContaining("HMAC key is 12 bytes").hasMessageNotContaining("short-secret");
        JwsKey publicOnly = Fixtures.key("ec256.pub.pem");
        assertThatThrownBy(() -> new RefreshingToken(claims("a", List.of()), publicOnly, clock, Duration.ofMinutes(1), Duration.ofSeconds(30)))
                .isInstanceOf(InputException.class).hasMessageContaining("signing needs the private key");
    }
}
