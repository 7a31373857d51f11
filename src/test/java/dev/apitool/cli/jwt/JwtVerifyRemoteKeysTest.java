package dev.apitool.cli.jwt;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Cli;
import dev.apitool.cli.CommandResult;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.HttpServerOptions;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import dev.apitool.core.json.Json;
import dev.apitool.core.jwt.Jwk;
import dev.apitool.core.jwt.JwsAlgorithm;
import dev.apitool.core.jwt.JwsKey;
import dev.apitool.core.jwt.KeyGen;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jwt verify --jwks-url} and {@code --oidc-issuer} against a JWKS server on loopback. */
class JwtVerifyRemoteKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private Cli cli;
    private HttpServer server;
    private final AtomicInteger jwksHits = new AtomicInteger();
    private final AtomicReference<String> jwks = new AtomicReference<>();
    private final AtomicReference<String> cacheControl = new AtomicReference<>("max-age=300");
    private JwsKey first;

    @BeforeEach
    void start() {
        cli = Cli.in(dir);
        first = KeyGen.generate(JwsAlgorithm.ES256, 2048, RANDOM);
        jwks.set(Json.compact(Jwk.toSet(first, false)));
        server = HttpServer.start(HttpServerOptions.loopback(), RequestHandler.of(req -> {
            if (req.path().equals("/.well-known/openid-configuration")) {
                String issuer = "http://127.0.0.1:" + server.port();
                return ServerResponse.text(200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/keys\"}");
            }
            if (req.path().equals("/keys")) {
                jwksHits.incrementAndGet();
                ServerResponse r = ServerResponse.text(200, jwks.get()).withHeader("Content-Type", "application/jwk-set+json");
                return cacheControl.get() == null ? r : r.withHeader("Cache-Control", cacheControl.get());
            }
            return ServerResponse.text(404, "no");
        }));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String sign(JwsKey key, String... extra) throws Exception {
        Path pem = dir.resolve("k-" + key.kid() + ".pem");
        Files.writeString(pem, KeyGen.pem(key, true));
        String[] args = new String[] {"jwt", "sign", "--key", pem.toString(), "--kid", key.kid(), "--sub", "alice"};
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.Arrays.stream(extra)).toArray(String[]::new);
        CommandResult r = cli.run(all);
        assertThat(r).succeeded();
        return r.out().strip();
    }

    private String jwksUrl() {
        return server.uri("/keys").toString();
    }

    @Test
    void jwksUrl_verifiesWithTheFetchedKey_andCachesForMaxAge() throws Exception {
        String token = sign(first);
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", jwksUrl())).succeeded().outContains("alice");
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", jwksUrl())).succeeded();
        assertThat(jwksHits.get()).as("second run served from the disk cache").isEqualTo(1);
        assertThat(cli.later(Duration.ofSeconds(301)).run("jwt", "verify", token, "--jwks-url", jwksUrl())).succeeded();
        assertThat(jwksHits.get()).as("max-age=300 has passed: refetched").isEqualTo(2);
    }

    @Test
    void noStore_isNeverCached() throws Exception {
        cacheControl.set("no-store, max-age=300");
        String token = sign(first);
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", jwksUrl())).succeeded();
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", jwksUrl())).succeeded();
        assertThat(jwksHits.get()).isEqualTo(2);
        assertThat(dir.resolve("home/.cache/apitool/jwks")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyDirectory());
    }

    @Test
    void unknownKid_refetchesOnce_andFindsTheRotatedKey() throws Exception {
        String old = sign(first);
        assertThat(cli.run("jwt", "verify", old, "--jwks-url", jwksUrl())).succeeded();
        JwsKey rotated = KeyGen.generate(JwsAlgorithm.ES256, 2048, RANDOM);
        jwks.set("{\"keys\":[" + Json.compact(Jwk.toJson(first, false)) + "," + Json.compact(Jwk.toJson(rotated, false)) + "]}");
        String fresh = sign(rotated);
        assertThat(cli.run("jwt", "verify", fresh, "--jwks-url", jwksUrl())).succeeded();
        assertThat(jwksHits.get()).as("cached set lacked the kid: one refetch").isEqualTo(2);

        JwsKey unknown = KeyGen.generate(JwsAlgorithm.ES256, 2048, RANDOM);
        CommandResult r = cli.run("jwt", "verify", sign(unknown), "--jwks-url", jwksUrl());
        assertThat(r).exitedWith(1).errContains("no key has kid");
        assertThat(jwksHits.get()).as("an unknown kid refetches exactly once").isEqualTo(3);
    }

    @Test
    void oidcIssuer_discoversJwksUri_andRequiresTheIssuer() throws Exception {
        String issuer = "http://127.0.0.1:" + server.port();
        String withIss = sign(first, "--iss", issuer);
        assertThat(cli.run("jwt", "verify", withIss, "--oidc-issuer", issuer)).succeeded();
        String otherIss = sign(first, "--iss", "https://evil.example");
        assertThat(cli.run("jwt", "verify", otherIss, "--oidc-issuer", issuer)).exitedWith(1).errContains("issuer");
        assertThat(cli.run("jwt", "verify", withIss, "--oidc-issuer", issuer + "/wrong")).exitedWith(2)
                .errContains("openid-configuration");
    }

    @Test
    void unreachableOrBadJwks_isAnInputError() throws Exception {
        String token = sign(first);
        jwks.set("<html>not json</html>");
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", jwksUrl())).exitedWith(2).errContains("/keys");
        int port = server.port();
        server.close();
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", "http://127.0.0.1:" + port + "/keys")).exitedWith(2)
                .errContains("Connection refused");
        assertThat(cli.run("jwt", "verify", token, "--jwks-url", "ftp://x/keys")).exitedWith(2).errContains("http");
    }

    @Test
    void cacheFile_holdsOnlyPublicKeys() throws Exception {
        sign(first);
        assertThat(cli.run("jwt", "verify", sign(first), "--jwks-url", jwksUrl())).succeeded();
        try (var files = Files.list(dir.resolve("home/.cache/apitool/jwks"))) {
            String cached = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.UTF_8);
            assertThat(cached).contains("\\\"x\\\"").doesNotContain("\\\"d\\\"");
        }
    }
}
