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
     * What to put in a token, built with {@link #builder()}. Times ({@code exp}, {@code nbf},
     * {@code iat}) are as {@link Times#parse} reads them; {@code iat} defaults to now when neither
     * the payload nor a flag sets it, and {@code noIat} removes it. Claims set by flags replace the
     * same claims in {@code payload}. Messages name the flags with {@link #flag}, so a command whose
     * flags carry a prefix ({@code load --jwt-claim}) reads its own names in them.
     */
    public static final class Spec {
        private final ObjectNode payload;
        private final String subject;
        private final String issuer;
        private final List<String> audiences;
        private final String exp;
        private final String nbf;
        private final String iat;
        private final boolean noIat;
        private final String jti;
        private final List<String> claims;
        private final JwsAlgorithm alg;
        private final String kid;
        private final String typ;
        private final List<String> headers;
        private final boolean allowWeakKey;
        private final String flagPrefix;

        private Spec(Builder b) {
            this.payload = b.payload;
            this.subject = b.subject;
            this.issuer = b.issuer;
            this.audiences = List.copyOf(b.audiences);
            this.exp = b.exp;
            this.nbf = b.nbf;
            this.iat = b.iat;
            this.noIat = b.noIat;
            this.jti = b.jti;
            this.claims = List.copyOf(b.claims);
            this.alg = b.alg;
            this.kid = b.kid;
            this.typ = b.typ;
            this.headers = List.copyOf(b.headers);
            this.allowWeakKey = b.allowWeakKey;
            this.flagPrefix = b.flagPrefix;
        }

        /** Returns an empty spec to fill: no claims but {@code iat}, the key's algorithm, flags named {@code --NAME}. */
        public static Builder builder() {
            return new Builder();
        }

        /** Returns a builder holding this spec's values. */
        public Builder toBuilder() {
            Builder b = new Builder().payload(payload).subject(subject).issuer(issuer).audiences(audiences).exp(exp)
                    .nbf(nbf).iat(iat).noIat(noIat).jti(jti).claims(claims).alg(alg).kid(kid).typ(typ).headers(headers)
                    .allowWeakKey(allowWeakKey);
            b.flagPrefix = flagPrefix;
            return b;
        }

        /** Returns the base claims, or null for none. */
        public ObjectNode payload() {
            return payload;
        }

        public String subject() {
            return subject;
        }

        public String issuer() {
            return issuer;
        }

        /** Returns the audiences: one gives a string {@code aud}, several an array. */
        public List<String> audiences() {
            return audiences;
        }

        public String exp() {
            return exp;
        }

        public String nbf() {
            return nbf;
        }

        public String iat() {
            return iat;
        }

        public boolean noIat() {
            return noIat;
        }

        /** Returns the jti: a value, {@code auto} for a random UUID, or null. */
        public String jti() {
            return jti;
        }

        /** Returns the {@code name=text} and {@code name:=JSON} claim assignments. */
        public List<String> claims() {
            return claims;
        }

        /** Returns the algorithm, or null for the key's default. */
        public JwsAlgorithm alg() {
            return alg;
        }

        /** Returns the header kid, or null for the key's own kid. */
        public String kid() {
            return kid;
        }

        /** Returns the header typ: null means {@code JWT}, empty omits it. */
        public String typ() {
            return typ;
        }

        /** Returns the extra header assignments, as for claims. */
        public List<String> headers() {
            return headers;
        }

        public boolean allowWeakKey() {
            return allowWeakKey;
        }

        /** Returns the flag that sets {@code name} ({@code claim}, {@code alg}, …) as the user typed it: {@code --claim} or {@code --jwt-claim}. */
        public String flag(String name) {
            return flagPrefix + name;
        }

        /** Fills a {@link Spec}; every value is optional. */
        public static final class Builder {
            private ObjectNode payload;
            private String subject;
            private String issuer;
            private List<String> audiences = List.of();
            private String exp;
            private String nbf;
            private String iat;
            private boolean noIat;
            private String jti;
            private List<String> claims = List.of();
            private JwsAlgorithm alg;
            private String kid;
            private String typ;
            private List<String> headers = List.of();
            private boolean allowWeakKey;
            private String flagPrefix = "--";

            private Builder() {}

            /** Sets the base claims (null for none); the other values replace the same claims in them. */
            public Builder payload(ObjectNode payload) {
                this.payload = payload;
                return this;
            }

            public Builder subject(String subject) {
                this.subject = subject;
                return this;
            }

            public Builder issuer(String issuer) {
                this.issuer = issuer;
                return this;
            }

            /** Sets the audiences: one gives a string {@code aud}, several an array. */
            public Builder audiences(List<String> audiences) {
                this.audiences = audiences;
                return this;
            }

            /** Sets the expiry as {@link Times#parse} reads it (a duration from now, a time, {@code @EPOCH}). */
            public Builder exp(String exp) {
                this.exp = exp;
                return this;
            }

            public Builder nbf(String nbf) {
                this.nbf = nbf;
                return this;
            }

            public Builder iat(String iat) {
                this.iat = iat;
                return this;
            }

            /** Sets whether {@code iat} is left out. */
            public Builder noIat(boolean noIat) {
                this.noIat = noIat;
                return this;
            }

            /** Sets the jti: a value, {@code auto} for a random UUID, or null. */
            public Builder jti(String jti) {
                this.jti = jti;
                return this;
            }

            /** Sets the {@code name=text} and {@code name:=JSON} claim assignments. */
            public Builder claims(List<String> claims) {
                this.claims = claims;
                return this;
            }

            /** Sets the algorithm, or null for the key's default. */
            public Builder alg(JwsAlgorithm alg) {
                this.alg = alg;
                return this;
            }

            public Builder kid(String kid) {
                this.kid = kid;
                return this;
            }

            /** Sets the header typ: null means {@code JWT}, empty omits it. */
            public Builder typ(String typ) {
                this.typ = typ;
                return this;
            }

            /** Sets extra header assignments, as for claims. */
            public Builder headers(List<String> headers) {
                this.headers = headers;
                return this;
            }

            /** Sets whether a key too weak for the algorithm signs anyway (with a warning). */
            public Builder allowWeakKey(boolean allowWeakKey) {
                this.allowWeakKey = allowWeakKey;
                return this;
            }

            /**
             * Sets the prefix of the flag names messages use: {@code --} (the default) for
             * {@code jwt sign}'s {@code --claim}, {@code --jwt-} for {@code load}'s {@code --jwt-claim}.
             */
            public Builder flagPrefix(String flagPrefix) {
                this.flagPrefix = java.util.Objects.requireNonNull(flagPrefix, "flagPrefix");
                return this;
            }

            public Spec build() {
                return new Spec(this);
            }
        }
    }

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
            throw new InputException(spec.flag("alg") + " " + alg + " does not fit " + key.describe()
                    + " (it signs with " + key.allowedAlgorithms().stream().map(Enum::name)
                    .reduce((a, b) -> a + ", " + b).orElse("") + ")");
        }
        if (key.signingKey() == null) {
            throw new InputException(key.origin() + ": holds only a public key; signing needs the private key");
        }
        String weak = key.weakness(alg);
        if (weak != null) {
            if (!spec.allowWeakKey()) {
                throw new InputException(weak + "; " + spec.flag("allow-weak-key") + " signs anyway");
            }
            warnings.add("weak key (" + spec.flag("allow-weak-key") + "): " + weak);
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
            claims.put("exp", Times.parse(spec.exp(), now, spec.flag("exp")).getEpochSecond());
        }
        if (spec.nbf() != null) {
            claims.put("nbf", Times.parse(spec.nbf(), now, spec.flag("nbf")).getEpochSecond());
        }
        if (spec.noIat()) {
            claims.remove("iat");
        } else if (spec.iat() != null) {
            claims.put("iat", Times.parse(spec.iat(), now, spec.flag("iat")).getEpochSecond());
        } else if (!claims.has("iat")) {
            claims.put("iat", now.getEpochSecond());
        }
        if (spec.jti() != null) {
            claims.put("jti", spec.jti().equals("auto") ? UUID.randomUUID().toString() : spec.jti());
        }
        for (String c : spec.claims()) {
            Assignments.apply(claims, c, spec.flag("claim"));
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
            Assignments.apply(header, h, spec.flag("header"));
        }
        if (!header.path("alg").asText().equals(alg.name())) {
            throw new InputException(spec.flag("header") + " may not set \"alg\"; choose the algorithm with " + spec.flag("alg"));
        }
        return header;
    }
}
