package dev.apitool.core.jwt;

import dev.apitool.core.io.InputException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generates signing keys: HMAC secrets as long as the hash (RFC 7518 §3.2), RSA of 2048 bits or
 * more, EC on the curve the algorithm names, Ed25519. Every key gets its RFC 7638 thumbprint as kid.
 */
public final class KeyGen {

    private KeyGen() {}

    /** Returns a new key for {@code alg}; {@code rsaBits} applies to RS and PS only (2048 to 16384). */
    public static JwsKey generate(JwsAlgorithm alg, int rsaBits, SecureRandom random) {
        JwsKey key;
        try {
            switch (alg.family()) {
                case HMAC: {
                    byte[] secret = new byte[alg.hashBytes()];
                    random.nextBytes(secret);
                    key = new JwsKey(JwsKey.Type.OCT, null, null, alg, new SecretKeySpec(secret, "HMAC"), null, null, "keygen");
                    break;
                }
                case RSA:
                case RSA_PSS: {
                    if (rsaBits < 2048 || rsaBits > 16384) {
                        throw new InputException("--bits " + rsaBits + ": RSA keys must have 2048 to 16384 bits (RFC 7518 §3.3)");
                    }
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(rsaBits, random);
                    KeyPair pair = g.generateKeyPair();
                    key = new JwsKey(JwsKey.Type.RSA, null, null, alg, null, pair.getPublic(), pair.getPrivate(), "keygen");
                    break;
                }
                case EC: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec(alg.curve().jcaName()), random);
                    KeyPair pair = g.generateKeyPair();
                    Curve curve = Curve.of(((ECPublicKey) pair.getPublic()).getParams());
                    key = new JwsKey(JwsKey.Type.EC, curve, null, alg, null, pair.getPublic(), pair.getPrivate(), "keygen");
                    break;
                }
                default: {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
                    g.initialize(255, random);
                    KeyPair pair = g.generateKeyPair();
                    key = new JwsKey(JwsKey.Type.OKP, Curve.ED25519, null, alg, null, pair.getPublic(), pair.getPrivate(), "keygen");
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + alg + " key: " + e.getMessage(), e);
        }
        return key.withKid(Jwk.thumbprint(key));
    }

    /** Returns PEM text: PKCS#8 {@code PRIVATE KEY} when {@code privatePart}, else X.509 {@code PUBLIC KEY}. */
    public static String pem(JwsKey key, boolean privatePart) {
        if (key.type() == JwsKey.Type.OCT) {
            throw new InputException("PEM has no form for an HMAC secret; use --format jwk or raw");
        }
        byte[] der = privatePart ? key.privateKey().getEncoded() : key.publicKey().getEncoded();
        String label = privatePart ? "PRIVATE KEY" : "PUBLIC KEY";
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
