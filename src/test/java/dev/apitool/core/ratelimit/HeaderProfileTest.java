package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderProfileTest {

    private static final long SECOND = 1_000_000;

    private static Limiter limiter(String spec) {
        return Limiter.of(Registry.parse(spec), new MemoryStore());
    }

    @Test
    void ietf_tokenBucketAllowed_givesPolicyAndServiceLimitItems() {
        Limiter l = limiter("token-bucket:capacity=5,rate=2/s");
        Map<String, String> h = l.headers(l.decide("k", 1, 0), HeaderProfile.IETF);
        // q = capacity; w = time to refill the whole bucket, 2.5 s rounded up; t = 0.5 s to refill one token, rounded up
        assertThat(h).containsExactly(
                entry("RateLimit-Policy", "\"token-bucket\";q=5;w=3"),
                entry("RateLimit", "\"token-bucket\";r=4;t=1"));
    }

    @Test
    void ietf_tokenBucketLimited_addsRetryAfterRoundedUp() {
        Limiter l = limiter("token-bucket:capacity=5,rate=2/s,name=per-user");
        Decision d = null;
        for (int i = 0; i < 6; i++) {
            d = l.decide("k", 1, 0);
        }
        assertThat(l.headers(d, HeaderProfile.IETF)).containsExactly(
                entry("RateLimit-Policy", "\"per-user\";q=5;w=3"),
                entry("RateLimit", "\"per-user\";r=0;t=3"),
                entry("Retry-After", "1"));
    }

    @Test
    void allProfiles_fixedWindowMidWindow_giveExactFields() {
        Limiter l = limiter("fixed-window:limit=100,window=1m,name=api");
        Decision d = l.decide("k", 1, 30 * SECOND);
        assertThat(l.headers(d, HeaderProfile.IETF)).containsExactly(
                entry("RateLimit-Policy", "\"api\";q=100;w=60"),
                entry("RateLimit", "\"api\";r=99;t=30"));
        assertThat(l.headers(d, HeaderProfile.IETF_LEGACY)).containsExactly(
                entry("RateLimit-Limit", "100"),
                entry("RateLimit-Remaining", "99"),
                entry("RateLimit-Reset", "30"));
        assertThat(l.headers(d, HeaderProfile.X_RATELIMIT)).containsExactly(
                entry("X-RateLimit-Limit", "100"),
                entry("X-RateLimit-Remaining", "99"),
                entry("X-RateLimit-Reset", "30"));
    }

    @Test
    void allProfiles_fixedWindowLimited_addRetryAfterToTheWindowEnd() {
        Limiter l = limiter("fixed-window:limit=1,window=1m");
        l.decide("k", 1, 0);
        Decision d = l.decide("k", 1, 59 * SECOND + 1);
        for (HeaderProfile p : HeaderProfile.values()) {
            assertThat(l.headers(d, p)).as(p.label()).containsEntry("Retry-After", "1");
        }
        assertThat(l.headers(d, HeaderProfile.X_RATELIMIT)).containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void ietf_concurrency_usesTheConcurrentRequestsUnitAndNoWindow() {
        Limiter l = limiter("concurrency:max=2");
        l.decide("k", 1, 0);
        Decision d = l.decide("k", 1, 0);
        assertThat(l.headers(d, HeaderProfile.IETF)).containsExactly(
                entry("RateLimit-Policy", "\"concurrency\";q=2;qu=\"concurrent-requests\""),
                entry("RateLimit", "\"concurrency\";r=0"));
        Decision refused = l.decide("k", 1, 0);
        // held until released: no wait is known to help, so no Retry-After
        assertThat(l.headers(refused, HeaderProfile.IETF)).doesNotContainKey("Retry-After");
        assertThat(l.headers(refused, HeaderProfile.X_RATELIMIT)).containsExactly(
                entry("X-RateLimit-Limit", "2"), entry("X-RateLimit-Remaining", "0"));
    }

    @Test
    void ietf_requestLargerThanTheQuota_hasNoRetryAfter() {
        Limiter l = limiter("gcra:rate=1/s,burst=4");
        Decision d = l.decide("k", 6, 0);
        assertThat(d.retryAfterMicros()).isEqualTo(Decision.NEVER);
        assertThat(l.headers(d, HeaderProfile.IETF)).containsExactly(
                entry("RateLimit-Policy", "\"gcra\";q=5;w=5"),
                entry("RateLimit", "\"gcra\";r=5;t=0"));
    }

    @Test
    void ietf_quotaWithoutWindow_hasNoWindowParameter() {
        Map<String, String> h = HeaderProfile.IETF.headers("token-bucket", new Quota(3, 0, Quota.REQUESTS),
                Decision.allowed(2, Decision.NEVER));
        assertThat(h).containsExactly(
                entry("RateLimit-Policy", "\"token-bucket\";q=3"),
                entry("RateLimit", "\"token-bucket\";r=2"));
    }

    @Test
    void ietf_nameWithQuoteOrBackslash_isEscapedAsAStructuredFieldString() {
        Map<String, String> h = HeaderProfile.IETF.headers("a\"b\\c", new Quota(1, SECOND, Quota.REQUESTS),
                Decision.allowed(0, SECOND));
        assertThat(h).containsEntry("RateLimit-Policy", "\"a\\\"b\\\\c\";q=1;w=1");
        assertThatThrownBy(() -> HeaderProfile.IETF.headers("é", new Quota(1, SECOND, Quota.REQUESTS),
                Decision.allowed(0, 0))).hasMessageContaining("printable ASCII");
    }

    @Test
    void retryAfter_subSecondWait_isOneSecondNeverZero() {
        Map<String, String> h = HeaderProfile.X_RATELIMIT.headers("p", new Quota(1, SECOND, Quota.REQUESTS),
                Decision.limited(0, 1, 1));
        assertThat(h).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Reset", "1");
    }

    @Test
    void named_label_givesTheProfile() {
        assertThat(HeaderProfile.named("ietf")).isEqualTo(HeaderProfile.IETF);
        assertThat(HeaderProfile.named("ietf-legacy")).isEqualTo(HeaderProfile.IETF_LEGACY);
        assertThat(HeaderProfile.named("X-RateLimit")).isEqualTo(HeaderProfile.X_RATELIMIT);
        assertThatThrownBy(() -> HeaderProfile.named("github")).hasMessageContaining("expected ietf, ietf-legacy or x-ratelimit");
    }
}
