package dev.apitool.core.jwt;

import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * The JWS algorithms apitool signs and verifies (RFC 7518 §3, RFC 8037 §3.1), with the JDK
 * names that implement them. Names are case-sensitive, as in JOSE; {@code none} is not here and
 * is refused wherever it appears.
 */
public enum JwsAlgorithm {
    HS256(Family.HMAC, "HmacSHA256", 32),
    HS384(Family.HMAC, "HmacSHA384", 48),
    HS512(Family.HMAC, "HmacSHA512", 64),
    RS256(Family.RSA, "SHA256withRSA", 32),
    RS384(Family.RSA, "SHA384withRSA", 48),
    RS512(Family.RSA, "SHA512withRSA", 64),
    PS256(Family.RSA_PSS, "RSASSA-PSS", 32),
    PS384(Family.RSA_PSS, "RSASSA-PSS", 48),
    PS512(Family.RSA_PSS, "RSASSA-PSS", 64),
    ES256(Family.EC, "SHA256withECDSAinP1363Format", 32),
    ES384(Family.EC, "SHA384withECDSAinP1363Format", 48),
    ES512(Family.EC, "SHA512withECDSAinP1363Format", 64),
    EdDSA(Family.EDDSA, "Ed25519", 64);

    /** How an algorithm uses its key. */
    public enum Family { HMAC, RSA, RSA_PSS, EC, EDDSA }

    private final Family family;
    private final String jcaName;
    private final int hashBytes;

    JwsAlgorithm(Family family, String jcaName, int hashBytes) {
        this.family = family;
        this.jcaName = jcaName;
        this.hashBytes = hashBytes;
    }

    public Family family() {
        return family;
    }

    /** Returns the JCA algorithm name ({@code Mac} for HMAC, {@code Signature} otherwise). */
    public String jcaName() {
        return jcaName;
    }

    /** Returns the hash output length in bytes: the minimum HMAC key size (RFC 7518 §3.2). */
    public int hashBytes() {
        return hashBytes;
    }

    /** Returns the PSS parameters (RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash), or null. */
    public AlgorithmParameterSpec parameters() {
        if (family != Family.RSA_PSS) {
            return null;
        }
        String hash = "SHA-" + hashBytes * 8;
        return new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), hashBytes, 1);
    }

    /** Returns the curve an ES algorithm requires, or null. */
    public Curve curve() {
        switch (this) {
            case ES256: return Curve.P_256;
            case ES384: return Curve.P_384;
            case ES512: return Curve.P_521;
            case EdDSA: return Curve.ED25519;
            default: return null;
        }
    }

    /** Returns the algorithm named exactly {@code name}, or null. */
    public static JwsAlgorithm byName(String name) {
        for (JwsAlgorithm a : values()) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
