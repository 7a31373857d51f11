package dev.apitool.core.pipeline.middleware;

import dev.apitool.core.io.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.io.InputException;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwtVerifier;
import dev.apitool.core.jwt.KeyReader;
import dev.apitool.core.pipeline.Build;
import dev.apitool.core.pipeline.Exchange;
import dev.apitool.core.pipeline.Factory;
import dev.apitool.core.pipeline.Handler;
import dev.apitool.core.pipeline.KeySet;
import dev.apitool.core.pipeline.Middleware;
import dev.apitool.core.pipeline.Node;
import dev.apitool.core.pipeline.Responses;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionStage;

/**
 * {@code jwt-auth}: verifies a bearer token with core's {@link JwtVerifier} (the same checks as
 * {@code jwt verify}), puts its claims on the exchange, and answers 401 with
 * {@code WWW-Authenticate} (RFC 6750) when the token is missing, malformed, expired or forged, and
 * 403 when the roles claim holds none of the required roles. Tokens never appear in traces or logs.
 */
public final class JwtAuth implements Factory<Middleware> {

    /** The verified claims, for the layers inside (a rate limit keyed on a claim). */
    public static final Exchange.Key<JsonNode> CLAIMS = new Exchange.Key<>("jwt-claims");

    record Settings(Verifiers verifiers, String rolesClaim, Set<String> roles, boolean optional) {}

    @Override
    public String type() {
        return "jwt-auth";
    }

    @Override
    public List<String> parameters() {
        return List.of("keys", "secret", "algorithms", "issuer", "audience", "required-claims", "leeway", "roles-claim",
                "roles", "optional");
    }

    @Override
    public String summary() {
        return "Verifies the bearer token (keys as jwt verify takes them); 401 or 403 otherwise.";
    }

    @Override
    public Middleware create(Node node, Build build) {
        KeySet keys = null;
        if (node.has("keys") == node.has("secret")) {
            node.error("jwt-auth needs exactly one of keys: (a keys service) or secret: (TEXT, env:NAME or @FILE)");
        } else if (node.has("keys")) {
            keys = build.service(node.get("keys"), KeySet.class, "keys", "jwt-auth \"" + build.label() + "\"");
        } else {
            try {
                keys = KeySet.fixed(List.of(KeyReader.secret(build.env().inputs().resolve(node.text("secret", ""), "secret", true, Limit.KEY)
                        .bytes(), "secret")));
            } catch (InputException e) {
                node.get("secret").error(e.getMessage());
            }
        }
        Set<JwsAlgorithm> algorithms = new HashSet<>();
        for (String a : node.strings("algorithms")) {
            JwsAlgorithm alg = JwsAlgorithm.byName(a);
            if (alg == null) {
                node.get("algorithms").error("unknown algorithm '" + a + "' (expected e.g. HS256, RS256, ES256, EdDSA)");
            } else {
                algorithms.add(alg);
            }
        }
        Duration leeway = node.duration("leeway", Duration.ZERO);
        List<String> audiences = node.strings("audience");
        List<String> required = new ArrayList<>(node.strings("required-claims"));
        String rolesClaim = node.text("roles-claim", "roles");
        Set<String> roles = Set.copyOf(node.strings("roles"));
        if (keys == null) {
            return null;
        }
        JwtVerifier.Policy policy = new JwtVerifier.Policy(algorithms, leeway, node.text("issuer", null), audiences, null,
                required, null, false, false);
        Verifiers verifiers = new Verifiers(keys, policy, build.env().clock());
        Settings s = new Settings(verifiers, rolesClaim, roles, node.bool("optional", false));
        String label = build.label();
        return (ex, next) -> {
            String auth = ex.request().header("Authorization");
            if (ex.tracing()) {
                ex.note(label, "Checking token: " + mask(auth));
            }
            if (auth == null) {
                return s.optional() ? next.handle(ex) : Responses.now(unauthorized(ex, null, "No bearer token"));
            }
            if (auth.length() < 7 || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Responses.now(unauthorized(ex, "invalid_request", "Authorization is not a Bearer token"));
            }
            String token = auth.substring(7).strip();
            JwtVerifier.Result r = s.verifiers().verify(token);
            if (!r.valid() && code(r).equals("kid_unknown") && s.verifiers().keys().refetches()) {
                ex.note(label, "unknown kid: refetching the key set");
                return s.verifiers().keys().refetch().thenCompose(changed -> decide(ex, next, s, label,
                        changed ? s.verifiers().verify(token) : r));
            }
            return decide(ex, next, s, label, r);
        };
    }

    private static CompletionStage<ServerResponse> decide(Exchange ex, Handler next, Settings s, String label, JwtVerifier.Result r) {
        if (!r.valid()) {
            String code = code(r);
            ex.note(label, "refused: " + code);
            return Responses.now(unauthorized(ex, "invalid_token", "Invalid token: " + code));
        }
        if (!s.roles().isEmpty() && !hasRole(r.claims(), s.rolesClaim(), s.roles())) {
            ex.note(label, "refused: no required role");
            return Responses.now(Responses.error(ex, 403, "Forbidden: needs one of the roles " + String.join(", ", s.roles()))
                    .withHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\""));
        }
        ex.put(CLAIMS, r.claims());
        try {
            return next.handle(ex);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static String code(JwtVerifier.Result r) {
        return r.errors().isEmpty() ? "invalid" : r.errors().get(0).code();
    }

    /**
     * The verifier for the key set's current keys, rebuilt when a refetch changed them, with a small
     * cache of tokens found valid (as gateways keep one: Envoy's {@code jwt_cache_config}): a token
     * valid now stays valid until its {@code exp}, so a hit skips the signature and JSON work until a
     * second before {@code exp} (plus leeway), at most {@link #CACHE_SECONDS}, and only for the keys
     * that verified it.
     */
    static final class Verifiers {
        /** Most tokens remembered; the cache is emptied when full. */
        static final int CACHE_ENTRIES = 1024;
        /** Longest a token is remembered, in seconds. */
        static final long CACHE_SECONDS = 300;
        private static final int CACHE_TOKEN_CHARS = 4096;

        private final KeySet keys;
        private final JwtVerifier.Policy policy;
        private final Clock clock;
        private final ConcurrentHashMap<String, Hit> valid = new ConcurrentHashMap<>();
        private volatile Current current;

        private record Current(long generation, JwtVerifier verifier) {}

        private record Hit(long generation, JwtVerifier.Result result, long untilEpochSecond) {}

        Verifiers(KeySet keys, JwtVerifier.Policy policy, Clock clock) {
            this.keys = keys;
            this.policy = policy;
            this.clock = clock;
            this.current = new Current(keys.generation(), new JwtVerifier(keys.keys(), policy, clock));
        }

        KeySet keys() {
            return keys;
        }

        JwtVerifier.Result verify(String token) {
            Current c = current;
            long g = keys.generation();
            long now = Math.floorDiv(clock.millis(), 1000);
            Hit hit = valid.get(token);
            if (hit != null && hit.generation() == g && now < hit.untilEpochSecond()) {
                return hit.result();
            }
            if (c.generation() != g) {
                c = new Current(g, new JwtVerifier(keys.keys(), policy, clock));
                current = c;
            }
            JwtVerifier.Result r = c.verifier().verify(token);
            if (r.valid() && token.length() <= CACHE_TOKEN_CHARS) {
                JsonNode exp = r.claims() == null ? null : r.claims().get("exp");
                long until = now + CACHE_SECONDS;
                if (exp != null && exp.canConvertToLong()) {
                    until = Math.min(until, exp.asLong() + policy.leeway().toSeconds() - 1);
                }
                if (valid.size() >= CACHE_ENTRIES) {
                    valid.clear();
                }
                valid.put(token, new Hit(g, r, until));
            }
            return r;
        }
    }

    private static ServerResponse unauthorized(Exchange ex, String error, String message) {
        String challenge = error == null ? "Bearer realm=\"apitool\"" : "Bearer realm=\"apitool\", error=\"" + error + "\"";
        return Responses.error(ex, 401, message).withHeader("WWW-Authenticate", challenge);
    }

    private static boolean hasRole(JsonNode claims, String claim, Set<String> roles) {
        JsonNode v = claims == null ? null : claims.get(claim);
        if (v == null) {
            return false;
        }
        if (v.isTextual()) {
            for (String r : v.asText().split("[ ,]+")) {
                if (roles.contains(r)) {
                    return true;
                }
            }
            return false;
        }
        for (JsonNode item : v) {
            if (item.isTextual() && roles.contains(item.asText())) {
                return true;
            }
        }
        return false;
    }

    /** Returns the Authorization value with its credentials masked: {@code Bearer ***}. */
    static String mask(String auth) {
        if (auth == null) {
            return "(none)";
        }
        int sp = auth.indexOf(' ');
        return (sp < 0 ? "" : auth.substring(0, sp) + " ") + "***";
    }
}
