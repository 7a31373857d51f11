package dev.apitool.core.jwt;

import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * One key a user gave apitool, with what it may be used for. The algorithms a key allows are
 * decided here, from the key alone, never from a token: a JWK's {@code alg} exactly when it has
 * one, otherwise every algorithm of the key's type (RSA: RS* and PS*; EC: the ES* of its curve;
 * Ed25519: EdDSA; a secret: HS*).
 *
 * @param type the key type, as JWK's {@code kty} names it
 * @param curve the curve of an EC or OKP key, else null
 * @param kid the key id, or null
 * @param declaredAlg the algorithm a JWK declares with {@code alg}, or null
 * @param secret the HMAC key, or null
 * @param publicKey the verification key of an asymmetric pair, or null when only the private part is known
 * @param privateKey the signing key of an asymmetric pair, or null
 * @param origin where the key came from, for messages ("key.pem", "--secret")
 */
public record JwsKey(Type type, Curve curve, String kid, JwsAlgorithm declaredAlg, SecretKey secret,
                     PublicKey publicKey, PrivateKey privateKey, String origin) {

    /** Key types (RFC 7518 §6.1, RFC 8037 §2). */
    public enum Type {
        OCT("a secret"), RSA("an RSA key"), EC("an EC key"), OKP("an Ed25519 key");

        private final String phrase;

        Type(String phrase) {
            this.phrase = phrase;
        }

        /** Returns the type with an article, for messages ("an RSA key"). */
        public String phrase() {
            return phrase;
        }
    }

    /** Returns a copy with the given key id. */
    public JwsKey withKid(String newKid) {
        return new JwsKey(type, curve, newKid, declaredAlg, secret, publicKey, privateKey, origin);
    }

    /** Returns the algorithms this key may sign or verify with. */
    public Set<JwsAlgorithm> allowedAlgorithms() {
        return declaredAlg != null ? EnumSet.of(declaredAlg) : algorithmsFor(type, curve);
    }

    /** Returns every algorithm a key of this type (and curve, for EC and OKP) can sign with. */
    public static Set<JwsAlgorithm> algorithmsFor(Type type, Curve curve) {
        switch (type) {
            case OCT: return EnumSet.of(JwsAlgorithm.HS256, JwsAlgorithm.HS384, JwsAlgorithm.HS512);
            case RSA: return EnumSet.of(JwsAlgorithm.RS256, JwsAlgorithm.RS384, JwsAlgorithm.RS512,
                    JwsAlgorithm.PS256, JwsAlgorithm.PS384, JwsAlgorithm.PS512);
            default: return EnumSet.of(curve.algorithm());
        }
    }

    /**
     * Returns the algorithm to sign with when the user named none: the JWK's {@code alg}; HS256
     * for a secret and RS256 for RSA (the common defaults of jwt-cli and step); the curve's for EC and Ed25519.
     */
    public JwsAlgorithm defaultAlgorithm() {
        if (declaredAlg != null) {
            return declaredAlg;
        }
        switch (type) {
            case OCT: return JwsAlgorithm.HS256;
            case RSA: return JwsAlgorithm.RS256;
            default: return curve.algorithm();
        }
    }

    /** Returns the key that signs: the secret or the private key (null when only a public key is known). */
    public Key signingKey() {
        return secret != null ? secret : privateKey;
    }

    /** Returns the key that verifies: the secret or the public key (null when it cannot be derived). */
    public Key verificationKey() {
        return secret != null ? secret : publicKey;
    }

    /** Returns the size of the key in bits: secret length, RSA modulus, or curve order. */
    public int bits() {
        if (secret != null) {
            return secret.getEncoded().length * 8;
        }
        Key k = publicKey != null ? publicKey : privateKey;
        if (k instanceof RSAKey) {
            return ((RSAKey) k).getModulus().bitLength();
        }
        if (k instanceof ECKey) {
            return ((ECKey) k).getParams().getOrder().bitLength();
        }
        return 256;
    }

    /**
     * Returns why this key is too weak for {@code alg}, or null: an HMAC key shorter than the hash
     * output (RFC 7518 §3.2), or an RSA modulus under 2048 bits (RFC 7518 §3.3).
     */
    public String weakness(JwsAlgorithm alg) {
        if (secret != null && secret.getEncoded().length < alg.hashBytes()) {
            return "HMAC key is " + secret.getEncoded().length + " bytes; " + alg + " needs at least "
                    + alg.hashBytes() + " (RFC 7518 §3.2)";
        }
        if (type == Type.RSA && bits() < 2048) {
            return "RSA key is " + bits() + " bits; " + alg + " needs at least 2048 (RFC 7518 §3.3)";
        }
        return null;
    }

    /** Returns e.g. {@code RSA 2048-bit key "k1" from key.pem}, naming no secret material. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        switch (type) {
            case OCT: s.append(bits() / 8).append("-byte secret"); break;
            case RSA: s.append("RSA ").append(bits()).append("-bit key"); break;
            default: s.append(curve.jwkName()).append(" key"); break;
        }
        if (kid != null) {
            s.append(" \"").append(kid).append('"');
        }
        return s.append(" from ").append(origin).toString();
    }
}
