package dev.apitool.core.pipeline;

import dev.apitool.core.io.InputException;
import java.util.List;
import java.util.stream.Collectors;

/** A spec with errors: every problem found, each {@code file:line:column: message}. */
public final class SpecException extends InputException {

    private final List<Problems.Problem> problems;

    public SpecException(List<Problems.Problem> problems) {
        super(problems.stream().filter(p -> p.severity() == Problems.Severity.ERROR).map(Problems.Problem::format)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem, errors and warnings, in file order. */
    public List<Problems.Problem> problems() {
        return problems;
    }
}
