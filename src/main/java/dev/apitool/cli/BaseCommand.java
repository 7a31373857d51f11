package dev.apitool.cli;

import dev.apitool.core.io.Inputs;
import java.io.PrintWriter;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every leaf command shares: its writers, the run's {@link Context}, the inherited global
 * options, and one way to print warnings. A leaf implements {@link #run()} and returns an exit code.
 */
@Command
public abstract class BaseCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    private Inputs inputs;

    @Override
    public final Integer call() {
        if (!formats().contains(output())) {
            throw new ApitoolException(ExitCode.USAGE, "--output " + output() + " is not available for '" + spec.qualifiedName()
                    + "' (it has " + formats().stream().map(Enum::name).collect(Collectors.joining(", ")) + ")");
        }
        return run().code();
    }

    /** Returns the formats this command declares with {@link Formats}: text only without it. */
    protected final Set<OutputFormat> formats() {
        return OutputOption.declared(getClass());
    }

    /** Does the command's work and returns how it ended. */
    protected abstract ExitCode run();

    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    protected final Context context() {
        return root().context();
    }

    /** Returns this run's resolver of {@code @file}, {@code env:} and {@code -} values. */
    protected final Inputs inputs() {
        if (inputs == null) {
            inputs = context().inputs();
        }
        return inputs;
    }

    protected final OutputFormat output() {
        return root().output;
    }

    /** Returns the styles to print with: ANSI only on a terminal, never with NO_COLOR or --no-color. */
    protected final Style style() {
        boolean color = context().interactive() && !root().noColor && !context().env().containsKey("NO_COLOR");
        return new Style(color);
    }

    /** Prints {@code apitool: warning: MESSAGE} on stderr. */
    protected final void warn(String message) {
        err().println(Errors.PREFIX + style().yellow("warning: ") + message);
    }

    private Apitool root() {
        return (Apitool) spec.root().userObject();
    }
}
