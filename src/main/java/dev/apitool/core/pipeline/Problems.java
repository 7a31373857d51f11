package dev.apitool.core.pipeline;

import dev.apitool.core.config.Position;
import dev.apitool.core.config.Positions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every problem found in one spec, errors and warnings, each at its {@code file:line:column} (from
 * {@link Positions}): a spec is checked the way a compiler checks code, so one run reports all of
 * them, in file order. Unlike {@code core.config}'s error list it also keeps warnings (legal but
 * wrong orderings), which never refuse a spec.
 */
public final class Problems {

    /** How bad a problem is: an error refuses the spec, a warning only reports. */
    public enum Severity { ERROR, WARNING }

    /** One problem at one place. */
    public record Problem(Severity severity, String file, int line, int column, String message) {

        /** Returns {@code file:line:column: message}. */
        public String format() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final String file;
    private final Positions positions;
    private final List<Problem> list = new ArrayList<>();

    Problems(String file, Positions positions) {
        this.file = file;
        this.positions = positions;
    }

    /** Returns the spec's file name, as messages print it. */
    public String file() {
        return file;
    }

    /** Records an error at the value written at {@code pointer}. */
    public void error(String pointer, String message) {
        add(Severity.ERROR, positions == null ? Position.START : positions.value(pointer), message);
    }

    /** Records an error at the key of {@code pointer} (an unknown or misplaced key). */
    public void keyError(String pointer, String message) {
        add(Severity.ERROR, positions == null ? Position.START : positions.key(pointer), message);
    }

    /** Records a warning at the value written at {@code pointer}. */
    public void warning(String pointer, String message) {
        add(Severity.WARNING, positions == null ? Position.START : positions.value(pointer), message);
    }

    void add(Severity severity, Position at, String message) {
        list.add(new Problem(severity, file, at.line(), at.column(), message));
    }

    /** Returns whether any error was recorded. */
    public boolean hasErrors() {
        return list.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    /** Returns the number of problems recorded so far (errors and warnings). */
    public int size() {
        return list.size();
    }

    /** Returns every problem, in file order (line, then column; errors first at one place). */
    public List<Problem> all() {
        List<Problem> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)
                .thenComparing(Problem::severity));
        return List.copyOf(sorted);
    }

    /** Returns the errors, in file order. */
    public List<Problem> errors() {
        return all().stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** Returns the warnings, in file order. */
    public List<Problem> warnings() {
        return all().stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }
}
