package dev.apitool.core.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base64UrlTest {

    @Test
    void encodeDecode_everyLengthUpTo64_roundTrips() {
        Random random = new Random(7);
        for (int n = 0; n <= 64; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            String text = Base64Url.encode(bytes);
            assertThat(text).doesNotContain("=", "+", "/");
            assertThat(Base64Url.decode(text)).as("length %d", n).isEqualTo(bytes);
        }
    }

    @Test
    void encode_bytesThatUseTheUrlAlphabet_usesDashAndUnderscore() {
        assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
        assertThat(Base64Url.decode("-_8")).containsExactly(0xfb, 0xff);
    }

    @Test
    void decode_knownText_givesItsBytes() {
        assertThat(new String(Base64Url.decode("eyJhbGciOiJIUzI1NiJ9"), StandardCharsets.US_ASCII))
                .isEqualTo("{\"alg\":\"HS256\"}");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"QQ==", "QUI=", "QQ=", "=", "QUJD="})
    void decode_padding_isRefused(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("padding '='");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+_8", "-/8", "ab+c", "ab/c"})
    void decode_standardAlphabet_isRefused(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not base64url");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"QUJD ", " QUJD", "QU JD", "QUJD\n", "QU\r\nJD", "QUJD\t"})
    void decode_whitespace_isRefused(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whitespace");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Q", "QUJDR", "QUJDRUZHS"})
    void decode_lengthOneMoreThanMultipleOfFour_isRefused(String text) {
        assertThatThrownBy(() -> Base64Url.decode(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impossible");
    }

    @Test
    void decode_nonCanonicalTrailingBits_isRefusedWhileCanonicalFormDecodes() {
        assertThat(Base64Url.decode("QQ")).containsExactly('A');
        assertThat(Base64Url.decode("QUI")).containsExactly('A', 'B');
        // "QR" and "QUJ" decode to the same bytes under a lenient decoder but carry non-zero spare bits.
        assertThatThrownBy(() -> Base64Url.decode("QR"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-canonical");
        assertThatThrownBy(() -> Base64Url.decode("QUJ"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-canonical");
    }

    @Test
    void decode_everyAlternativeLastCharacter_onlyTheCanonicalOneDecodes() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (String canonical : new String[] {"QQ", "QUI"}) {
            String prefix = canonical.substring(0, canonical.length() - 1);
            int accepted = 0;
            for (char c : alphabet.toCharArray()) {
                try {
                    Base64Url.decode(prefix + c);
                    accepted++;
                } catch (IllegalArgumentException refused) {
                    // expected for every character with non-zero spare bits
                }
            }
            // 2 data bits in the last character of a rem-2 string: 4 encodings; 4 bits in rem-3: 16.
            assertThat(accepted).as(canonical).isEqualTo(canonical.length() == 2 ? 4 : 16);
        }
    }

    @Test
    void decode_nonAsciiCharacter_isRefusedWithItsCodePoint() {
        assertThatThrownBy(() -> Base64Url.decode("QU\u00e9D"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+00E9").hasMessageContaining("position 3");
    }

    @Test
    void decode_empty_isEmpty() {
        assertThat(Base64Url.decode("")).isEmpty();
    }
}
