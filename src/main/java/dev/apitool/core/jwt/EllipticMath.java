package dev.apitool.core.jwt;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;

/**
 * Derives public keys from private ones where a key file carries only the private part (a PKCS#8
 * EC key without its public point, an Ed25519 PKCS#8 key). The JDK has no public API for it.
 * Plain affine arithmetic on {@link BigInteger}: not constant time, which is acceptable because it
 * runs once per loaded key on the user's own machine, never on attacker-chosen scalars.
 */
final class EllipticMath {

    private EllipticMath() {}

    /** Returns k·G on a short-Weierstrass curve y² = x³ + ax + b over a prime field (SEC 1 §2.2.1). */
    static ECPoint multiplyGenerator(BigInteger k, ECParameterSpec spec) {
        BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
        BigInteger a = spec.getCurve().getA();
        ECPoint result = ECPoint.POINT_INFINITY;
        ECPoint addend = spec.getGenerator();
        for (int i = 0; i < k.bitLength(); i++) {
            if (k.testBit(i)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        return result;
    }

    private static ECPoint add(ECPoint s, ECPoint t, BigInteger p, BigInteger a) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger x1 = s.getAffineX(), y1 = s.getAffineY(), x2 = t.getAffineX(), y2 = t.getAffineY();
        BigInteger lambda;
        if (x1.equals(x2)) {
            if (y1.add(y2).mod(p).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
        } else {
            lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
        }
        BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
        BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
        return new ECPoint(x3, y3);
    }

    // edwards25519 (RFC 8032 §5.1): -x² + y² = 1 + d·x²·y² over p = 2^255 - 19.
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger BX = new BigInteger(
            "15112221349535400772501151409588531511454012693041857206046113283949847762202");
    private static final BigInteger BY = new BigInteger(
            "46316835694926478169428394003475163141307993866256225615783033603165251855960");

    /** Returns the 32-byte Ed25519 public key of a 32-byte private seed (RFC 8032 §5.1.5). */
    static byte[] ed25519PublicKey(byte[] seed) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-512").digest(seed);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        h[0] &= (byte) 248;
        h[31] &= 127;
        h[31] |= 64;
        BigInteger scalar = new BigInteger(1, reverse(h, 32));
        BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE};
        BigInteger[] b = {BX, BY};
        for (int i = 0; i < scalar.bitLength(); i++) {
            if (scalar.testBit(i)) {
                r = edAdd(r, b);
            }
            b = edAdd(b, b);
        }
        byte[] out = reverse(toFixed(r[1], 32), 32);
        if (r[0].testBit(0)) {
            out[31] |= (byte) 0x80;
        }
        return out;
    }

    private static BigInteger[] edAdd(BigInteger[] s, BigInteger[] t) {
        BigInteger x1x2 = s[0].multiply(t[0]);
        BigInteger y1y2 = s[1].multiply(t[1]);
        BigInteger dxy = D.multiply(x1x2).multiply(y1y2).mod(P);
        BigInteger x3 = s[0].multiply(t[1]).add(t[0].multiply(s[1]))
                .multiply(BigInteger.ONE.add(dxy).modInverse(P)).mod(P);
        BigInteger y3 = y1y2.add(x1x2)
                .multiply(BigInteger.ONE.subtract(dxy).mod(P).modInverse(P)).mod(P);
        return new BigInteger[] {x3, y3};
    }

    /** Returns the first {@code n} bytes of {@code b} in reverse order. */
    static byte[] reverse(byte[] b, int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = b[n - 1 - i];
        }
        return out;
    }

    /** Returns the unsigned big-endian encoding of {@code v} in exactly {@code n} bytes. */
    static byte[] toFixed(BigInteger v, int n) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[n];
        int copy = Math.min(raw.length, n);
        System.arraycopy(raw, raw.length - copy, out, n - copy, copy);
        return out;
    }
}
