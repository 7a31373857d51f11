package dev.apitool.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void url_withPasswordTokenUserAndCredentialParams_masksEachAndKeepsTheRest() {
        assertThat(Redact.url(URI.create("https://alice:hunter2@api.example:8443/v1?q=1#f")))
                .isEqualTo("https://alice:***@api.example:8443/v1?q=1#f");
        assertThat(Redact.url("http://ghp_TOKEN123@host/x")).isEqualTo("http://***@host/x");
        assertThat(Redact.url("https://h/p?api_key=K1&q=2&access_token=T2&X-Amz-Signature=S3&sig=S4#id_token=T5"))
                .isEqualTo("https://h/p?api_key=***&q=2&access_token=***&X-Amz-Signature=***&sig=***#id_token=***");
        assertThat(Redact.url("http://host:8080/a@b?page=2")).isEqualTo("http://host:8080/a@b?page=2");
        assertThat(Redact.url("not a url: x@y")).isEqualTo("not a url: x@y");
    }

    @Test
    void query_credentialParams_maskedAsInAUrl_othersKept() {
        assertThat(Redact.query("api_key=K1&page=2;signature=S&x=")).isEqualTo("api_key=***&page=2;signature=***&x=");
        assertThat(Redact.query("")).isEmpty();
        assertThat(Redact.query(null)).isNull();
        assertThat(Redact.target("/e?token=T&page=2#sig=S")).isEqualTo("/e?token=***&page=2#sig=***");
        assertThat(Redact.target("http://u:pw@h/e?token=T")).isEqualTo("http://u:***@h/e?token=***");
        assertThat(Redact.target("/plain")).isEqualTo("/plain");
    }

    @Test
    void header_sensitiveNames_maskTheValueKeepingTheScheme() {
        assertThat(Redact.header("Authorization", "Bearer abc.def")).isEqualTo("Bearer ***");
        assertThat(Redact.header("cookie", "a=b; c=d")).isEqualTo("***");
        assertThat(Redact.header("X-Api-Key", "k")).isEqualTo("***");
        assertThat(Redact.header("Accept", "text/plain")).isEqualTo("text/plain");
    }

    @Test
    void text_messagesEchoingHeadersOrUrls_areMasked() {
        assertThat(Redact.text("-H 'Authorization Bearer SECRET1': bad")).doesNotContain("SECRET1").contains("'Authorization Bearer ***'");
        assertThat(Redact.text("header Cookie: sid=SECRET2")).isEqualTo("header Cookie: ***");
        assertThat(Redact.text("bad URL 'http://u:SECRET3@h/': x")).isEqualTo("bad URL 'http://u:***@h/': x");
        assertThat(Redact.text("--secret: no such file")).isEqualTo("--secret: no such file");
    }

    @Test
    void escape_controlCharacters_becomeVisibleEscapes() {
        assertThat(Redact.escape("a\u001b[31mred\u0007\r\nz\u202e")).isEqualTo("a\\x1b[31mred\\x07\\x0d\\x0az\\u202e");
        assertThat(Redact.escape("line1\nline2\u009b", true)).isEqualTo("line1\nline2\\x9b");
        assertThat(Redact.escape("plain é ✓\ttab")).isEqualTo("plain é ✓\ttab");
    }

    /** Whatever the secret and wherever it sits (password, user, query, header), it never appears in what is shown. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void shown_randomSecretsInEveryPlace_neverAppear(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] params = {"api_key", "access_token", "token", "signature", "sig", "password", "secret", "key", "auth", "client_secret"};
        String[] headers = {"Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key"};
        for (int i = 0; i < 300; i++) {
            String secret = secret(random);
            String[] places = {
                "bad URL 'https://user:" + secret + "@host" + i + ".test/p': x",
                "GET http://" + secret + "@host/x failed",
                "https://h/p?q=1&" + params[random.nextInt(params.length)] + "=" + secret + "&z=2",
                "-H '" + headers[random.nextInt(headers.length)] + (random.nextBoolean() ? ": " : " ") + "Bearer " + secret + "': x",
                "header " + headers[random.nextInt(headers.length)] + ": " + secret,
            };
            for (String text : places) {
                assertThat(Redact.shown(text)).as("seed %d: %s", seed, text).doesNotContain(secret);
            }
        }
    }

    private static String secret(SplittableRandom random) {
        String alphabet = "abcXYZ019-._~%!$*+,";
        StringBuilder s = new StringBuilder("S3");
        for (int n = random.nextInt(6, 24); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
