package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Builds a JWT's header and claims from a {@link Spec} and signs it (RFC 7519, RFC 7515 §5.1). */
public final class JwtIssuer {

    /**
     * What to put in a token. Times ({@code exp}, {@code nbf}, {@code iat}) are as {@link Times#parse}
     * reads them; {@code iat} defaults to now when neither the payload nor a flag sets it, and
     * {@code noIat} removes it. Claims set by flags replace the same claims in {@code payload}.
     *
     * @param payload the base claims, or null for none
     * @param audiences one gives a string {@code aud}, several an array
     * @param jti a value, or {@code auto} for a random UUID, or null
     * @param claims {@code name=text} and {@code name:=JSON} assignments
     * @param alg the algorithm, or null for the key's default
     * @param kid the header kid, or null for the key's own kid
     * @param typ the header typ; null means {@code JWT}, empty omits it
     * @param headers extra header assignments, as for claims
     */
    public record Spec(ObjectNode payload, String subject, String issuer, List<String> audiences, String exp,
                       String nbf, String iat, boolean noIat, String jti, List<String> claims, JwsAlgorithm alg,
                       String kid, String typ, List<String> headers, boolean allowWeakKey) {}

    /** A signed token with what went into it. */
    public record Issued(String token, JwsAlgorithm alg, ObjectNode header, ObjectNode claims, List<String> warnings) {

        /** Returns the JSON document of {@code jwt sign --output json} (schema: {@code schemas/jwt-sign.schema.json}). */
        public ObjectNode document() {
            ObjectNode doc = Json.object();
            doc.put("schemaVersion", 1);
            doc.put("token", token);
            doc.set("header", header);
            doc.set("payload", claims);
            return doc;
        }
    }

    private JwtIssuer() {}

    /** Returns the token {@code spec} describes, signed with {@code key} at {@code clock}'s now. */
    public static Issued issue(Spec spec, JwsKey key, Clock clock) {
        List<String> warnings = new ArrayList<>();
        JwsAlgorithm alg = spec.alg() != null ? spec.alg() : key.defaultAlgorithm();
        if (!key.allowedAlgorithms().contains(alg)) {
            throw new InputException("--alg " + alg + " does not fit " + key.describe()
                    + " (it signs with " + key.allowedAlgorithms().stream().map(Enum::name)
                    .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        }
        if (key.signingKey() == null) {
            throw new InputException(key.origin() + ": holds only a public key; signing needs the private key");
        }
        String weak = key.weakness(alg);
        if (weak != null) {
            if (!spec.allowWeakKey()) {
                throw new InputException(weak + "; --allow-weak-key signs anyway");
            }
            warnings.add("weak key (--allow-weak-key): " + weak);
        }
        Instant now = clock.instant();
        ObjectNode claims = claims(spec, now);
        ObjectNode header = header(spec, alg, key);
        String signingInput = Base64Url.encode(Json.compact(header).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64Url.encode(Json.compact(claims).getBytes(StandardCharsets.UTF_8));
        byte[] signature = Signatures.sign(alg, key.signingKey(), signingInput.getBytes(StandardCharsets.US_ASCII));
        return new Issued(signingInput + "." + Base64Url.encode(signature), alg, header, claims, warnings);
    }

    private static ObjectNode claims(Spec spec, Instant now) {
        ObjectNode claims = spec.payload() != null ? spec.payload().deepCopy() : Json.object();
        if (spec.issuer() != null) {
            claims.put("iss", spec.issuer());
        }
        if (spec.subject() != null) {
            claims.put("sub", spec.subject());
        }
        if (spec.audiences().size() == 1) {
            claims.put("aud", spec.audiences().get(0));
        } else if (spec.audiences().size() > 1) {
            ArrayNode aud = claims.putArray("aud");
            spec.audiences().forEach(aud::add);
        }
        if (spec.exp() != null) {
            claims.put("exp", Times.parse(spec.exp(), now, "--exp").getEpochSecond());
        }
        if (spec.nbf() != null) {
            claims.put("nbf", Times.parse(spec.nbf(), now, "--nbf").getEpochSecond());
        }
        if (spec.noIat()) {
            claims.remove("iat");
        } else if (spec.iat() != null) {
            claims.put("iat", Times.parse(spec.iat(), now, "--iat").getEpochSecond());
        } else if (!claims.has("iat")) {
            claims.put("iat", now.getEpochSecond());
        }
        if (spec.jti() != null) {
            claims.put("jti", spec.jti().equals("auto") ? UUID.randomUUID().toString() : spec.jti());
        }
        for (String c : spec.claims()) {
            Assignments.apply(claims, c, "--claim");
        }
        return claims;
    }

    private static ObjectNode header(Spec spec, JwsAlgorithm alg, JwsKey key) {
        ObjectNode header = Json.object();
        header.put("alg", alg.name());
        String typ = spec.typ() == null ? "JWT" : spec.typ();
        if (!typ.isEmpty()) {
            header.put("typ", typ);
        }
        String kid = spec.kid() != null ? spec.kid() : key.kid();
        if (kid != null) {
            header.put("kid", kid);
        }
        for (String h : spec.headers()) {
            Assignments.apply(header, h, "--header");
        }
        if (!header.path("alg").asText().equals(alg.name())) {
            throw new InputException("--header may not set \"alg\"; choose the algorithm with --alg");
        }
        return header;
    }
}
