package dev.apitool.cli.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.JwtDecoder;
import dev.apitool.core.jwt.JwtIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Sign a JWT and print it.",
            "Claims come from PAYLOAD (JSON text, @FILE or - for stdin) or --from, then from the claim flags, which win."},
        modelTransformer = ClaimOptions.Installer.class,
        footer = {"", "Examples:",
            "  apitool jwt sign --secret env:JWT_SECRET --sub alice --exp 15m",
            "  apitool jwt sign --key ec.pem --aud api --claim scope='read write' --claim admin:=true",
            "  apitool jwt sign '{\"user_id\": 42}' --secret @hs.key --no-iat"})
@Formats({OutputFormat.text, OutputFormat.json})
final class JwtSign extends BaseCommand implements ClaimOptions.Holder {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PAYLOAD", description = "Base claims: JSON text, @FILE or - (stdin). Default {}.")
    String payload;

    @Option(names = "--from", paramLabel = "TOKEN", description = "Re-sign this token's claims (not verified), changed by the claim flags.")
    String from;

    @Mixin
    KeyOptions keys;

    @Option(names = "--alg", paramLabel = "ALG", description = "Algorithm: ${COMPLETION-CANDIDATES}. Default: the key's (JWK alg; HS256 for a secret, RS256 for RSA, the curve's for EC, EdDSA).")
    JwsAlgorithm alg;

    /** --sub, --iss, --aud and --claim, listed after --alg. */
    final ClaimOptions claims = new ClaimOptions(ClaimOptions.Use.SIGN);

    @Option(names = "--exp", paramLabel = "TIME", description = "Expiry: a duration from now (15m), an ISO-8601 time, a date or @EPOCH-SECONDS.")
    String exp;

    @Option(names = "--nbf", paramLabel = "TIME", description = "Not before, as for --exp (--nbf=-30s for the past).")
    String nbf;

    @Option(names = "--iat", paramLabel = "TIME", description = "Issued at, as for --exp (0s: now). Default: the payload's or --from token's iat, else now.")
    String iat;

    @Option(names = "--no-iat", description = "Omit iat.")
    boolean noIat;

    @Option(names = "--jti", paramLabel = "ID", description = "Token id (jti); 'auto' for a random UUID.")
    String jti;

    @Option(names = "--kid", paramLabel = "KID", description = "Header kid; with a JWKS, also picks the key. Default: the key's kid.")
    String kid;

    @Option(names = "--typ", paramLabel = "TYP", description = "Header typ (default JWT; --typ= omits it).")
    String typ;

    @Option(names = "--header", paramLabel = "NAME=TEXT|NAME:=JSON", description = "An extra header parameter. Repeatable.")
    List<String> headers = new ArrayList<>();

    @Override
    public ClaimOptions claimOptions() {
        return claims;
    }

    @Override
    protected ExitCode run() {
        Inputs in = inputs();
        JwsKey key = pick(keys.load(in, this::warn));
        JwtIssuer.Spec spec = claims.spec().payload(base(in)).exp(exp).nbf(nbf).iat(iat).noIat(noIat).jti(jti).alg(alg)
                .kid(kid).typ(typ).headers(headers).allowWeakKey(keys.allowWeakKey).build();
        JwtIssuer.Issued issued = JwtIssuer.issue(spec, key, context().clock());
        issued.warnings().forEach(this::warn);
        if (output() == OutputFormat.json) {
            out().println(Json.pretty(issued.document()));
        } else {
            out().println(issued.token());
        }
        return ExitCode.OK;
    }

    private ObjectNode base(Inputs in) {
        if (payload != null && from != null) {
            throw new InputException("give either PAYLOAD or --from, not both");
        }
        if (from != null) {
            JwtDecoder.Decoded d = JwtDecoder.decode(from, context().clock().instant());
            if (d.claims() == null) {
                throw new InputException("--from: the token's payload is not a JSON claims set");
            }
            return d.claims();
        }
        if (payload == null) {
            return null;
        }
        Inputs.Value v = payload.equals("-") || payload.startsWith("@") ? in.resolve(payload, "PAYLOAD", false, Limit.PAYLOAD)
                : new Inputs.Value(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8), "PAYLOAD", false);
        return Json.parseObject(v.bytes(), v.origin());
    }

    /** Returns the one key to sign with: with several (a JWKS), the one --kid names. */
    private JwsKey pick(List<JwsKey> all) {
        if (all.size() == 1) {
            return all.get(0);
        }
        String kids = all.stream().map(k -> k.kid() == null ? "(no kid)" : "\"" + k.kid() + "\"").collect(Collectors.joining(", "));
        if (kid == null) {
            throw new InputException("--key: " + all.size() + " keys given; choose one with --kid (kids: " + kids + ")");
        }
        return all.stream().filter(k -> kid.equals(k.kid())).findFirst()
                .orElseThrow(() -> new InputException("--kid \"" + kid + "\": no such key (kids: " + kids + ")"));
    }
}
