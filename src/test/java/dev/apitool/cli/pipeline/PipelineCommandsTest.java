package dev.apitool.cli.pipeline;

import static dev.apitool.cli.CommandResultAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.AbstractHelpTest;
import dev.apitool.cli.CommandResult;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.JsonSchemas;
import dev.apitool.core.pipeline.Tokens;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code apitool pipeline check|routes|run} end to end, in process, on the example specs. */
class PipelineCommandsTest extends AbstractHelpTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";
    static final String USERS = Path.of("examples/pipeline/users.yaml").toAbsolutePath().toString();
    static final String SEED = Path.of("examples/pipeline/seed.yaml").toAbsolutePath().toString();

    @Override
    protected List<String> command() {
        return List.of("pipeline");
    }

    @Test
    void help_listsEveryLeaf() {
        assertThat(cli.run("pipeline", "--help")).succeeded().outContains("  check ", "  routes ", "  run ", "  serve ");
    }

    @Test
    void routes_example_printsTheRegistryLinesExactly() {
        CommandResult r = cli.run("pipeline", "routes", USERS);

        assertThat(r).succeeded().errIsEmpty();
        assertThat(r.out()).isEqualTo("GET /users -> list_users\nPOST /users -> create_user\nGET /users/{id} -> get_user\n"
                + "DELETE /users/{id} -> delete_user\n");
    }

    @Test
    void routes_verbose_addsEachChain_andJsonMatchesItsSchema() {
        assertThat(cli.run("--verbose", "pipeline", "routes", USERS)).succeeded()
                .outContains("POST /users -> create_user\n    request-id -> logging -> envelope -> auth -> timing -> rate-limit -> validate -> collection");
        CommandResult json = cli.run("--output", "json", "pipeline", "routes", USERS);
        assertThat(json).succeeded();
        JsonSchemas.assertValid("pipeline-routes", json.out());
    }

    @Test
    void check_validExample_ok_andJsonMatchesItsSchema() {
        dev.apitool.cli.Cli c = cli.env("API_JWT_SECRET", SECRET);
        assertThat(c.run("pipeline", "check", USERS)).succeeded().outContains(": ok");
        CommandResult json = c.run("--output", "json", "pipeline", "check", USERS);
        assertThat(json).succeeded();
        JsonSchemas.assertValid("pipeline-check", json.out());
    }

    @Test
    void check_missingSecret_exit2WithPositionedOneLineError() {
        CommandResult r = cli.run("pipeline", "check", USERS);

        assertThat(r).exitedWith(ExitCode.USAGE).errHasNoStackTrace()
                .errContains("apitool: error: " + USERS + ":13:13: secret: environment variable API_JWT_SECRET is not set");
        assertThat(r.out()).endsWith(": 1 error\n");
        CommandResult json = cli.run("--output", "json", "pipeline", "check", USERS);
        assertThat(json).exitedWith(ExitCode.USAGE);
        JsonSchemas.assertValid("pipeline-check", json.out());
    }

    @Test
    void run_trace_printsTheOnionWithTheTokenMasked() {
        String token = Tokens.hs256(SECRET, "alice", dev.apitool.cli.Cli.NOW, 600);
        CommandResult r = cli.env("API_JWT_SECRET", SECRET).run("pipeline", "run", SEED, "GET", "/api/users", "--trace",
                "-H", "Authorization: Bearer " + token);

        assertThat(r).succeeded().outDoesNotContain(token);
        List<String> lines = r.out().lines().toList();
        assertThat(lines.subList(0, 4)).containsExactly("[logging] GET /api/users", "[auth] Checking token: Bearer ***",
                "[timing] Processing...", "Handler: list_users");
        assertThat(lines.get(4)).startsWith("[timing] Response time: ");
        assertThat(lines.get(5)).startsWith("[auth] <- 200");
        assertThat(lines.get(6)).isEqualTo("[logging] Response: 200");
        assertThat(lines).contains("HTTP 200", "[\"alice\",\"bob\"]");
        assertThat(r.err()).contains("GET /api/users 200").doesNotContain(token);
    }

    @Test
    void run_json_matchesItsSchema() {
        String token = Tokens.hs256(SECRET, "alice", dev.apitool.cli.Cli.NOW, 600);
        CommandResult r = cli.env("API_JWT_SECRET", SECRET).run("--output", "json", "pipeline", "run", USERS, "POST", "/users",
                "--body", "{\"name\": \"\", \"email\": \"x\", \"age\": 200}", "-H", "Authorization: Bearer " + token, "--trace");

        assertThat(r).succeeded().outContains("\"status\": 422", "Name cannot be empty");
        JsonSchemas.assertValid("pipeline-run", r.out());
    }

    @Test
    void run_specWithErrors_exit2_everyProblemOnItsOwnLine() {
        String spec = cli.file("bad.yaml", "apiVersion: apitool/v1\nroutes:\n  - {method: GET, path: /, name: a, handler: nope}\n"
                + "  - {method: GET, path: /, name: b, handler: echo, bogus: 1}\n");

        CommandResult r = cli.run("pipeline", "run", spec, "GET", "/");

        assertThat(r).exitedWith(ExitCode.USAGE).outIsEmpty().errHasNoStackTrace();
        assertThat(r.errLines()).containsExactly(
                "apitool: error: " + spec + ":3:46: unknown handler 'nope' (expected static, echo, collection, counter, delay, fail, proxy)",
                "apitool: error: " + spec + ":4:25: duplicate route GET / is already defined (GET /); it can never match",
                "apitool: error: " + spec + ":4:52: unknown key 'bogus' in route (expected method, path, name, handler, middleware, exclude)");
    }

    @Test
    void problems_controlCharactersAndUrlPasswordsInTheSpec_escapedAndMaskedOnEveryLine() {
        String spec = cli.file("ctrl.yaml", "apiVersion: apitool/v1\nservices:\n  up: {type: http-client, url: \"http://u:pw-5ecret@h:99999/\"}\n"
                + "routes:\n  - {method: GET, path: \"/a\\e[2J\", name: a, handler: echo}\n");

        for (String command : List.of("check", "routes", "run")) {
            CommandResult r = command.equals("run") ? cli.run("pipeline", command, spec, "GET", "/") : cli.run("pipeline", command, spec);

            assertThat(r).as(command).exitedWith(ExitCode.USAGE).errContains("\\x1b[2J").neverPrints("\u001b").neverPrints("pw-5ecret");
        }
    }

    @Test
    void echoAndLogging_credentialsInQueryAndHeaders_maskedByTheRedactor_controlCharactersEscaped() {
        String spec = cli.file("echo.yaml", "apiVersion: apitool/v1\nmiddleware:\n  - logging\n  - {type: logging, name: jlog, format: json}\n"
                + "routes:\n  - {method: GET, path: \"/{p}\", name: e, handler: echo}\n");

        CommandResult r = cli.run("pipeline", "run", spec, "GET", "/e\u001b?api_key=s3cret-q&page=2", "-H", "X-Api-Key: s3cret-k",
                "-H", "X-Session-Token: s3cret-t");

        assertThat(r).succeeded().outContains("api_key=***&page=2").neverPrints("s3cret").neverPrints("\u001b");
        CommandResult json = cli.run("--output", "json", "pipeline", "run", spec, "GET", "/e?api_key=s3cret-q&page=2");
        assertThat(json).succeeded().outContains("\"target\": \"/e?api_key=***&page=2\"").neverPrints("s3cret");
        assertThat(r.err()).contains("GET /e\\x1b 200");
    }
}
