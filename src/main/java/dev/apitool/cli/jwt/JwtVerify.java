package dev.apitool.cli.jwt;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtVerifier;
import dev.apitool.core.jwt.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify a JWT's signature and claims; print its payload.",
            "The allowed algorithms come from the key (a JWK's alg, else the key type's), never from the token.",
            "Exit 0 when valid, 1 when not (malformed or not), 2 for a bad key or flag."},
        modelTransformer = ClaimOptions.Installer.class,
        footer = {"", "Examples:",
            "  apitool jwt verify \"$TOKEN\" --secret env:JWT_SECRET --aud api",
            "  curl -s https://issuer/jwks.json > jwks.json; apitool jwt verify --key jwks.json --iss https://issuer < token.txt",
            "  apitool jwt verify --oidc-issuer https://accounts.example.com --aud my-client \"$ID_TOKEN\"",
            "  apitool jwt verify --jws --key ed25519.jwk \"$JWS\"   # any payload, signature only"})
@Formats({OutputFormat.text, OutputFormat.json})
final class JwtVerify extends BaseCommand implements ClaimOptions.Holder {

    /** Reads {@code --leeway}: 0 to 1d (a clock skew past a day is no skew; exp and nbf arithmetic stays in range). */
    public static final class Leeway extends Converters.RangedDuration {
        public Leeway() {
            super(Duration.ZERO, Duration.ofDays(1));
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOKEN", description = "The token; default or -: standard input.")
    String token;

    @Mixin
    KeyOptions keys;

    @Mixin
    RemoteKeyOptions remote;

    @Option(names = "--alg", paramLabel = "ALG", description = "Allow only these algorithms (repeatable): ${COMPLETION-CANDIDATES}.")
    List<JwsAlgorithm> algs = new ArrayList<>();

    @Option(names = "--leeway", paramLabel = "DURATION", converter = Leeway.class, defaultValue = "0",
            description = "Clock skew allowed for exp, nbf and iat (default 0).")
    Duration leeway;

    /** --sub, --iss and --aud, listed after --leeway. */
    final ClaimOptions claims = new ClaimOptions(ClaimOptions.Use.VERIFY);

    @Option(names = "--require", paramLabel = "CLAIM", description = "Require this claim to be present (repeatable).")
    List<String> require = new ArrayList<>();

    @Option(names = "--max-age", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Reject tokens issued (iat) longer ago than this.")
    Duration maxAge;

    @Option(names = "--at", paramLabel = "TIME", description = "Verify as of this time instead of now (ISO-8601, date or epoch seconds).")
    String at;

    @Option(names = "--jws", description = "Verify the signature only; the payload may be anything and is printed as is.")
    boolean jws;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Override
    public ClaimOptions claimOptions() {
        return claims;
    }

    @Override
    protected ExitCode run() {
        keys.declareReads(context(), files);
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        String tok = TokenInput.read(token, inputs(), context().interactive());
        Clock clock = context().clock();
        if (at != null) {
            clock = Clock.fixed(Times.parse(at, clock.instant(), "--at"), ZoneOffset.UTC);
        }
        String issuer = claims.issuer() != null ? claims.issuer() : remote.issuer;
        JwtVerifier.Policy policy = new JwtVerifier.Policy(algs.isEmpty() ? EnumSet.noneOf(JwsAlgorithm.class) : EnumSet.copyOf(algs),
                leeway, issuer, claims.audiences(), claims.subject(), require, maxAge, jws, keys.allowWeakKey);
        List<JwsKey> local = keys.load(inputs(), this::warn, remote.given());
        JwtVerifier.Result r;
        if (remote.given().isEmpty()) {
            r = new JwtVerifier(local, policy, clock).verify(tok);
        } else {
            try (RemoteKeyOptions.Session session = remote.open(context())) {
                r = verify(local, session.keys(false), policy, clock, tok);
                if (!r.valid() && r.errors().get(0).code().equals("kid_unknown")) {
                    r = verify(local, session.keys(true), policy, clock, tok); // the set may have rotated: refetch once
                }
            }
        }
        r.warnings().forEach(this::warn);
        String doc = Json.pretty(r.document());
        ReportOptions.write(written, f -> doc + "\n");
        if (output() == OutputFormat.json) {
            out().println(doc);
        } else if (r.valid()) {
            out().println(jws || r.claims() == null ? new String(r.payload(), StandardCharsets.UTF_8) : Json.pretty(r.claims()));
        }
        if (!r.valid()) {
            throw new ApitoolException(ExitCode.FAILED, "invalid token: " + r.message());
        }
        return ExitCode.OK;
    }

    private static JwtVerifier.Result verify(List<JwsKey> local, List<JwsKey> fetched, JwtVerifier.Policy policy, Clock clock, String token) {
        List<JwsKey> all = new ArrayList<>(local);
        all.addAll(fetched);
        return new JwtVerifier(all, policy, clock).verify(token);
    }
}
