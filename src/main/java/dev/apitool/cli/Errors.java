package dev.apitool.cli;

import dev.apitool.core.io.InputException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an {@link ExitCode}: bad usage and bad input
 * exit 2, a command's own verdicts exit with their code, anything unexpected exits 4. The stack
 * trace is printed only with {@code --verbose}.
 */
final class Errors implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler,
        CommandLine.IExitCodeExceptionMapper {

    static final String PREFIX = "apitool: ";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        StringBuilder line = new StringBuilder(PREFIX).append("error: ").append(ex.getMessage());
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
            if (!suggestions.isEmpty()) {
                line.append("; did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))).append('?');
            }
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(line);
        if (verbose(cmd)) {
            ex.printStackTrace(err);
        }
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        ExitCode code = exitCode(ex);
        String message = ex.getMessage();
        if (code == ExitCode.INTERNAL) {
            err.println(PREFIX + "internal error: " + ex + (verbose(cmd) ? "" : " (--verbose prints the stack trace)"));
        } else if (message != null && !message.isEmpty()) {
            err.println(PREFIX + (code == ExitCode.USAGE ? "error: " : "") + message);
        }
        if (verbose(cmd)) {
            ex.printStackTrace(err);
        }
        return code.code();
    }

    @Override
    public int getExitCode(Throwable ex) {
        return exitCode(ex).code();
    }

    private static ExitCode exitCode(Throwable ex) {
        if (ex instanceof ApitoolException) {
            return ((ApitoolException) ex).exitCode();
        }
        if (ex instanceof InputException || ex instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL;
    }

    private static boolean verbose(CommandLine cmd) {
        Object root = cmd.getCommandSpec().root().userObject();
        return root instanceof Apitool && ((Apitool) root).verbose;
    }
}
