package dev.apitool.core.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/**
 * JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037 §2): reading JWKs and JWK Sets into
 * {@link JwsKey}s, writing keys back, and RFC 7638 thumbprints.
 */
public final class Jwk {

    private Jwk() {}

    /**
     * Returns the signing keys of a JWK Set. Keys meant for encryption ({@code use: enc}) or of
     * kinds JWS does not sign with are passed over, as a JWKS endpoint commonly mixes them.
     */
    static List<JwsKey> readSet(ObjectNode set, String origin) {
        JsonNode keys = set.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new InputException(origin + ": JWK Set member \"keys\" must be an array, got " + Json.kind(keys));
        }
        List<JwsKey> out = new ArrayList<>();
        java.util.Map<String, Integer> kids = new java.util.HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            JsonNode k = keys.get(i);
            String where = origin + ": keys[" + i + "]";
            if (!k.isObject()) {
                throw new InputException(where + ": expected a JWK object, got " + Json.kind(k));
            }
            if ("enc".equals(text(k, "use")) || !isSigningKey(k)) {
                continue;
            }
            String kid = text(k, "kid");
            Integer first = kid == null ? null : kids.putIfAbsent(kid, i);
            if (first != null && !keys.get(first).equals(k)) {
                // which of two keys a token's kid means is ambiguous: an attacker who adds one may choose
                throw new InputException(where + ": kid \"" + kid + "\" also names keys[" + first
                        + "], a different key; expected one key per kid in a JWK Set");
            }
            if (first != null) {
                continue;
            }
            out.add(read((ObjectNode) k, where, origin));
        }
        if (out.isEmpty()) {
            throw new InputException(origin + ": the JWK Set holds no signing key (RSA, EC P-256/384/521, Ed25519 or oct)");
        }
        return out;
    }

    private static boolean isSigningKey(JsonNode k) {
        String kty = text(k, "kty");
        String alg = text(k, "alg");
        boolean known = "RSA".equals(kty) || "EC".equals(kty) || "oct".equals(kty)
                || ("OKP".equals(kty) && "Ed25519".equals(text(k, "crv")));
        return known && (alg == null || JwsAlgorithm.byName(alg) != null);
    }

    /** Returns the key a single JWK describes; {@code where} prefixes messages, {@code origin} names the file. */
    static JwsKey read(ObjectNode jwk, String where, String origin) {
        String kty = required(jwk, "kty", where);
        String kid = text(jwk, "kid");
        String algName = text(jwk, "alg");
        JwsAlgorithm alg = null;
        if (algName != null) {
            alg = JwsAlgorithm.byName(algName);
            if (alg == null) {
                throw new InputException(where + ": \"alg\": \"" + algName + "\" is not a JWS signing algorithm apitool supports"
                        + ("none".equalsIgnoreCase(algName) ? " (unsecured tokens are refused)" : ""));
            }
        }
        if ("enc".equals(text(jwk, "use"))) {
            throw new InputException(where + ": the key is marked \"use\": \"enc\" (encryption), not for signatures");
        }
        JwsKey key;
        try {
            switch (kty) {
                case "oct": {
                    byte[] k = bytes(jwk, "k", where);
                    if (k.length == 0) {
                        throw new InputException(where + ": member \"k\" is empty; an HMAC key needs bytes");
                    }
                    key = new JwsKey(JwsKey.Type.OCT, null, kid, alg, new SecretKeySpec(k, "HMAC"), null, null, origin);
                    break;
                }
                case "RSA":
                    key = rsa(jwk, where, kid, alg, origin);
                    break;
                case "EC":
                    key = ec(jwk, where, kid, alg, origin);
                    break;
                case "OKP":
                    key = okp(jwk, where, kid, alg, origin);
                    break;
                default:
                    throw new InputException(where + ": \"kty\": \"" + kty + "\" is not a signing key type (expected RSA, EC, OKP or oct)");
            }
        } catch (GeneralSecurityException e) {
            throw new InputException(where + ": not a valid " + kty + " key: " + e.getMessage(), e);
        }
        if (alg != null && !JwsKey.algorithmsFor(key.type(), key.curve()).contains(alg)) {
            throw new InputException(where + ": \"alg\": \"" + alg + "\" does not fit " + key.type().phrase()
                    + (key.curve() != null ? " on " + key.curve().jwkName() : ""));
        }
        return key;
    }

    private static JwsKey rsa(ObjectNode jwk, String where, String kid, JwsAlgorithm alg, String origin)
            throws GeneralSecurityException {
        BigInteger n = integer(jwk, "n", where);
        BigInteger e = integer(jwk, "e", where);
        KeyFactory kf = KeyFactory.getInstance("RSA");
        PublicKey pub = kf.generatePublic(new RSAPublicKeySpec(n, e));
        PrivateKey priv = null;
        if (jwk.has("d")) {
            BigInteger d = integer(jwk, "d", where);
            if (jwk.has("p")) {
                priv = kf.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, integer(jwk, "p", where),
                        integer(jwk, "q", where), integer(jwk, "dp", where), integer(jwk, "dq", where),
                        integer(jwk, "qi", where)));
            } else {
                priv = kf.generatePrivate(new java.security.spec.RSAPrivateKeySpec(n, d));
            }
        }
        return new JwsKey(JwsKey.Type.RSA, null, kid, alg, null, pub, priv, origin);
    }

    private static JwsKey ec(ObjectNode jwk, String where, String kid, JwsAlgorithm alg, String origin)
            throws GeneralSecurityException {
        Curve curve = curve(jwk, where);
        if (curve == Curve.ED25519) {
            throw new InputException(where + ": \"crv\": \"Ed25519\" belongs to \"kty\": \"OKP\", not EC");
        }
        int size = curve.coordinateBytes();
        BigInteger x = new BigInteger(1, fixed(jwk, "x", size, where));
        BigInteger y = new BigInteger(1, fixed(jwk, "y", size, where));
        KeyFactory kf = KeyFactory.getInstance("EC");
        PublicKey pub = kf.generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve.params()));
        PrivateKey priv = null;
        if (jwk.has("d")) {
            priv = kf.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, fixed(jwk, "d", size, where)), curve.params()));
        }
        return new JwsKey(JwsKey.Type.EC, curve, kid, alg, null, pub, priv, origin);
    }

    private static JwsKey okp(ObjectNode jwk, String where, String kid, JwsAlgorithm alg, String origin)
            throws GeneralSecurityException {
        Curve curve = curve(jwk, where);
        if (curve != Curve.ED25519) {
            throw new InputException(where + ": \"crv\": \"" + text(jwk, "crv") + "\" is not an OKP signing curve (expected Ed25519)");
        }
        PublicKey pub = ed25519Public(fixed(jwk, "x", 32, where));
        PrivateKey priv = null;
        if (jwk.has("d")) {
            priv = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, fixed(jwk, "d", 32, where)));
        }
        return new JwsKey(JwsKey.Type.OKP, Curve.ED25519, kid, alg, null, pub, priv, origin);
    }

    /** Returns the Ed25519 public key with RFC 8032 encoding {@code encoded} (32 bytes). */
    static PublicKey ed25519Public(byte[] encoded) throws GeneralSecurityException {
        byte[] le = encoded.clone();
        boolean xOdd = (le[31] & 0x80) != 0;
        le[31] &= 0x7f;
        BigInteger y = new BigInteger(1, EllipticMath.reverse(le, 32));
        return KeyFactory.getInstance("Ed25519")
                .generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
    }

    /** Returns the RFC 8032 encoding of an Ed25519 public key. */
    static byte[] ed25519Encode(EdECPublicKey key) {
        byte[] out = EllipticMath.reverse(EllipticMath.toFixed(key.getPoint().getY(), 32), 32);
        if (key.getPoint().isXOdd()) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    /** Returns the JWK of {@code key}: its public members, plus the private ones when asked and known. */
    public static ObjectNode toJson(JwsKey key, boolean includePrivate) {
        ObjectNode o = Json.object();
        switch (key.type()) {
            case OCT:
                o.put("kty", "oct");
                if (includePrivate) {
                    o.put("k", Base64Url.encode(key.secret().getEncoded()));
                }
                break;
            case RSA: {
                RSAPublicKey pub = (RSAPublicKey) key.publicKey();
                o.put("kty", "RSA");
                o.put("n", unsigned(pub.getModulus()));
                o.put("e", unsigned(pub.getPublicExponent()));
                if (includePrivate && key.privateKey() instanceof RSAPrivateCrtKey) {
                    RSAPrivateCrtKey p = (RSAPrivateCrtKey) key.privateKey();
                    o.put("d", unsigned(p.getPrivateExponent()));
                    o.put("p", unsigned(p.getPrimeP()));
                    o.put("q", unsigned(p.getPrimeQ()));
                    o.put("dp", unsigned(p.getPrimeExponentP()));
                    o.put("dq", unsigned(p.getPrimeExponentQ()));
                    o.put("qi", unsigned(p.getCrtCoefficient()));
                }
                break;
            }
            case EC: {
                int size = key.curve().coordinateBytes();
                ECPoint w = ((ECPublicKey) key.publicKey()).getW();
                o.put("kty", "EC");
                o.put("crv", key.curve().jwkName());
                o.put("x", Base64Url.encode(EllipticMath.toFixed(w.getAffineX(), size)));
                o.put("y", Base64Url.encode(EllipticMath.toFixed(w.getAffineY(), size)));
                if (includePrivate && key.privateKey() != null) {
                    o.put("d", Base64Url.encode(EllipticMath.toFixed(((ECPrivateKey) key.privateKey()).getS(), size)));
                }
                break;
            }
            default:
                o.put("kty", "OKP");
                o.put("crv", "Ed25519");
                o.put("x", Base64Url.encode(ed25519Encode((EdECPublicKey) key.publicKey())));
                if (includePrivate && key.privateKey() != null) {
                    o.put("d", Base64Url.encode(((EdECPrivateKey) key.privateKey()).getBytes()
                            .orElseThrow(() -> new IllegalStateException("Ed25519 key without its seed"))));
                }
        }
        if (key.kid() != null) {
            o.put("kid", key.kid());
        }
        o.put("use", "sig");
        if (key.declaredAlg() != null) {
            o.put("alg", key.declaredAlg().name());
        }
        return o;
    }

    /** Returns a JWK Set holding one key. */
    public static ObjectNode toSet(JwsKey key, boolean includePrivate) {
        ObjectNode set = Json.object();
        ArrayNode keys = set.putArray("keys");
        keys.add(toJson(key, includePrivate));
        return set;
    }

    /** Returns the RFC 7638 SHA-256 thumbprint of a key, base64url-encoded. */
    public static String thumbprint(JwsKey key) {
        ObjectNode full = toJson(key, key.type() == JwsKey.Type.OCT);
        String[] members;
        switch (key.type()) {
            case OCT: members = new String[] {"k", "kty"}; break;
            case RSA: members = new String[] {"e", "kty", "n"}; break;
            case EC: members = new String[] {"crv", "kty", "x", "y"}; break;
            default: members = new String[] {"crv", "kty", "x"}; break;
        }
        ObjectNode canonical = Json.object();
        for (String m : members) {
            canonical.set(m, full.get(m));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.compact(canonical).getBytes(StandardCharsets.UTF_8));
            return Base64Url.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unsigned(BigInteger v) {
        return Base64Url.encode(EllipticMath.toFixed(v, (v.bitLength() + 7) / 8));
    }

    private static Curve curve(ObjectNode jwk, String where) {
        String crv = required(jwk, "crv", where);
        Curve curve = Curve.byJwkName(crv);
        if (curve == null) {
            throw new InputException(where + ": \"crv\": \"" + crv + "\" is not supported (expected P-256, P-384, P-521 or Ed25519)");
        }
        return curve;
    }

    private static String text(JsonNode o, String member) {
        JsonNode v = o.get(member);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String required(ObjectNode o, String member, String where) {
        JsonNode v = o.get(member);
        if (v == null || !v.isTextual()) {
            throw new InputException(where + ": member \"" + member + "\" must be a string, got " + Json.kind(v));
        }
        return v.asText();
    }

    private static byte[] bytes(ObjectNode o, String member, String where) {
        String v = required(o, member, where);
        try {
            return Base64Url.decode(v);
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": member \"" + member + "\": " + e.getMessage());
        }
    }

    private static BigInteger integer(ObjectNode o, String member, String where) {
        return new BigInteger(1, bytes(o, member, where));
    }

    private static byte[] fixed(ObjectNode o, String member, int size, String where) {
        byte[] b = bytes(o, member, where);
        if (b.length != size) {
            throw new InputException(where + ": member \"" + member + "\" must be " + size + " bytes, got " + b.length);
        }
        return b;
    }
}
