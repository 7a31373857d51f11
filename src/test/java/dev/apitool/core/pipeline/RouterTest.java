package dev.apitool.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static Router<String> router() {
        Router<String> r = new Router<>();
        r.add("GET", "/files/*", "wildcard");
        r.add("GET", "/users/{id}", "param");
        r.add("GET", "/users/me", "exact");
        r.add("DELETE", "/users/{id}", "delete");
        r.add("GET", "/users", "list");
        r.add("POST", "/users", "create");
        return r;
    }

    @Test
    void match_exactParamWildcard_mostSpecificWins() {
        Router<String> r = router();

        assertThat(r.match("GET", "/users/me")).isEqualTo(new Router.Found<>("exact", Map.of()));
        assertThat(r.match("GET", "/users/42")).isEqualTo(new Router.Found<>("param", Map.of("id", "42")));
        assertThat(r.match("GET", "/files/a/b.txt")).isEqualTo(new Router.Found<>("wildcard", Map.of("*", "a/b.txt")));
    }

    @Test
    void match_otherMethodOnExactPath_fallsBackToParameterRoute() {
        assertThat(router().match("DELETE", "/users/me")).isEqualTo(new Router.Found<>("delete", Map.of("id", "me")));
    }

    @Test
    void match_unknownPath_isNotFound() {
        assertThat(router().match("GET", "/nope")).isInstanceOf(Router.NotFound.class);
        assertThat(router().match("GET", "/users/1/extra")).isInstanceOf(Router.NotFound.class);
    }

    @Test
    void match_knownPathOtherMethod_isWrongMethodWithAllow() {
        Router.Match<String> m = router().match("PUT", "/users");

        assertThat(m).isInstanceOf(Router.WrongMethod.class);
        assertThat(((Router.WrongMethod<String>) m).allow()).containsExactly("GET", "POST", "HEAD", "OPTIONS");
    }

    @Test
    void match_head_isServedByGet() {
        assertThat(router().match("HEAD", "/users")).isEqualTo(new Router.Found<>("list", Map.of()));
    }

    @Test
    void match_encodedParameter_isDecoded() {
        assertThat(router().match("GET", "/users/a%20b")).isEqualTo(new Router.Found<>("param", Map.of("id", "a b")));
    }

    @Test
    void shadowedBy_sameShapeDifferentName_pointsAtTheEarlierRoute() {
        Router<String> r = new Router<>();
        r.add("GET", "/users/{id}", "a");
        r.add("GET", "/users/{name}", "b");
        r.add("POST", "/users/{name}", "c");

        assertThat(r.shadowedBy(1)).isZero();
        assertThat(r.shadowedBy(2)).isEqualTo(-1);
    }
}
