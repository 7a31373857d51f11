package dev.apitool.core.jwt;

import static dev.apitool.core.jwt.Fixtures.NOW;
import static dev.apitool.core.jwt.Fixtures.code;
import static dev.apitool.core.jwt.Fixtures.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.apitool.core.jwt.JwtVerifier.Policy;
import dev.apitool.core.jwt.JwtVerifier.Problem;
import dev.apitool.core.jwt.JwtVerifier.Result;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claim checks on a clock fixed at {@link Fixtures#NOW} (1767225600). */
class JwtVerifierClaimsTest {

    private static final long T = NOW.getEpochSecond();
    private static final JwsKey KEY = Fixtures.secret(32);

    private static Result check(String claims, Policy policy) {
        return Fixtures.verify(signed(claims, JwsAlgorithm.HS256, KEY), List.of(KEY), policy);
    }

    private static Result check(String claims) {
        return check(claims, Policy.defaults());
    }

    private static Policy leeway(long seconds) {
        return new Policy(Set.of(), Duration.ofSeconds(seconds), null, List.of(), null, List.of(), null, false, false);
    }

    private static Policy maxAge(Duration age) {
        return new Policy(Set.of(), Duration.ZERO, null, List.of(), null, List.of(), age, false, false);
    }

    private static Policy expect(String iss, String sub, List<String> aud, List<String> required) {
        return new Policy(Set.of(), Duration.ZERO, iss, aud, sub, required, null, false, false);
    }

    private static List<String> codes(Result r) {
        return r.errors().stream().map(Problem::code).toList();
    }

    @Test
    void verify_nbfEqualToNow_isValid() {
        assertThat(check("{\"nbf\":" + T + "}").valid()).isTrue();
    }

    @Test
    void verify_nbfOneSecondAhead_isNotYetValid() {
        Result r = check("{\"nbf\":" + (T + 1) + "}");
        assertThat(code(r)).isEqualTo("not_yet_valid");
        assertThat(r.message()).contains("in 1s");
    }

    @Test
    void verify_expEqualToNow_isExpired() {
        Result r = check("{\"exp\":" + T + "}");
        assertThat(code(r)).isEqualTo("expired");
    }

    @Test
    void verify_expOneSecondAhead_isValid() {
        assertThat(check("{\"exp\":" + (T + 1) + "}").valid()).isTrue();
    }

    @Test
    void verify_fractionalExpJustAhead_isValid() {
        assertThat(check("{\"exp\":" + T + ".5}").valid()).isTrue();
        assertThat(code(check("{\"exp\":" + (T - 1) + ".5}"))).isEqualTo("expired");
    }

    @Test
    void verify_expiredWithinLeeway_isValidAndBeyondIsExpired() {
        assertThat(check("{\"exp\":" + (T - 59) + "}", leeway(60)).valid()).isTrue();
        assertThat(code(check("{\"exp\":" + (T - 60) + "}", leeway(60)))).isEqualTo("expired");
        assertThat(code(check("{\"exp\":" + (T - 59) + "}", leeway(0)))).isEqualTo("expired");
    }

    @Test
    void verify_nbfAheadWithinLeeway_isValidAndBeyondIsNotYetValid() {
        assertThat(check("{\"nbf\":" + (T + 60) + "}", leeway(60)).valid()).isTrue();
        assertThat(code(check("{\"nbf\":" + (T + 61) + "}", leeway(60)))).isEqualTo("not_yet_valid");
    }

    @Test
    void verify_iatInTheFuture_isIssuedInFutureUnlessWithinLeeway() {
        Result r = check("{\"iat\":" + (T + 30) + "}");
        assertThat(code(r)).isEqualTo("issued_in_future");
        assertThat(r.message()).contains("in 30s");
        assertThat(check("{\"iat\":" + (T + 30) + "}", leeway(30)).valid()).isTrue();
        assertThat(check("{\"iat\":" + T + "}").valid()).isTrue();
    }

    @Test
    void verify_maxAge_refusesOlderTokensAndAcceptsYounger() {
        assertThat(check("{\"iat\":" + (T - 3600) + "}", maxAge(Duration.ofHours(1))).valid()).isTrue();
        Result old = check("{\"iat\":" + (T - 3601) + "}", maxAge(Duration.ofHours(1)));
        assertThat(code(old)).isEqualTo("too_old");
        assertThat(old.message()).contains("--max-age is 1h");
        assertThat(code(check("{\"sub\":\"x\"}", maxAge(Duration.ofHours(1))))).isEqualTo("missing_claim");
    }

    @Test
    void verify_issuer_mustMatchExactly() {
        Policy p = expect("https://issuer.example", null, List.of(), List.of());
        assertThat(check("{\"iss\":\"https://issuer.example\"}", p).valid()).isTrue();
        assertThat(code(check("{\"iss\":\"https://issuer.example/\"}", p))).isEqualTo("issuer");
        assertThat(code(check("{\"iss\":[\"https://issuer.example\"]}", p))).isEqualTo("issuer");
        assertThat(code(check("{}", p))).isEqualTo("issuer");
    }

    @Test
    void verify_subject_mustMatchExactly() {
        Policy p = expect(null, "alice", List.of(), List.of());
        assertThat(check("{\"sub\":\"alice\"}", p).valid()).isTrue();
        assertThat(code(check("{\"sub\":\"Alice\"}", p))).isEqualTo("subject");
        assertThat(code(check("{}", p))).isEqualTo("subject");
    }

    @Test
    void verify_audienceAsStringOrArray_mustContainAnAcceptedOne() {
        Policy p = expect(null, null, List.of("api", "admin"), List.of());
        assertThat(check("{\"aud\":\"api\"}", p).valid()).isTrue();
        assertThat(check("{\"aud\":[\"web\",\"admin\"]}", p).valid()).isTrue();
        assertThat(code(check("{\"aud\":\"web\"}", p))).isEqualTo("audience");
        assertThat(code(check("{\"aud\":[\"web\",\"mobile\"]}", p))).isEqualTo("audience");
        assertThat(code(check("{\"aud\":[]}", p))).isEqualTo("audience");
        assertThat(code(check("{\"aud\":42}", p))).isEqualTo("audience");
        assertThat(code(check("{}", p))).isEqualTo("audience");
    }

    @Test
    void verify_audienceNotRequired_acceptsAnyAudience() {
        assertThat(check("{\"aud\":\"anything\"}").valid()).isTrue();
    }

    @Test
    void verify_requiredClaims_mustBePresent() {
        Policy p = expect(null, null, List.of(), List.of("jti", "scope"));
        assertThat(check("{\"jti\":\"1\",\"scope\":null}", p).valid()).isTrue();
        Result r = check("{\"jti\":\"1\"}", p);
        assertThat(codes(r)).containsExactly("missing_claim");
        assertThat(r.message()).contains("\"scope\"");
    }

    @Test
    void verify_severalFailingClaims_areReportedTogether() {
        Policy p = new Policy(Set.of(), Duration.ZERO, "https://issuer.example", List.of("api"), "alice", List.of("jti"),
                null, false, false);
        Result r = check("{\"exp\":" + (T - 120) + ",\"nbf\":" + (T + 120) + ",\"iss\":\"https://evil.example\","
                + "\"sub\":\"mallory\",\"aud\":\"web\"}", p);

        assertThat(r.valid()).isFalse();
        assertThat(codes(r)).containsExactlyInAnyOrder("expired", "not_yet_valid", "issuer", "subject", "audience",
                "missing_claim");
        assertThat(r.message())
                .contains("expired 2m ago")
                .contains("not valid until")
                .contains("\"https://evil.example\"")
                .contains("\"mallory\"")
                .contains("\"web\"")
                .contains("\"jti\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exp", "nbf", "iat"})
    void verify_numericDateThatIsNotANumber_isClaimType(String claim) {
        Result r = check("{\"" + claim + "\":\"" + T + "\"}");
        assertThat(codes(r)).containsExactly("claim_type");
        assertThat(r.message()).contains("\"" + claim + "\"").contains("a string");
        assertThat(codes(check("{\"" + claim + "\":null}"))).containsExactly("claim_type");
        assertThat(codes(check("{\"" + claim + "\":true}"))).containsExactly("claim_type");
    }

    /** A NumericDate beyond year 9999 or before the epoch is a token that never expires (or never starts): refused, quickly. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"exp\":1e400}", "{\"exp\":1e32}", "{\"exp\":9223372036854775808}", "{\"exp\":99999999999999999999}",
            "{\"exp\":1e999999999}", "{\"exp\":253402300800}", "{\"nbf\":-1e999999999}", "{\"iat\":-1e30}", "{\"nbf\":-1}"})
    void verify_numericDateOutOfRange_isClaimTypeAndDoesNotCrash(String claims) {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Result r = check(claims, leeway(60));
            assertThat(r.valid()).isFalse();
            assertThat(codes(r)).contains("claim_type");
            assertThat(r.message()).contains("out of range").contains("expected a NumericDate from 0 to 253402300799");
        });
        assertThat(check("{\"exp\":253402300799}").valid()).isTrue();
    }

    /** RFC 7519 types are checked whether or not --iss/--sub/--aud are given. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"aud\":{\"a\":1}}", "{\"aud\":7}", "{\"aud\":[\"a\",7]}", "{\"iss\":7}", "{\"sub\":[\"x\"]}",
            "{\"jti\":true}"})
    void verify_registeredClaimOfTheWrongType_isClaimTypeUnasked(String claims) {
        Result r = check(claims);
        assertThat(r.valid()).isFalse();
        assertThat(codes(r)).containsExactly("claim_type");
        assertThat(check("{\"aud\":[\"a\",\"b\"],\"iss\":\"i\",\"sub\":\"s\"}").valid()).isTrue();
    }

    @Test
    void verify_headersNamingKeysElsewhere_eachWarned_oddKidToo() {
        String token = Fixtures.signed("{\"alg\":\"HS256\",\"kid\":\"../../etc/passwd\",\"x5u\":\"https://evil/\",\"jwk\":{}}",
                "{}", JwsAlgorithm.HS256, KEY);
        Result r = Fixtures.verify(token, List.of(KEY), leeway(0));
        assertThat(r.valid()).isTrue();
        assertThat(r.warnings()).anyMatch(w -> w.startsWith("header \"x5u\" ignored")).anyMatch(w -> w.startsWith("header \"jwk\" ignored"))
                .anyMatch(w -> w.startsWith("header \"kid\" looks odd"));
    }

    @Test
    void verify_jwsOnly_skipsClaimChecks() {
        Policy jws = new Policy(Set.of(), Duration.ZERO, "x", List.of(), null, List.of(), null, true, false);
        assertThat(check("{\"exp\":" + (T - 10) + "}", jws).valid()).isTrue();
    }

    @Test
    void verify_payloadNotAnObject_isPayload() {
        assertThat(code(check("[1,2]"))).isEqualTo("payload");
    }
}
