package dev.apitool.core.jwt;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** The elliptic curves JWS signs with: the NIST curves of ES256/384/512 (RFC 7518 §3.4) and Ed25519 (RFC 8037). */
public enum Curve {
    P_256("P-256", "secp256r1", "1.2.840.10045.3.1.7", 32),
    P_384("P-384", "secp384r1", "1.3.132.0.34", 48),
    P_521("P-521", "secp521r1", "1.3.132.0.35", 66),
    ED25519("Ed25519", null, "1.3.101.112", 32);

    private final String jwkName;
    private final String jcaName;
    private final String oid;
    private final int coordinateBytes;
    private volatile ECParameterSpec params;

    Curve(String jwkName, String jcaName, String oid, int coordinateBytes) {
        this.jwkName = jwkName;
        this.jcaName = jcaName;
        this.oid = oid;
        this.coordinateBytes = coordinateBytes;
    }

    /** Returns the name JWK's {@code crv} uses. */
    public String jwkName() {
        return jwkName;
    }

    /** Returns the JDK's name of a NIST curve ({@code secp256r1}), or null for Ed25519. */
    public String jcaName() {
        return jcaName;
    }

    /** Returns the ASN.1 object identifier of the curve (named-curve OID, or the Ed25519 key OID). */
    public String oid() {
        return oid;
    }

    /** Returns the length in bytes of one coordinate, private scalar, or half of a JWS signature. */
    public int coordinateBytes() {
        return coordinateBytes;
    }

    /** Returns the JWS algorithm that signs with this curve. */
    public JwsAlgorithm algorithm() {
        switch (this) {
            case P_256: return JwsAlgorithm.ES256;
            case P_384: return JwsAlgorithm.ES384;
            case P_521: return JwsAlgorithm.ES512;
            default: return JwsAlgorithm.EdDSA;
        }
    }

    /** Returns the domain parameters of a NIST curve. */
    public ECParameterSpec params() {
        if (jcaName == null) {
            throw new IllegalStateException(jwkName + " is not a short-Weierstrass curve");
        }
        ECParameterSpec p = params;
        if (p == null) {
            try {
                AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                ap.init(new ECGenParameterSpec(jcaName));
                p = ap.getParameterSpec(ECParameterSpec.class);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK lacks curve " + jcaName, e);
            }
            params = p;
        }
        return p;
    }

    /** Returns the curve with JWK name {@code crv}, or null. */
    public static Curve byJwkName(String crv) {
        for (Curve c : values()) {
            if (c.jwkName.equals(crv)) {
                return c;
            }
        }
        return null;
    }

    /** Returns the curve with object identifier {@code oid}, or null. */
    public static Curve byOid(String oid) {
        for (Curve c : values()) {
            if (c.oid.equals(oid)) {
                return c;
            }
        }
        return null;
    }

    /** Returns the NIST curve whose order and generator match {@code spec}, or null. */
    public static Curve of(ECParameterSpec spec) {
        BigInteger order = spec.getOrder();
        for (Curve c : values()) {
            if (c.jcaName != null && c.params().getOrder().equals(order)
                    && c.params().getGenerator().equals(spec.getGenerator())) {
                return c;
            }
        }
        return null;
    }
}
