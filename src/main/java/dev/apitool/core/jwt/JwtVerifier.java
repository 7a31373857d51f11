package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import dev.apitool.core.time.Durations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * Verifies compact JWS/JWT tokens under an explicit policy, in a fixed order: strict structure,
 * header JSON (duplicate keys refused), the algorithm allow-list (from the keys, never from the
 * token), {@code crit}, key selection by exact {@code kid}, the signature over the bytes as
 * received, and then every claim check on the injected clock (RFC 7515 §5.2, RFC 7519 §7.2,
 * RFC 8725). Header-borne keys ({@code jku}, {@code x5u}, {@code jwk}, {@code x5c}) are never used.
 */
public final class JwtVerifier {

    /**
     * What a token must satisfy.
     *
     * @param algorithms narrows the algorithms the keys allow to exactly these; empty for all the keys allow
     * @param leeway tolerance for exp, nbf and iat, zero or more
     * @param issuer required {@code iss}, or null
     * @param audiences accepted audiences (one must appear in {@code aud}); empty for no check
     * @param subject required {@code sub}, or null
     * @param requiredClaims claims that must be present
     * @param maxAge largest accepted age since {@code iat}, or null
     * @param jwsOnly verify the signature only: the payload need not be a JSON claims set
     * @param allowWeakKeys accept keys shorter than RFC 7518 requires (with a warning)
     */
    public record Policy(Set<JwsAlgorithm> algorithms, Duration leeway, String issuer, List<String> audiences,
                         String subject, List<String> requiredClaims, Duration maxAge, boolean jwsOnly,
                         boolean allowWeakKeys) {

        /** Returns the policy with no claim requirements, zero leeway and every algorithm the keys allow. */
        public static Policy defaults() {
            return new Policy(Set.of(), Duration.ZERO, null, List.of(), null, List.of(), null, false, false);
        }
    }

    /** One reason a token failed: a stable code for scripts and a sentence for people. */
    public record Problem(String code, String message) {}

    /**
     * The outcome of a verification.
     *
     * @param header the parsed header, or null when the token is not even structurally valid
     * @param payload the payload bytes as received, or null
     * @param claims the payload as JSON when it is a claims set, else null
     * @param key the key whose signature matched, or null
     */
    public record Result(boolean valid, ObjectNode header, byte[] payload, JsonNode claims, JwsKey key,
                         List<Problem> errors, List<String> warnings) {

        /** Returns all error messages joined by "; ". */
        public String message() {
            return errors.stream().map(Problem::message).collect(Collectors.joining("; "));
        }

        /** Returns the JSON document of {@code jwt verify --output json} (schema: {@code schemas/jwt-verify.schema.json}). */
        public ObjectNode document() {
            ObjectNode doc = Json.object();
            doc.put("schemaVersion", 1);
            doc.put("valid", valid);
            doc.set("header", header);
            if (claims != null) {
                doc.set("payload", claims);
            } else if (payload != null && header != null) {
                doc.put("payload", new String(payload, StandardCharsets.UTF_8));
            } else {
                doc.putNull("payload");
            }
            if (key != null && key.kid() != null) {
                doc.put("kid", key.kid());
            }
            ArrayNode errs = doc.putArray("errors");
            for (Problem p : errors) {
                errs.addObject().put("code", p.code()).put("message", p.message());
            }
            ArrayNode warns = doc.putArray("warnings");
            warnings.forEach(warns::add);
            return doc;
        }
    }

    private static final List<String> UNTRUSTED_HEADERS = List.of("jku", "x5u", "jwk", "x5c");

    private final List<JwsKey> keys;
    private final Policy policy;
    private final Clock clock;

    public JwtVerifier(List<JwsKey> keys, Policy policy, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no verification key");
        }
        this.keys = List.copyOf(keys);
        this.policy = policy;
        this.clock = clock;
    }

    /** Returns the verdict on {@code token}, which must be exactly the compact serialization. */
    public Result verify(String token) {
        List<String> warnings = new ArrayList<>();
        CompactJws jws;
        try {
            jws = CompactJws.parse(token);
        } catch (CompactJws.MalformedException e) {
            return fail(null, null, "malformed", "malformed token: " + e.getMessage(), warnings);
        }
        ObjectNode header;
        try {
            header = Json.parseObject(jws.header(), "header");
        } catch (InputException e) {
            return fail(null, jws.payload(), "malformed", "malformed token: " + e.getMessage(), warnings);
        }
        JsonNode algNode = header.get("alg");
        if (algNode == null || !algNode.isTextual()) {
            return fail(header, jws.payload(), "malformed", "malformed token: the header has no \"alg\" string", warnings);
        }
        String algName = algNode.asText();
        if (algName.equalsIgnoreCase("none")) {
            return fail(header, jws.payload(), "alg_none", "algorithm \"" + algName + "\" (an unsecured token) is refused", warnings);
        }
        JwsAlgorithm alg = JwsAlgorithm.byName(algName);
        if (alg == null) {
            return fail(header, jws.payload(), "alg_unsupported", "algorithm \"" + algName + "\" is not a supported JWS algorithm", warnings);
        }
        String notAllowed = checkAllowed(alg);
        if (notAllowed != null) {
            return fail(header, jws.payload(), "alg_not_allowed", notAllowed, warnings);
        }
        Problem crit = checkCritical(header);
        if (crit != null) {
            return fail(header, jws.payload(), crit.code(), crit.message(), warnings);
        }
        for (String name : UNTRUSTED_HEADERS) {
            if (header.has(name)) {
                warnings.add("header \"" + name + "\" ignored: keys come only from the keys you give");
            }
        }
        JsonNode kidNode = header.get("kid");
        if (kidNode != null && !kidNode.isTextual()) {
            return fail(header, jws.payload(), "malformed", "malformed token: header \"kid\" must be a string", warnings);
        }
        String kid = kidNode == null ? null : kidNode.asText();
        List<JwsKey> candidates = select(alg, kid);
        if (candidates.isEmpty()) {
            return fail(header, jws.payload(), "kid_unknown", "no key has kid \"" + kid + "\" (known: " + kids() + ")", warnings);
        }
        List<JwsKey> usable = new ArrayList<>();
        String weak = null;
        for (JwsKey k : candidates) {
            String w = k.weakness(alg);
            if (w == null || policy.allowWeakKeys()) {
                usable.add(k);
                if (w != null) {
                    warnings.add("weak key accepted (--allow-weak-key): " + w);
                }
            } else {
                weak = w;
            }
        }
        if (usable.isEmpty()) {
            return fail(header, jws.payload(), "weak_key", weak + "; --allow-weak-key accepts it", warnings);
        }
        JwsKey matched = null;
        String reason = null;
        byte[] input = jws.signingInput();
        for (JwsKey k : usable) {
            String r = Signatures.verify(alg, k.verificationKey(), input, jws.signature());
            if (r == null) {
                matched = k;
                break;
            }
            reason = reason == null ? r : reason;
        }
        if (matched == null) {
            String msg = usable.size() == 1 ? reason : reason + " (tried " + usable.size() + " keys)";
            return fail(header, jws.payload(), "signature", msg, warnings);
        }
        if (policy.jwsOnly()) {
            return new Result(true, header, jws.payload(), null, matched, List.of(), warnings);
        }
        ObjectNode claims;
        try {
            claims = Json.parseObject(jws.payload(), "payload");
        } catch (InputException e) {
            return new Result(false, header, jws.payload(), null, matched,
                    List.of(new Problem("payload", e.getMessage() + " (the payload is not a JWT claims set; --jws verifies the signature only)")),
                    warnings);
        }
        List<Problem> problems = checkClaims(claims);
        return new Result(problems.isEmpty(), header, jws.payload(), claims, matched, problems, warnings);
    }

    private String checkAllowed(JwsAlgorithm alg) {
        Set<JwsAlgorithm> fromKeys = EnumSet.noneOf(JwsAlgorithm.class);
        for (JwsKey k : keys) {
            fromKeys.addAll(k.allowedAlgorithms());
        }
        if (!fromKeys.contains(alg)) {
            Set<JwsKey.Type> types = keys.stream().map(JwsKey::type).collect(Collectors.toSet());
            String what = types.size() == 1 ? keys.size() == 1 && keys.get(0).declaredAlg() != null
                    ? "a key that declares \"alg\": \"" + keys.get(0).declaredAlg() + "\""
                    : types.iterator().next().phrase() : "the keys given";
            return "algorithm " + alg + " not allowed for " + what + " (allowed: " + names(fromKeys) + ")";
        }
        if (!policy.algorithms().isEmpty() && !policy.algorithms().contains(alg)) {
            return "algorithm " + alg + " not allowed: --alg allows only " + names(policy.algorithms());
        }
        return null;
    }

    private static Problem checkCritical(ObjectNode header) {
        JsonNode b64 = header.get("b64");
        if (b64 != null && !(b64.isBoolean() && b64.booleanValue())) {
            return new Problem("b64", "unencoded payloads (\"b64\": " + Json.compact(b64) + ", RFC 7797) are refused");
        }
        JsonNode crit = header.get("crit");
        if (crit == null) {
            return null;
        }
        if (!crit.isArray() || crit.isEmpty()) {
            return new Problem("malformed", "malformed token: header \"crit\" must be a non-empty array of names (RFC 7515 §4.1.11)");
        }
        StringJoiner names = new StringJoiner(", ");
        for (JsonNode n : crit) {
            if (!n.isTextual()) {
                return new Problem("malformed", "malformed token: header \"crit\" must list names as strings");
            }
            names.add("\"" + n.asText() + "\"");
        }
        return new Problem("crit", "critical header parameter(s) " + names + " not understood (crit)");
    }

    private List<JwsKey> select(JwsAlgorithm alg, String kid) {
        List<JwsKey> fit = keys.stream().filter(k -> k.allowedAlgorithms().contains(alg)).collect(Collectors.toList());
        if (kid == null) {
            return fit;
        }
        List<JwsKey> exact = fit.stream().filter(k -> kid.equals(k.kid())).collect(Collectors.toList());
        return !exact.isEmpty() ? exact : fit.stream().filter(k -> k.kid() == null).collect(Collectors.toList());
    }

    private List<Problem> checkClaims(ObjectNode claims) {
        List<Problem> problems = new ArrayList<>();
        Instant now = clock.instant();
        Duration leeway = policy.leeway();
        // The leeway moves now, never the claim: a claim may be Instant.MAX or MIN, which cannot move.
        Instant exp = time(claims, "exp", problems);
        if (exp != null && !now.minus(leeway).isBefore(exp)) {
            problems.add(new Problem("expired", "expired " + ago(exp, now) + " at " + exp));
        }
        Instant nbf = time(claims, "nbf", problems);
        if (nbf != null && now.plus(leeway).isBefore(nbf)) {
            problems.add(new Problem("not_yet_valid", "not valid until " + nbf + " (" + NumericDate.relative(nbf, now) + ")"));
        }
        Instant iat = time(claims, "iat", problems);
        if (iat != null && iat.isAfter(now.plus(leeway))) {
            problems.add(new Problem("issued_in_future", "issued in the future, at " + iat + " (" + NumericDate.relative(iat, now) + ")"));
        }
        if (policy.maxAge() != null) {
            if (iat == null && !claims.has("iat")) {
                problems.add(new Problem("missing_claim", "missing claim \"iat\" (--max-age needs it)"));
            } else if (iat != null && Duration.between(iat, now).compareTo(policy.maxAge().plus(leeway)) > 0) {
                problems.add(new Problem("too_old", "too old: issued " + ago(iat, now) + " at " + iat
                        + ", --max-age is " + Durations.format(policy.maxAge())));
            }
        }
        expectString(claims, "iss", policy.issuer(), "issuer", problems);
        expectString(claims, "sub", policy.subject(), "subject", problems);
        if (!policy.audiences().isEmpty()) {
            checkAudience(claims.get("aud"), problems);
        }
        for (String name : policy.requiredClaims()) {
            if (!claims.has(name)) {
                problems.add(new Problem("missing_claim", "missing required claim \"" + name + "\""));
            }
        }
        return problems;
    }

    private static Instant time(ObjectNode claims, String name, List<Problem> problems) {
        JsonNode v = claims.get(name);
        if (v == null) {
            return null;
        }
        Instant at = NumericDate.of(v);
        if (at == null) {
            problems.add(new Problem("claim_type", "claim \"" + name + "\" must be a NumericDate (seconds since the epoch), got " + Json.kind(v)));
        }
        return at;
    }

    private static void expectString(ObjectNode claims, String name, String expected, String what, List<Problem> problems) {
        if (expected == null) {
            return;
        }
        JsonNode v = claims.get(name);
        if (v == null) {
            problems.add(new Problem(what, "missing claim \"" + name + "\" (expected \"" + expected + "\")"));
        } else if (!v.isTextual() || !v.asText().equals(expected)) {
            problems.add(new Problem(what, what + " " + Json.compact(v) + " is not \"" + expected + "\""));
        }
    }

    private void checkAudience(JsonNode aud, List<Problem> problems) {
        String accepted = policy.audiences().stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(",", "[", "]"));
        if (aud == null) {
            problems.add(new Problem("audience", "missing claim \"aud\" (expected one of " + accepted + ")"));
            return;
        }
        List<String> given = new ArrayList<>();
        if (aud.isTextual()) {
            given.add(aud.asText());
        } else if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual()) {
                    given.add(a.asText());
                }
            }
        }
        if (given.stream().noneMatch(policy.audiences()::contains)) {
            problems.add(new Problem("audience", "audience " + Json.compact(aud) + " not in " + accepted));
        }
    }

    private static String ago(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        return d.compareTo(Duration.ofSeconds(1)) < 0 ? "just now" : Durations.format(d) + " ago";
    }

    private String kids() {
        String known = keys.stream().filter(k -> k.kid() != null).map(k -> "\"" + k.kid() + "\"").collect(Collectors.joining(", "));
        return known.isEmpty() ? "none" : known;
    }

    private static String names(Set<JwsAlgorithm> algs) {
        return algs.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Result fail(ObjectNode header, byte[] payload, String code, String message, List<String> warnings) {
        return new Result(false, header, payload, null, null, List.of(new Problem(code, message)), warnings);
    }
}
