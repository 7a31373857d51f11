package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public keys EllipticMath derives agree with the JDK's own key generation. */
class EllipticMathTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Curve.class, names = {"P_256", "P_384", "P_521"})
    void multiplyGenerator_jdkPrivateScalars_giveTheJdkPublicPoints(Curve curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve.jcaName()));
        for (int i = 0; i < 5; i++) {
            KeyPair pair = g.generateKeyPair();
            assertThat(EllipticMath.multiplyGenerator(((ECPrivateKey) pair.getPrivate()).getS(), curve.params()))
                    .isEqualTo(((ECPublicKey) pair.getPublic()).getW());
        }
    }

    @Test
    void ed25519PublicKey_jdkSeeds_giveTheJdkPublicKeys() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        for (int i = 0; i < 10; i++) {
            KeyPair pair = g.generateKeyPair();
            byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            assertThat(Jwk.ed25519Public(EllipticMath.ed25519PublicKey(seed)).getEncoded())
                    .isEqualTo(pair.getPublic().getEncoded());
        }
    }

    @Test
    void toFixed_shortOrSignedValue_isPaddedOrTrimmed() {
        assertThat(EllipticMath.toFixed(java.math.BigInteger.valueOf(0x0102), 4)).containsExactly(0, 0, 1, 2);
        // BigInteger's sign byte is dropped
        assertThat(EllipticMath.toFixed(java.math.BigInteger.valueOf(0xff), 1)).containsExactly(0xff);
    }
}
