package dev.apitool.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractAssert;

/** AssertJ assertions on a {@link CommandResult}; every failure shows the whole run (args, exit code, stdout, stderr). */
public final class CommandResultAssert extends AbstractAssert<CommandResultAssert, CommandResult> {

    /** A Java exception or error class name, as a stack trace or {@code Throwable.toString()} shows it. */
    private static final Pattern THROWABLE_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

    private CommandResultAssert(CommandResult actual) {
        super(actual, CommandResultAssert.class);
    }

    public static CommandResultAssert assertThat(CommandResult actual) {
        return new CommandResultAssert(actual);
    }

    /** Checks that the run exited 0. */
    public CommandResultAssert succeeded() {
        return exitedWith(ExitCode.OK.code());
    }

    /** Checks the exit code. */
    public CommandResultAssert exitedWith(int expected) {
        isNotNull();
        if (actual.exitCode() != expected) {
            failWithMessage("expected exit code %d but was %d in%n%s", expected, actual.exitCode(), actual);
        }
        return this;
    }

    /** Checks the exit code. */
    public CommandResultAssert exitedWith(ExitCode expected) {
        return exitedWith(expected.code());
    }

    public CommandResultAssert outContains(String... parts) {
        for (String p : parts) {
            if (!actual.out().contains(p)) {
                failWithMessage("expected stdout to contain <%s> in%n%s", p, actual);
            }
        }
        return this;
    }

    public CommandResultAssert errContains(String... parts) {
        for (String p : parts) {
            if (!actual.err().contains(p)) {
                failWithMessage("expected stderr to contain <%s> in%n%s", p, actual);
            }
        }
        return this;
    }

    public CommandResultAssert outDoesNotContain(String... parts) {
        for (String p : parts) {
            if (actual.out().contains(p)) {
                failWithMessage("expected stdout not to contain <%s> in%n%s", p, actual);
            }
        }
        return this;
    }

    public CommandResultAssert errDoesNotContain(String... parts) {
        for (String p : parts) {
            if (actual.err().contains(p)) {
                failWithMessage("expected stderr not to contain <%s> in%n%s", p, actual);
            }
        }
        return this;
    }

    public CommandResultAssert outIsEmpty() {
        if (!actual.out().isEmpty()) {
            failWithMessage("expected nothing on stdout in%n%s", actual);
        }
        return this;
    }

    public CommandResultAssert errIsEmpty() {
        if (!actual.err().isEmpty()) {
            failWithMessage("expected nothing on stderr in%n%s", actual);
        }
        return this;
    }

    /** Checks that {@code text} (a secret, say) appears on neither stream. */
    public CommandResultAssert neverPrints(String text) {
        if (actual.out().contains(text) || actual.err().contains(text)) {
            failWithMessage("expected <%s> to be printed nowhere in%n%s", text, actual);
        }
        return this;
    }

    /** Checks that stderr has no stack frame, no "Caused by:" and no exception class name. */
    public CommandResultAssert errHasNoStackTrace() {
        for (String line : actual.errLines()) {
            if (line.startsWith("\tat ") || line.startsWith("Caused by:")) {
                failWithMessage("expected no stack trace on stderr in%n%s", actual);
            }
        }
        Matcher m = THROWABLE_NAME.matcher(actual.err());
        if (m.find()) {
            failWithMessage("expected no exception class name on stderr, found <%s> in%n%s", m.group(), actual);
        }
        return this;
    }

    /** Checks that stderr carries a stack trace (as {@code --verbose} asks). */
    public CommandResultAssert errHasStackTrace() {
        if (actual.errLines().stream().noneMatch(l -> l.startsWith("\tat "))) {
            failWithMessage("expected a stack trace on stderr in%n%s", actual);
        }
        return this;
    }

    /**
     * Checks the shape of a refused run: exactly one {@code apitool: error: ...} line containing
     * every part, an optional picocli suggestion and "Try ... --help" line, and no stack trace.
     */
    public CommandResultAssert failedWithOneLineError(String... parts) {
        errHasNoStackTrace();
        long errors = actual.errLines().stream().filter(l -> l.startsWith("apitool: error: ")).count();
        if (errors != 1) {
            failWithMessage("expected exactly one 'apitool: error: ' line on stderr, found %d in%n%s", errors, actual);
        }
        String line = actual.errLines().stream().filter(l -> l.startsWith("apitool: error: ")).findFirst().orElseThrow();
        for (String p : parts) {
            if (!line.contains(p)) {
                failWithMessage("expected the error line to contain <%s> in%n%s", p, actual);
            }
        }
        for (String other : actual.errLines()) {
            boolean expected = other.equals(line) || other.startsWith("Try '") || other.startsWith("Did you mean")
                    || other.startsWith("Possible solutions") || other.startsWith("apitool: warning: ");
            if (!expected) {
                failWithMessage("unexpected line on stderr <%s> in%n%s", other, actual);
            }
        }
        return this;
    }

    /**
     * Checks that stderr points at {@code QUALIFIED_NAME --help}, whether on a line of its own
     * ("Try 'apitool jwt --help' ...") or at the end of the error line ("(see 'apitool jwt --help')").
     */
    public CommandResultAssert pointsAtHelpOf(String qualifiedName) {
        return errContains("'" + qualifiedName + " --help'");
    }

    /** Checks the shape of a failed check (exit 1): one {@code apitool: invalid token: ...} line with every part. */
    public CommandResultAssert rejectedToken(String... parts) {
        exitedWith(ExitCode.FAILED);
        errHasNoStackTrace();
        long lines = actual.errLines().stream().filter(l -> l.startsWith("apitool: invalid token: ")).count();
        if (lines != 1) {
            failWithMessage("expected exactly one 'apitool: invalid token: ' line on stderr, found %d in%n%s", lines, actual);
        }
        return errContains(parts);
    }
}
