package dev.apitool.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.cli.Apitool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionTest {

    @TempDir
    Path dir;

    private Completion completion;

    @BeforeEach
    void model() {
        completion = new Completion(Apitool.fullCommandLine(), dir);
    }

    @Test
    void candidates_firstWord_offersBuiltinsAndCommands() {
        assertThat(completion.candidates(List.of(), "j")).containsExactly("job", "jobs", "jwt");
        assertThat(completion.candidates(List.of(), "")).contains("shell", "load", "health", "set", "cancel", "exit");
    }

    @Test
    void candidates_afterGroup_offersItsSubcommandsAndOptions() {
        assertThat(completion.candidates(List.of("jwt"), "ve")).containsExactly("verify");
        assertThat(completion.candidates(List.of("jwt", "sign"), "--al")).containsExactly("--alg", "--allow-weak-key");
    }

    @Test
    void candidates_afterAnEnumOption_offersItsValues() {
        assertThat(completion.candidates(List.of("jwt", "sign", "--alg"), "ES")).containsExactly("ES256", "ES384", "ES512");
        assertThat(completion.candidates(List.of("jwt", "verify", "--output"), "")).contains("text", "json");
    }

    @Test
    void candidates_fileOption_offersPathsWithDirectoriesToGoInto() throws Exception {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/ec.pem"), "x");
        Files.writeString(dir.resolve("health.yaml"), "x");
        assertThat(completion.candidates(List.of("health", "-f"), "he")).containsExactly("health.yaml");
        assertThat(completion.candidates(List.of("jwt", "keygen", "ES256", "--out"), "k")).containsExactly("keys/");
        assertThat(completion.candidates(List.of("jwt", "keygen", "ES256", "--out"), "keys/")).containsExactly("keys/ec.pem");
    }

    @Test
    void candidates_shellBuiltins_offerSettingNamesAndHelpTopics() {
        assertThat(completion.candidates(List.of("set"), "u")).containsExactly("url");
        assertThat(completion.candidates(List.of("show"), "")).containsExactly("settings");
        assertThat(completion.candidates(List.of("help"), "lo")).containsExactly("load");
        assertThat(completion.candidates(List.of("jobs"), "")).isEmpty();
    }

    private static final String SPEC = String.join("\n",
            "apiVersion: apitool/v1",
            "routes:",
            "  - {method: GET, path: /users, name: list_users, handler: echo}",
            "  - {method: POST, path: /users, name: create_user, handler: echo}",
            "  - {method: GET, path: '/users/{id}', name: get_user, handler: echo}",
            "  - {method: DELETE, path: '/orders/{id}', name: cancel_order, handler: echo}", "");

    @Test
    void choices_pipelineRunMethodAndPath_offerTheRoutesOfTheSpecOnTheLine() throws Exception {
        Files.writeString(dir.resolve("api.yaml"), SPEC);

        assertThat(completion.candidates(List.of("pipeline", "run", "api.yaml"), "")).containsExactly("DELETE", "GET", "POST");
        assertThat(completion.candidates(List.of("pipeline", "run", "--trace", "api.yaml"), "g")).containsExactly("GET");
        assertThat(completion.choices(List.of("pipeline", "run", "api.yaml", "GET"), "/us")).containsExactly(
                new Completion.Choice("/users", "list_users", true),
                new Completion.Choice("/users/{id}", "get_user", false));
        assertThat(completion.candidates(List.of("pipeline", "run", "api.yaml", "DELETE"), "/")).containsExactly("/orders/{id}");
        assertThat(completion.candidates(List.of("pipeline", "run", "missing.yaml", "GET"), "/")).isEmpty();
    }

    @Test
    void choices_urlGivenAsAPath_offerTheRoutesOfTheSpecLoadedLast() throws Exception {
        Files.writeString(dir.resolve("api.yaml"), SPEC);
        SpecRoutes routes = new SpecRoutes(dir);
        Completion c = new Completion(Apitool::fullCommandLine, dir, routes);
        assertThat(c.candidates(List.of("load"), "/")).as("no spec loaded yet").isEmpty();

        routes.loaded(c.positionals(List.of("pipeline", "serve", "--port", "0", "api.yaml")).get(0));

        assertThat(c.choices(List.of("load", "-c", "2"), "/")).containsExactly(
                new Completion.Choice("/orders/{id}", "cancel_order", false),
                new Completion.Choice("/users", "list_users, create_user", true),
                new Completion.Choice("/users/{id}", "get_user", false));
        assertThat(c.candidates(List.of("load"), "h")).as("a URL that is not a path: nothing from the spec").isEmpty();
    }
}
