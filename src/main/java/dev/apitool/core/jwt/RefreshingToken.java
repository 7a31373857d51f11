package dev.apitool.core.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A JWT that is re-signed when it gets old, for clients that send many requests with one token
 * (such as {@code apitool load}): each token has {@code iat} = the signing time and
 * {@code exp} = iat + ttl, and {@link #current} signs a new one once {@code refresh} has passed
 * since the last, never more often. Thread-safe; callers are expected to ask now and then (say
 * once a second), not per request. Times come from the clock given, so tests run in virtual time.
 */
public final class RefreshingToken {

    /**
     * One signed token.
     *
     * @param text the compact JWS
     * @param ascii the same as US-ASCII bytes, ready to copy into a request
     * @param issuedAt when it was signed (its iat, to the second)
     * @param expiresAt its exp
     * @param number 1 for the first token, 2 for the next, …
     */
    public record Token(String text, byte[] ascii, Instant issuedAt, Instant expiresAt, long number) {}

    private final JwtIssuer.Spec claims;
    private final JwsKey key;
    private final Clock clock;
    private final Duration ttl;
    private final Duration refresh;
    private final JwsAlgorithm alg;
    /** How often callers look for a new token, and how long before its exp a token is replaced: see {@link #checkEvery}. */
    private final Duration checkEvery;
    private Token token;
    private Instant signedAt;
    private java.util.List<String> warnings = java.util.List.of();

    /**
     * Returns a source of tokens with {@code claims} (whose {@code exp} is replaced by now + ttl),
     * signing the first at once, so a key or claim that cannot be used fails here.
     *
     * @param ttl each token's lifetime, positive
     * @param refresh how long a token is handed out before the next is signed, positive and at most {@code ttl}
     * @throws IllegalArgumentException for a ttl or refresh out of range
     * @throws dev.apitool.core.io.InputException when the key cannot sign the token (as {@link JwtIssuer#issue})
     */
    public RefreshingToken(JwtIssuer.Spec claims, JwsKey key, Clock clock, Duration ttl, Duration refresh) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive: " + ttl);
        }
        if (refresh == null || refresh.isNegative() || refresh.isZero() || refresh.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("the refresh interval must be positive and at most the token lifetime ("
                    + dev.apitool.core.time.Durations.format(ttl) + "), not " + (refresh == null ? "none" : dev.apitool.core.time.Durations.format(refresh)));
        }
        this.ttl = ttl;
        this.refresh = refresh;
        this.claims = claims.toBuilder().exp("+" + ttl.toMillis() + "ms").iat(null).noIat(false).build();
        this.alg = claims.alg() != null ? claims.alg() : key.defaultAlgorithm();
        Duration tenth = refresh.dividedBy(10);
        this.checkEvery = tenth.compareTo(MIN_CHECK) < 0 ? MIN_CHECK : tenth.compareTo(MAX_CHECK) > 0 ? MAX_CHECK : tenth;
        current();
    }

    /**
     * Returns the token to send now: the last one, or a newly signed one once {@code refresh} has
     * passed since it was signed or its {@code exp} is less than {@link #checkEvery} away. (Its
     * {@code exp} is whole seconds from the signing second, so it can come up to a second before
     * signing time + ttl: a token handed out on the refresh alone could be sent expired when the
     * refresh is close to the ttl.)
     */
    public synchronized Token current() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(signedAt.plus(refresh)) || !now.isBefore(token.expiresAt().minus(checkEvery))) {
            JwtIssuer.Issued issued = JwtIssuer.issue(claims, key, Clock.fixed(now, java.time.ZoneOffset.UTC));
            long iat = issued.claims().path("iat").asLong();
            long exp = issued.claims().path("exp").asLong();
            token = new Token(issued.token(), issued.token().getBytes(StandardCharsets.US_ASCII), Instant.ofEpochSecond(iat),
                    Instant.ofEpochSecond(exp), token == null ? 1 : token.number() + 1);
            if (token.number() == 1) {
                warnings = issued.warnings();
            }
            signedAt = now;
        }
        return token;
    }

    /** Returns how many tokens have been signed so far. */
    public synchronized long signed() {
        return token.number();
    }

    /** Returns the warnings of the first signing (a weak key allowed), to show once. */
    public synchronized java.util.List<String> warnings() {
        return warnings;
    }

    /** Returns the algorithm tokens are signed with. */
    public JwsAlgorithm algorithm() {
        return alg;
    }

    /** Returns each token's lifetime. */
    public Duration ttl() {
        return ttl;
    }

    private static final Duration MIN_CHECK = Duration.ofMillis(10);
    private static final Duration MAX_CHECK = Duration.ofSeconds(1);

    /**
     * Returns how often a caller should ask for {@link #current} (a tenth of the refresh, 10 ms to
     * 1 s): a token is replaced at least this long before its exp, so one taken at a check is still
     * valid at the next.
     */
    public Duration checkEvery() {
        return checkEvery;
    }

    /** Returns how long a token is used before the next is signed. */
    public Duration refresh() {
        return refresh;
    }
}
