package dev.apitool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random secrets put where users put them (a URL's password or user, a credential query
 * parameter, a sensitive header, an HMAC secret, a Redis password), through the real commands,
 * in every output format and with {@code --verbose}: none is ever on stdout or stderr.
 * The servers named are closed loopback ports, so every run fails fast and prints its errors.
 */
class SecretsNeverShownTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {101, 102, 103})
    void everyCommand_randomSecretsInEveryPlace_neverAppearInOutput(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Cli cli = Cli.in(dir);
        String s1 = secret(random);
        String s2 = secret(random);
        String s3 = secret(random);
        String[] params = {"api_key", "access_token", "token", "signature", "sig", "password", "secret", "key", "auth"};
        String param = params[random.nextInt(params.length)];
        String[] headers = {"Authorization", "Proxy-Authorization", "Cookie", "X-Api-Key"};
        String header = headers[random.nextInt(headers.length)];
        String format = new String[] {"text", "json", "junit"}[random.nextInt(3)];
        List<String[]> runs = new ArrayList<>(List.of(
                new String[] {"health", "http://user:" + s1 + "@127.0.0.1:1/?" + param + "=" + s2, "--timeout", "300ms"},
                new String[] {"health", "http://" + s1 + "@127.0.0.1:1/x?" + param + "=" + s2, "--timeout", "300ms"},
                new String[] {"health", "http://user:" + s1 + "@[bad/"},
                new String[] {"health", "http://127.0.0.1:1/", "-H", header + " Bearer " + s1, "--timeout", "300ms"},
                new String[] {"health", "http://127.0.0.1:1/", "-H", header + ": Bearer " + s1, "--timeout", "300ms"},
                new String[] {"load", "http://" + s1 + "@127.0.0.1:1/?" + param + "=" + s2, "-n", "1", "-c", "1"},
                new String[] {"load", "http://u:" + s1 + "@127.0.0.1:1/", "-n", "1", "-c", "1", "-H", header + " " + s2},
                new String[] {"jwt", "verify", "not-a-token", "--secret", s1 + s2 + s3},
                new String[] {"jwt", "sign", "--secret", s1, "--claim", "sub=x"},
                new String[] {"jwt", "verify", "a.b.c", "--secret", s1 + s2 + s3, "--leeway", "106752d"},
                new String[] {"ratelimit", "simulate", "--policy", "token-bucket:capacity=5,rate=2/s",
                        "--generate", "constant:rate=1/s,duration=2s", "--store", "redis://:" + s1 + "@127.0.0.1:1"}));
        for (String[] args : runs) {
            for (String[] full : List.of(with(args, "--output", format), with(args, "--verbose"))) {
                CommandResult r = cli.run(full);
                for (String s : List.of(s1, s2, s3)) {
                    assertThat(r.out() + r.err()).as("seed %d: %s", seed, r).doesNotContain(s);
                }
                assertThat(r.exitCode()).as("seed %d: %s", seed, r).isNotEqualTo(4);
                assertThat(r.err()).as("control characters").doesNotContain("\u001b");
            }
        }
    }

    private static String[] with(String[] args, String... more) {
        String[] out = new String[args.length + more.length];
        System.arraycopy(args, 0, out, 0, args.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }

    /** A random secret of letters, digits and URL-safe punctuation, unlikely to occur by chance. */
    private static String secret(SplittableRandom random) {
        String alphabet = "abcdefXYZ0123456789-_.~";
        StringBuilder s = new StringBuilder("Sx");
        for (int n = random.nextInt(10, 30); n > 0; n--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
