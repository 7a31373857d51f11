package dev.apitool.core.jwt;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import javax.crypto.Mac;

/**
 * Computes and checks JWS signatures on the JDK's own providers (RFC 7518 §3, RFC 8037 §3.1).
 * ECDSA signatures travel in JOSE's fixed-width R‖S form, which the JDK reads and writes as
 * "P1363 format"; before any ECDSA verification, R and S are checked to lie in [1, n-1], so a
 * zero signature can never pass (CVE-2022-21449, "psychic signatures").
 */
public final class Signatures {

    private Signatures() {}

    /** Returns the signature of {@code input} under {@code alg} with {@code key} (a secret or a private key). */
    public static byte[] sign(JwsAlgorithm alg, Key key, byte[] input) {
        try {
            if (alg.family() == JwsAlgorithm.Family.HMAC) {
                Mac mac = Mac.getInstance(alg.jcaName());
                mac.init(key);
                return mac.doFinal(input);
            }
            Signature s = Signature.getInstance(alg.jcaName());
            if (alg.parameters() != null) {
                s.setParameter(alg.parameters());
            }
            s.initSign((PrivateKey) key);
            s.update(input);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + alg + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns null when {@code signature} is a valid {@code alg} signature of {@code input} under
     * {@code key} (a secret or a public key), else the reason it is not.
     */
    public static String verify(JwsAlgorithm alg, Key key, byte[] input, byte[] signature) {
        try {
            switch (alg.family()) {
                case HMAC:
                    // Constant time: MessageDigest.isEqual does not stop at the first differing byte.
                    return MessageDigest.isEqual(sign(alg, key, input), signature) ? null : "signature does not match";
                case EC: {
                    String bad = checkEcdsa(alg.curve(), signature);
                    if (bad != null) {
                        return bad;
                    }
                    break;
                }
                case EDDSA:
                    if (signature.length != 64) {
                        return "EdDSA signature must be 64 bytes, got " + signature.length;
                    }
                    break;
                default:
                    break;
            }
            Signature s = Signature.getInstance(alg.jcaName());
            if (alg.parameters() != null) {
                s.setParameter(alg.parameters());
            }
            s.initVerify((PublicKey) key);
            s.update(input);
            return s.verify(signature) ? null : "signature does not match";
        } catch (java.security.SignatureException e) {
            return "signature does not match (" + e.getMessage() + ")";
        } catch (GeneralSecurityException e) {
            return "cannot verify with " + alg + ": " + e.getMessage();
        }
    }

    private static String checkEcdsa(Curve curve, byte[] signature) {
        int n = curve.coordinateBytes();
        if (signature.length != 2 * n) {
            return "ECDSA signature for " + curve.algorithm() + " must be " + 2 * n + " bytes (R‖S), got " + signature.length;
        }
        BigInteger order = curve.params().getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, n));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, n, 2 * n));
        if (r.signum() == 0 || s.signum() == 0 || r.compareTo(order) >= 0 || s.compareTo(order) >= 0) {
            return "invalid ECDSA signature: R and S must lie in [1, n-1] (CVE-2022-21449)";
        }
        return null;
    }
}
