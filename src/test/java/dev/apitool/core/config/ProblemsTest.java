package dev.apitool.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apitool.core.io.InputException;
import org.junit.jupiter.api.Test;

/** A check collects every problem with its position and reports them together in file order. */
class ProblemsTest {

    private static final String YAML = "routes:\n  - path: users\n  - path: /a\n    method: FETCH\n";

    @Test
    void severalProblems_allReportedInFileOrder() {
        Positions at = Positions.scan(YAML, "api.yaml");
        Problems problems = new Problems(at);
        problems.add("/routes/1/method", "unknown method 'FETCH', expected GET, POST, …");
        problems.check(() -> {
            throw at.error(at.value("/routes/0/path"), "path 'users' must start with /");
        });
        assertThat(problems.attempt(() -> 7)).isEqualTo(7);
        assertThat(problems.isEmpty()).isFalse();
        assertThatThrownBy(problems::throwIfAny)
                .isInstanceOf(InputException.class)
                .hasMessage("api.yaml:2:11: path 'users' must start with /\n"
                        + "api.yaml:4:13: unknown method 'FETCH', expected GET, POST, …")
                .satisfies(e -> assertThat(((Problems.Failed) e).problems()).extracting(Problems.Problem::at)
                        .containsExactly(new Position(2, 11), new Position(4, 13)));
    }

    @Test
    void noProblem_throwsNothing() {
        Problems problems = new Problems(Positions.scan(YAML, "api.yaml"));
        assertThat(problems.check(() -> { })).isTrue();
        problems.throwIfAny();
        assertThat(problems.list()).isEmpty();
    }
}
