package dev.apitool.core.config;

import dev.apitool.core.io.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem a validator finds in one config, so that a check reports all of them at
 * once (as a compiler does) instead of the first. Each problem is one line,
 * {@code file:line:column: message}; {@link #throwIfAny()} raises them together, in file order.
 */
public final class Problems {

    /** One problem: where it is and the whole line that says so. */
    public record Problem(Position at, String line) {}

    private final Positions positions;
    private final List<Problem> problems = new ArrayList<>();

    /** @param positions where the document's keys and values are, for {@link #add(String, String)} */
    public Problems(Positions positions) {
        this.positions = positions;
    }

    /** Adds a problem about the value at JSON pointer {@code pointer}. */
    public void add(String pointer, String message) {
        add(positions.value(pointer), message);
    }

    /** Adds a problem at {@code at}. */
    public void add(Position at, String message) {
        problems.add(new Problem(at, positions.error(at, message).getMessage()));
    }

    /** Adds an input error already in {@code file:line:column: message} form (or any one-line input error). */
    public void add(InputException e) {
        if (e instanceof Failed f) {
            problems.addAll(f.problems());
            return;
        }
        problems.add(new Problem(positionIn(e.getMessage()), e.getMessage()));
    }

    /** Runs {@code check}; an input error it raises is added, and the result is null. */
    public <T> T attempt(Supplier<T> check) {
        try {
            return check.get();
        } catch (InputException e) {
            add(e);
            return null;
        }
    }

    /** Runs {@code check}; returns false (and adds the problem) when it raises an input error. */
    public boolean check(Runnable check) {
        try {
            check.run();
            return true;
        } catch (InputException e) {
            add(e);
            return false;
        }
    }

    /** Returns whether no problem was found. */
    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Returns the problems so far, in file order (line, then column; the order found on a tie). */
    public List<Problem> list() {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt((Problem p) -> p.at().line()).thenComparingInt(p -> p.at().column()));
        return List.copyOf(sorted);
    }

    /** @throws Failed holding every problem, when there is any */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new Failed(list());
        }
    }

    /** Every problem of one config; the message is their lines, one per line, in file order. */
    public static final class Failed extends InputException {
        private static final long serialVersionUID = 1L;
        private final transient List<Problem> problems;

        Failed(List<Problem> problems) {
            super(String.join("\n", problems.stream().map(Problem::line).toList()));
            this.problems = problems;
        }

        /** Returns the problems, in file order. */
        public List<Problem> problems() {
            return problems;
        }
    }

    private Position positionIn(String message) {
        String prefix = positions.file() + ":";
        if (message != null && message.startsWith(prefix)) {
            String[] parts = message.substring(prefix.length()).split(":", 3);
            if (parts.length == 3) {
                try {
                    return new Position(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                } catch (NumberFormatException e) {
                    return Position.START;
                }
            }
        }
        return Position.START;
    }
}
