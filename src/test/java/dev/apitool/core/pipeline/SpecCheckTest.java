package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecCheckTest {

    @TempDir
    Path dir;

    private List<String> check(String yaml) {
        Problems p = Pipeline.check(TestEnv.utf8(yaml), "spec.yaml", new TestEnv(dir, null).env);
        return p.all().stream().map(x -> (x.severity() == Problems.Severity.WARNING ? "warning: " : "") + x.format()).toList();
    }

    @Test
    void check_fiveDifferentMistakes_reportsAllFiveWithPositions() {
        String yaml = """
                apiVersion: apitool/v1
                servcies:
                  x: {type: store}
                middleware:
                  - type: rate-limt
                  - type: rate-limit
                    name: per-user
                    policy: token-bucket:capacity=5,rate=2/s
                    store: shared
                routes:
                  - method: GET
                    path: /users
                    name: list_users
                    handler: {type: static, status: 999}
                  - method: GET
                    path: /users
                    name: again
                    handler: echo
                """;

        assertThat(check(yaml)).containsExactly(
                "spec.yaml:2:1: unknown key 'servcies' in the spec; did you mean 'services'? (expected apiVersion, services, stores, middleware, routes)",
                "spec.yaml:5:11: unknown middleware 'rate-limt'; did you mean 'rate-limit'? (expected request-id, logging, timing, cors, headers, jwt-auth, rate-limit, idempotency, validate, envelope, timeout, body-limit)",
                "spec.yaml:9:12: rate-limit \"per-user\" -> store \"shared\" -> not defined",
                "spec.yaml:14:37: status 999 is out of range (expected 100 to 599)",
                "spec.yaml:16:11: duplicate route GET /users is already defined (GET /users); it can never match");
    }

    @Test
    void check_legalButWrongOrderings_warns() {
        String yaml = """
                apiVersion: apitool/v1
                middleware:
                  - type: rate-limit
                    policy: fixed-window:limit=10,window=1m
                    key: claim:sub
                  - type: jwt-auth
                    secret: env:API_JWT_SECRET
                  - logging
                routes:
                  - method: POST
                    path: /users
                    name: create_user
                    handler: echo
                    middleware:
                      - type: validate
                        body: {type: object}
                      - envelope
                """;

        assertThat(check(yaml)).containsExactly(
                "warning: spec.yaml:3:5: rate limit 'rate-limit' is keyed on JWT claim 'sub' but runs before jwt-auth 'jwt-auth': every request falls into one bucket (expected jwt-auth earlier in the list)",
                "warning: spec.yaml:8:5: logging 'logging' is inside jwt-auth 'jwt-auth': rejected requests (401, 403) are never logged (expected logging before jwt-auth)",
                "warning: spec.yaml:17:9: envelope 'envelope' is inside validate 'validate': validation errors (422) go out without the envelope (expected envelope before validate)");
    }

    @Test
    void check_idempotency_badProfileAndStore_reportedAtTheirKeys() {
        String yaml = """
                apiVersion: apitool/v1
                middleware: [{type: idempotency, profile: paypal, store: "mysql://db"}]
                routes: [{method: GET, path: /, name: root, handler: echo}]
                """;

        assertThat(check(yaml)).containsExactly(
                "spec.yaml:2:43: unknown profile 'paypal' (expected ietf or stripe)",
                "spec.yaml:2:58: unknown store 'mysql://db' (expected memory or redis://HOST:PORT)");
    }

    @Test
    void check_badPathUnknownExclusionShadowedRoute_reportsAll() {
        String yaml = """
                apiVersion: apitool/v1
                middleware: [logging]
                routes:
                  - {method: GET, path: "users/{id}/*/x", name: a, handler: echo, exclude: [loging]}
                  - {method: GET, path: "/users/{id}", name: b, handler: echo}
                  - {method: GET, path: "/users/{name}", name: c, handler: echo}
                """;

        assertThat(check(yaml)).containsExactly(
                "spec.yaml:4:25: path 'users/{id}/*/x' must start with / (expected e.g. /users/{id})",
                "spec.yaml:4:77: exclude names 'loging', which is not in the global middleware; did you mean 'logging'?",
                "spec.yaml:6:25: route GET /users/{name} is shadowed by an earlier route (GET /users/{id}); it can never match");
    }

    @Test
    void load_specWithErrors_throwsWithEveryProblem() {
        byte[] yaml = TestEnv.utf8("apiVersion: apitool/v2\nroutes: 3\n");

        assertThatThrownBy(() -> Pipeline.load(yaml, "s.yaml", new TestEnv(dir, null).env, new java.util.ArrayList<>()))
                .isInstanceOf(SpecException.class)
                .hasMessage("s.yaml:1:13: unknown apiVersion 'apitool/v2' (expected apitool/v1)\n"
                        + "s.yaml:2:9: expected a list, got 3");
    }

    @Test
    void check_unsetVariableReference_isAnErrorWhereTheReferenceStarts() {
        String yaml = """
                apiVersion: apitool/v1
                routes:
                  - method: GET
                    path: /
                    name: root
                    handler: {type: static, body: "hello ${NOT_SET_ANYWHERE}"}
                """;

        assertThat(check(yaml)).containsExactly("spec.yaml:6:42: environment variable NOT_SET_ANYWHERE is not set,"
                + " expected it to be set (or a default: ${NOT_SET_ANYWHERE:-value})");
    }

    @Test
    void check_sizeWithUnit_isReadByTheSharedParserAndRangeChecked() {
        String ok = """
                apiVersion: apitool/v1
                middleware:
                  - {type: body-limit, max: 1 KiB}
                routes:
                  - {method: GET, path: /, name: root, handler: echo}
                """;
        String bad = ok.replace("1 KiB", "2GiB");

        assertThat(check(ok)).isEmpty();
        assertThat(check(bad)).containsExactly("spec.yaml:3:29: bad size '2GiB' (expected 1 to 1073741824 bytes, written like 512, 64KiB or 1MiB)");
    }

    @Test
    void validate_refToAnotherDocument_isASpecErrorAtCheckTime_aLocalRefIsNot() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("other.json"), "{\"type\": \"integer\"}");
        String route = "routes:\n  - {method: POST, path: /, name: r, handler: echo}\n";
        for (String ref : List.of("http://127.0.0.1:9/x", "file:" + dir.resolve("other.json").toUri().getPath())) {
            String yaml = "apiVersion: apitool/v1\nmiddleware:\n  - {type: validate, body: {$ref: \"" + ref + "\"}}\n" + route;
            assertThat(check(yaml)).singleElement().asString().startsWith("spec.yaml:3:28: not a valid JSON Schema: ")
                    .contains(ref).contains("expected a $ref within this schema");
        }
        String local = "apiVersion: apitool/v1\nmiddleware:\n  - {type: validate, body: {$defs: {a: {type: integer}}, "
                + "properties: {x: {$ref: \"#/$defs/a\"}}}}\n" + route;
        assertThat(check(local)).isEmpty();
    }
}
