package dev.apitool.cli.load;

import dev.apitool.cli.Converters;
import dev.apitool.cli.jwt.ClaimOptions;
import dev.apitool.cli.jwt.KeyOptions;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtIssuer;
import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.plan.RequestPlan;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * {@code load}'s JWT flags: sign a token as {@code apitool jwt sign} does (same key formats, claim
 * syntax and algorithm defaults, through {@link KeyOptions}, {@link ClaimOptions} and {@link JwtIssuer}),
 * send it as {@code Authorization: Bearer}, and re-sign it every {@code --jwt-refresh}, never per
 * request. The claim flags ({@code --jwt-sub}, {@code --jwt-iss}, {@code --jwt-aud}, {@code --jwt-claim})
 * are {@link ClaimOptions} under the {@code --jwt-} prefix, which core's messages use too.
 */
final class LoadJwtOptions {

    /** The shortest --jwt-ttl: exp is whole seconds, so a token may lose up to one of them at signing. */
    private static final Duration MIN_TTL = Duration.ofSeconds(2);
    /** The longest --jwt-ttl: a year; longer ones would overflow a JWT's exp arithmetic and have no use in a load test. */
    private static final Duration MAX_TTL = Duration.ofDays(365);

    /** Reads {@code --jwt-ttl}: {@link #MIN_TTL} to {@link #MAX_TTL}. */
    public static final class Ttl extends Converters.RangedDuration {
        public Ttl() {
            super(MIN_TTL, MAX_TTL);
        }
    }

    /** Reads {@code --jwt-refresh}: 1s to {@link #MAX_TTL} (and at most {@code --jwt-ttl}, checked with it). */
    public static final class Refresh extends Converters.RangedDuration {
        public Refresh() {
            super(Duration.ofSeconds(1), MAX_TTL);
        }
    }

    @Option(names = "--jwt-secret", paramLabel = "SECRET",
            description = "Send Authorization: Bearer with a JWT signed by this HMAC secret: TEXT, @FILE, env:NAME, b64:BASE64 or - (stdin).")
    String secret;

    @Option(names = "--jwt-key", paramLabel = "KEY",
            description = "… or by this private key: a PEM (PKCS#8, PKCS#1, SEC1) or JWK file, @FILE, env:NAME; the algorithm is the key's, as for jwt sign.")
    String key;

    @Option(names = "--jwt-alg", paramLabel = "ALG", description = "JWT algorithm: ${COMPLETION-CANDIDATES} (default: the key's; HS256 for a secret).")
    JwsAlgorithm alg;

    /** --jwt-sub, --jwt-iss, --jwt-aud and --jwt-claim, listed after --jwt-alg (added by {@link LoadCommand}'s model). */
    final ClaimOptions claims = new ClaimOptions(ClaimOptions.Use.LOAD);

    @Option(names = "--jwt-ttl", paramLabel = "DURATION", defaultValue = "15m", converter = Ttl.class,
            description = "Each token's lifetime: exp = iat + this (default: ${DEFAULT-VALUE}).")
    Duration ttl;

    @Option(names = "--jwt-refresh", paramLabel = "DURATION", converter = Refresh.class,
            description = "Sign a new token after this long, at most --jwt-ttl (default: half of --jwt-ttl); never per request.")
    Duration refresh;

    @Option(names = "--jwt-allow-weak-key", description = "Sign with an HMAC secret shorter than the hash or an RSA key under 2048 bits (warns).")
    boolean allowWeakKey;

    /** Returns {@code plan} with a JWT on every request when a key is given; the token's first signing happens here. */
    RequestPlan apply(RequestPlan plan, Inputs inputs, Clock clock, Consumer<String> warn) {
        if (secret == null && key == null) {
            if (alg != null || claims.given() || refresh != null || allowWeakKey) {
                throw new InputException("the --jwt-* claim flags need --jwt-secret or --jwt-key");
            }
            return plan;
        }
        List<JwsKey> keys = KeyOptions.load(secret, key == null ? List.of() : List.of(key), "--jwt-secret", "--jwt-key", inputs, warn);
        if (keys.size() != 1) {
            throw new InputException("--jwt-key: " + keys.size() + " keys given (a JWK Set): give the one to sign with");
        }
        Duration every = refresh != null ? refresh : ttl.dividedBy(2);
        if (every.compareTo(ttl) > 0 || every.isZero() || every.isNegative()) {
            throw new InputException("--jwt-refresh must be positive and at most --jwt-ttl, so no token is sent expired");
        }
        JwtIssuer.Spec spec = claims.spec().alg(alg).allowWeakKey(allowWeakKey).build();
        RefreshingToken token = new RefreshingToken(spec, keys.get(0), clock, ttl, every);
        token.warnings().forEach(warn);
        return plan.withJwt(token);
    }
}
