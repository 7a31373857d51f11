package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the keys a user gives apitool. Key files may be PEM (PKCS#8 {@code PRIVATE KEY},
 * PKCS#1 {@code RSA PRIVATE KEY} and {@code RSA PUBLIC KEY}, SEC 1 {@code EC PRIVATE KEY},
 * X.509 {@code PUBLIC KEY} and {@code CERTIFICATE}), a JWK, or a JWK Set. Secrets are raw bytes.
 * Every failure names the source and, for PEM, the line of the block.
 */
public final class KeyReader {

    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String RSA_PSS_OID = "1.2.840.113549.1.1.10";
    private static final String EC_OID = "1.2.840.10045.2.1";

    private KeyReader() {}

    /** Returns the keys in a key file's bytes; {@code origin} names the file in messages. */
    public static List<JwsKey> read(byte[] bytes, String origin) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            ObjectNode json = Json.parseObject(bytes, origin);
            if (json.has("keys")) {
                return Jwk.readSet(json, origin);
            }
            return List.of(Jwk.read(json, origin, origin));
        }
        if (text.contains("-----BEGIN ")) {
            return readPem(text, origin);
        }
        if (bytes.length > 0 && (bytes[0] & 0xff) == 0x30) {
            throw new InputException(origin + ": this looks like binary DER; convert it to PEM first "
                    + "(openssl pkey -in KEY -inform DER -out key.pem)");
        }
        throw new InputException(origin + ": not a key file: expected PEM (-----BEGIN …-----), a JWK or a JWK Set");
    }

    /**
     * Returns an HMAC key over {@code bytes}. Refuses text that is a PEM or JWK key: offering a
     * public key as an HMAC secret is the algorithm-confusion attack (CVE-2015-9235 and kin).
     */
    public static JwsKey secret(byte[] bytes, String origin) {
        return secret(bytes, origin, "--key");
    }

    /** Returns an HMAC key over {@code bytes}, as {@link #secret(byte[], String)}; a refusal names {@code keyFlag} as the flag for keys. */
    public static JwsKey secret(byte[] bytes, String origin, String keyFlag) {
        if (bytes.length == 0) {
            throw new InputException(origin + ": the secret is empty");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).strip();
        // Anywhere, not only at the start: openssl and other tools write text ("Bag Attributes", "subject=") before PEM blocks.
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
            throw new InputException(origin + ": this is a PEM key, not an HMAC secret: pass it with " + keyFlag + " "
                    + "(a public key used as an HMAC secret is the algorithm-confusion attack)");
        }
        if (head.startsWith("{") && head.contains("\"kty\"")) {
            throw new InputException(origin + ": this is a JWK, not an HMAC secret: pass it with " + keyFlag);
        }
        String der = derKind(bytes);
        if (der != null) {
            throw new InputException(origin + ": this is a DER " + der + ", not an HMAC secret: pass it with " + keyFlag + " as PEM "
                    + "(a public key used as an HMAC secret is the algorithm-confusion attack)");
        }
        return new JwsKey(JwsKey.Type.OCT, null, null, null, new SecretKeySpec(bytes, "HMAC"), null, null, origin);
    }

    /** Returns what DER key or certificate {@code bytes} are ({@code public key}, {@code private key}, {@code certificate}), or null. */
    static String derKind(byte[] bytes) {
        if (bytes.length < 32 || bytes[0] != 0x30) { // every key and certificate is an ASN.1 SEQUENCE
            return null;
        }
        try {
            java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(bytes));
            return "certificate";
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // not a certificate: try the key encodings
        }
        for (String kind : List.of("RSA", "EC", "Ed25519")) {
            try {
                java.security.KeyFactory.getInstance(kind).generatePublic(new java.security.spec.X509EncodedKeySpec(bytes));
                return "public key";
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                // not this kind
            }
            try {
                java.security.KeyFactory.getInstance(kind).generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(bytes));
                return "private key";
            } catch (java.security.GeneralSecurityException | RuntimeException e) {
                // not this kind
            }
        }
        return null;
    }

    private static List<JwsKey> readPem(String text, String origin) {
        List<JwsKey> keys = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean certSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("-----BEGIN ")) {
                continue;
            }
            int startLine = i + 1;
            String label = label(line, "-----BEGIN ", origin, startLine);
            StringBuilder b64 = new StringBuilder();
            int j = i + 1;
            String endMarker = "-----END " + label + "-----";
            while (j < lines.length && !lines[j].strip().equals(endMarker)) {
                String body = lines[j].strip();
                if (body.contains(":")) {
                    throw new InputException(origin + ":" + (j + 1) + ": encrypted or annotated PEM ('" + body
                            + "') is not supported; decrypt it first (openssl pkey -in KEY -out plain.pem)");
                }
                if (body.startsWith("-----")) {
                    break;
                }
                b64.append(body);
                j++;
            }
            if (j >= lines.length || !lines[j].strip().equals(endMarker)) {
                throw new InputException(origin + ":" + startLine + ": PEM block \"" + label + "\" has no matching '" + endMarker + "'");
            }
            i = j;
            byte[] der;
            try {
                der = Base64.getDecoder().decode(b64.toString());
            } catch (IllegalArgumentException e) {
                throw new InputException(origin + ":" + startLine + ": PEM block \"" + label + "\" is not valid base64: " + e.getMessage());
            }
            String where = origin + ":" + startLine;
            try {
                switch (label) {
                    case "PRIVATE KEY": keys.add(pkcs8(der, origin)); break;
                    case "RSA PRIVATE KEY": keys.add(pkcs1Private(der, origin)); break;
                    case "EC PRIVATE KEY": keys.add(sec1(new Der(der), null, origin)); break;
                    case "PUBLIC KEY": keys.add(spki(der, origin)); break;
                    case "RSA PUBLIC KEY": keys.add(pkcs1Public(der, origin)); break;
                    case "CERTIFICATE":
                        if (!certSeen) {
                            keys.add(spki(certificate(der).getPublicKey().getEncoded(), origin));
                            certSeen = true;
                        }
                        break;
                    case "EC PARAMETERS":
                        break;
                    case "ENCRYPTED PRIVATE KEY":
                        throw new InputException(where + ": encrypted private keys are not supported; decrypt it first "
                                + "(openssl pkcs8 -in KEY -out plain.pem)");
                    default:
                        throw new InputException(where + ": PEM block \"" + label + "\" is not a key "
                                + "(expected PRIVATE KEY, RSA PRIVATE KEY, EC PRIVATE KEY, PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE)");
                }
            } catch (IllegalArgumentException | GeneralSecurityException e) {
                throw new InputException(where + ": malformed " + label + ": " + reason(e), e);
            }
        }
        if (keys.isEmpty()) {
            throw new InputException(origin + ": no key found in the PEM file");
        }
        return keys;
    }

    /** Returns the innermost message of a failure, without the Java class names the JDK puts in them. */
    private static String reason(Throwable e) {
        String message = e.getMessage();
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c.getMessage() != null) {
                message = c.getMessage();
            }
        }
        return message == null ? "unreadable" : message.replaceAll("(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "");
    }

    private static String label(String line, String prefix, String origin, int lineNo) {
        if (!line.endsWith("-----") || line.length() < prefix.length() + 5) {
            throw new InputException(origin + ":" + lineNo + ": malformed PEM header '" + line + "'");
        }
        return line.substring(prefix.length(), line.length() - 5);
    }

    private static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    private static JwsKey pkcs8(byte[] der, String origin) throws GeneralSecurityException {
        Der info = new Der(der).sequence();
        info.integer();
        Der algId = info.sequence();
        String oid = algId.oid();
        switch (oid) {
            case RSA_OID:
            case RSA_PSS_OID: {
                KeyFactory kf = KeyFactory.getInstance(oid.equals(RSA_OID) ? "RSA" : "RSASSA-PSS");
                RSAPrivateCrtKey priv = (RSAPrivateCrtKey) kf.generatePrivate(new PKCS8EncodedKeySpec(der));
                PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
                return new JwsKey(JwsKey.Type.RSA, null, null, null, null, pub, priv, origin);
            }
            case EC_OID: {
                Curve curve = namedCurve(algId.hasMore() ? algId.oid() : null);
                return sec1(new Der(info.octetString()), curve, origin);
            }
            default: {
                Curve curve = Curve.byOid(oid);
                if (curve != Curve.ED25519) {
                    throw new IllegalArgumentException("key algorithm " + oid + " is not supported "
                            + "(expected RSA, EC P-256/384/521 or Ed25519)");
                }
                PrivateKey priv = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
                byte[] seed = new Der(info.octetString()).octetString();
                PublicKey pub = Jwk.ed25519Public(EllipticMath.ed25519PublicKey(seed));
                return new JwsKey(JwsKey.Type.OKP, Curve.ED25519, null, null, null, pub, priv, origin);
            }
        }
    }

    /** Reads a SEC 1 ECPrivateKey (RFC 5915); {@code curve} comes from PKCS#8 when wrapped. */
    private static JwsKey sec1(Der outer, Curve curve, String origin) throws GeneralSecurityException {
        Der seq = outer.sequence();
        seq.integer();
        BigInteger d = new BigInteger(1, seq.octetString());
        byte[] publicBits = null;
        while (seq.hasMore()) {
            int tag = seq.peekTag();
            if (tag == 0xa0) {
                Curve named = namedCurve(seq.explicit(0).oid());
                if (curve != null && named != curve) {
                    throw new IllegalArgumentException("the curve inside the key differs from the curve outside it");
                }
                curve = named;
            } else if (tag == 0xa1) {
                publicBits = seq.explicit(1).bitString();
            } else {
                seq.skip();
            }
        }
        if (curve == null) {
            throw new IllegalArgumentException("the EC key names no curve");
        }
        KeyFactory kf = KeyFactory.getInstance("EC");
        ECPrivateKey priv = (ECPrivateKey) kf.generatePrivate(new ECPrivateKeySpec(d, curve.params()));
        ECPoint w = publicBits != null ? point(publicBits, curve) : EllipticMath.multiplyGenerator(d, curve.params());
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(w, curve.params()));
        return new JwsKey(JwsKey.Type.EC, curve, null, null, null, pub, priv, origin);
    }

    private static ECPoint point(byte[] encoded, Curve curve) {
        int n = curve.coordinateBytes();
        if (encoded.length != 1 + 2 * n || encoded[0] != 4) {
            throw new IllegalArgumentException("the public point is not an uncompressed " + curve.jwkName() + " point");
        }
        byte[] x = new byte[n];
        byte[] y = new byte[n];
        System.arraycopy(encoded, 1, x, 0, n);
        System.arraycopy(encoded, 1 + n, y, 0, n);
        return new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
    }

    private static JwsKey spki(byte[] der, String origin) throws GeneralSecurityException {
        Der info = new Der(der).sequence();
        Der algId = info.sequence();
        String oid = algId.oid();
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        switch (oid) {
            case RSA_OID:
                return new JwsKey(JwsKey.Type.RSA, null, null, null, null,
                        KeyFactory.getInstance("RSA").generatePublic(spec), null, origin);
            case RSA_PSS_OID:
                return new JwsKey(JwsKey.Type.RSA, null, null, null, null,
                        KeyFactory.getInstance("RSASSA-PSS").generatePublic(spec), null, origin);
            case EC_OID: {
                Curve curve = namedCurve(algId.hasMore() ? algId.oid() : null);
                PublicKey pub = KeyFactory.getInstance("EC").generatePublic(spec);
                return new JwsKey(JwsKey.Type.EC, curve, null, null, null, pub, null, origin);
            }
            default:
                if (Curve.byOid(oid) != Curve.ED25519) {
                    throw new IllegalArgumentException("key algorithm " + oid + " is not supported "
                            + "(expected RSA, EC P-256/384/521 or Ed25519)");
                }
                return new JwsKey(JwsKey.Type.OKP, Curve.ED25519, null, null, null,
                        KeyFactory.getInstance("Ed25519").generatePublic(spec), null, origin);
        }
    }

    private static JwsKey pkcs1Private(byte[] der, String origin) throws GeneralSecurityException {
        Der seq = new Der(der).sequence();
        seq.integer();
        BigInteger n = seq.integer(), e = seq.integer(), d = seq.integer(), p = seq.integer(), q = seq.integer();
        BigInteger dp = seq.integer(), dq = seq.integer(), qi = seq.integer();
        KeyFactory kf = KeyFactory.getInstance("RSA");
        PrivateKey priv = kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qi));
        PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(n, e));
        return new JwsKey(JwsKey.Type.RSA, null, null, null, null, pub, priv, origin);
    }

    private static JwsKey pkcs1Public(byte[] der, String origin) throws GeneralSecurityException {
        Der seq = new Der(der).sequence();
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(seq.integer(), seq.integer()));
        return new JwsKey(JwsKey.Type.RSA, null, null, null, null, pub, null, origin);
    }

    private static Curve namedCurve(String oid) {
        Curve curve = oid == null ? null : Curve.byOid(oid);
        if (curve == null || curve == Curve.ED25519) {
            throw new IllegalArgumentException("EC curve " + (oid == null ? "(explicit parameters)" : oid)
                    + " is not supported (expected a named P-256, P-384 or P-521)");
        }
        return curve;
    }
}
