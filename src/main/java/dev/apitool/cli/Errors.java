package dev.apitool.cli;

import dev.apitool.core.io.InputException;
import java.io.PrintWriter;
import java.util.ArrayList;
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
        StringBuilder line = new StringBuilder(PREFIX).append("error: ");
        if (ex instanceof CommandLine.UnmatchedArgumentException) {
            line.append(unmatched((CommandLine.UnmatchedArgumentException) ex, cmd));
        } else {
            line.append(lowercase(String.valueOf(ex.getMessage())));
        }
        line.append(" (see '").append(cmd.getCommandSpec().qualifiedName()).append(" --help')");
        err.println(line);
        if (verbose(cmd)) {
            ex.printStackTrace(err);
        }
        return ExitCode.USAGE.code();
    }

    /**
     * Returns picocli's message in apitool's style: no {@code Error: } prefix (its argument-group
     * wording), and a lowercase first word ({@code Missing…}, {@code Invalid…}) as every other
     * apitool error has; a word that is all capitals ({@code URL}) stays as it is.
     */
    static String lowercase(String message) {
        String m = message.startsWith("Error: ") ? message.substring(7) : message;
        if (m.length() > 1 && Character.isUpperCase(m.charAt(0)) && Character.isLowerCase(m.charAt(1))) {
            return Character.toLowerCase(m.charAt(0)) + m.substring(1);
        }
        return m;
    }

    /**
     * Describes unmatched arguments without echoing values: after a mistyped flag the next word
     * is often its value, a secret ({@code --secert hunter2}). Options are named; another word
     * only where a command name belongs (a group such as {@code apitool jwt BOGUS}).
     */
    private static String unmatched(CommandLine.UnmatchedArgumentException ex, CommandLine cmd) {
        List<String> suggestions = ex.getSuggestions();
        boolean commandPosition = !cmd.getSubcommands().isEmpty() && cmd.getCommandSpec().positionalParameters().isEmpty();
        List<String> unmatched = ex.getUnmatched();
        if (commandPosition && !unmatched.isEmpty() && !unmatched.get(0).startsWith("-")) {
            // A mistyped command: what follows it belongs to the command meant, not worth reporting.
            String word = unmatched.get(0);
            String closest = Suggestions.closest(word, cmd.getSubcommands().keySet());
            return "unknown command '" + word + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)");
        }
        List<String> options = new ArrayList<>();
        int hidden = 0;
        for (String arg : ex.getUnmatched()) {
            if (arg.startsWith("-")) {
                options.add("'" + (arg.contains("=") ? arg.substring(0, arg.indexOf('=') + 1) + "…" : arg) + "'");
            } else if (commandPosition && options.isEmpty() && hidden == 0) {
                options.add("'" + arg + "'");
            } else {
                hidden++;
            }
        }
        StringBuilder s = new StringBuilder();
        if (!options.isEmpty()) {
            s.append(options.get(0).startsWith("'-") ? "unknown option" : "unknown command")
                    .append(options.size() > 1 ? "s " : " ").append(String.join(", ", options));
        }
        if (hidden > 0) {
            s.append(s.length() > 0 ? " and " : "").append(hidden).append(" unexpected argument").append(hidden > 1 ? "s" : "")
                    .append(" (not shown)");
        }
        if (!suggestions.isEmpty()) {
            s.append("; did you mean ").append(String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size())))).append('?');
        }
        return s.toString();
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
