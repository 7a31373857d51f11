package dev.apitool.cli.shell;

import dev.apitool.cli.Apitool;
import dev.apitool.cli.Context;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ReportsReady;
import dev.apitool.core.io.InputException;
import dev.apitool.core.shell.Settings;
import dev.apitool.core.shell.ShellLine;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns a parsed line into a command's arguments: expands {@code $NAME} (a setting, else an
 * environment variable) and {@code $(COMMAND)} (that command's standard output, its trailing
 * newlines removed), then applies the session's settings through the picocli model of the command
 * the words name: a relative path ({@code /v1/users}) given where the command takes a URL goes to
 * the {@code url} setting's base, and a setting named like an option the command has and was not
 * given ({@code set secret env:S} for {@code --secret}) is added, unless the command would then not parse;
 * {@code set output FORMAT} only where the command offers that format (its {@link Formats}), so that
 * {@code set output junit} leaves the commands without JUnit output printing text.
 */
final class Expander {

    /** Longest output of one {@code $(…)} kept, in characters. */
    static final int MAX_SUBSTITUTION = 1 << 20;

    private final Settings settings;
    private final Map<String, String> env;
    private final Function<String, String> substitution;

    /** {@code substitution} runs a command line and returns its standard output, or throws an ApitoolException with its exit code. */
    Expander(Settings settings, Map<String, String> env, Function<String, String> substitution) {
        this.settings = settings;
        this.env = env;
        this.substitution = substitution;
    }

    /** Returns the words of {@code line} with every expansion done. */
    List<String> words(ShellLine line) {
        List<String> out = new ArrayList<>(line.words().size());
        for (ShellLine.Word w : line.words()) {
            StringBuilder s = new StringBuilder();
            for (ShellLine.Part p : w.parts()) {
                switch (p.kind()) {
                    case LITERAL -> s.append(p.text());
                    case VARIABLE -> s.append(variable(p.text()));
                    case COMMAND -> s.append(substitute(p.text()));
                }
            }
            out.add(s.toString());
        }
        return out;
    }

    private String variable(String name) {
        String v = settings.get(name).orElseGet(() -> env.get(name));
        if (v == null) {
            throw new InputException("$" + name + " is not set (expected a setting: set " + name + " VALUE)");
        }
        return v;
    }

    private String substitute(String command) {
        String out = substitution.apply(command);
        if (out.length() > MAX_SUBSTITUTION) {
            throw new InputException("$(" + command.split("\\s+", 2)[0] + " …) printed " + out.length()
                    + " characters (expected at most " + MAX_SUBSTITUTION + ")");
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '\n' || out.charAt(end - 1) == '\r')) {
            end--;
        }
        return out.substring(0, end);
    }

    /** Returns {@code args} with the settings applied (see the class doc). */
    List<String> withSettings(Context context, List<String> args) {
        ParseResult parsed = parse(context, args);
        if (parsed == null) {
            return args; // the run itself reports what is wrong
        }
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) {
            return args;
        }
        List<String> out = new ArrayList<>(args);
        String base = settings.get("url").orElse(null);
        if (base != null) {
            for (PositionalParamSpec p : leaf.matchedPositionals()) {
                if (p.paramLabel().equals("URL")) {
                    for (String v : p.originalStringValues()) {
                        int at = out.lastIndexOf(v);
                        if (v.startsWith("/") && at >= 0) {
                            out.set(at, base.replaceAll("/+$", "") + v);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, String> s : settings.all().entrySet()) {
            OptionSpec option = leaf.commandSpec().findOption("--" + s.getKey());
            if (s.getKey().equals("url") || option == null || option.arity().max() == 0 || matched(parsed, option.longestName())
                    || (s.getKey().equals("output") && !offers(leaf.commandSpec(), s.getValue()))) {
                continue;
            }
            List<String> candidate = new ArrayList<>(out);
            candidate.add("--" + s.getKey());
            candidate.add(s.getValue());
            if (parse(context, candidate) != null) {
                out = candidate;
            }
        }
        return out;
    }

    /** Returns whether the command {@code args} name says when it is ready ({@link ReportsReady}); false when they do not parse. */
    static boolean reportsReady(Context context, List<String> args) {
        ParseResult leaf = parse(context, args);
        while (leaf != null && leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        Object user = leaf == null ? null : leaf.commandSpec().userObject();
        return user != null && user.getClass().isAnnotationPresent(ReportsReady.class);
    }

    /** Returns whether the command offers output {@code format}: text, and what its {@link Formats} declares. */
    private static boolean offers(CommandSpec command, String format) {
        Object user = command.userObject();
        Formats declared = user == null ? null : user.getClass().getAnnotation(Formats.class);
        return format.equals(OutputFormat.text.name())
                || declared != null && Arrays.stream(declared.value()).anyMatch(f -> f.name().equals(format));
    }

    private static boolean matched(ParseResult parsed, String name) {
        for (ParseResult r = parsed; r != null; r = r.hasSubcommand() ? r.subcommand() : null) {
            if (r.hasMatchedOption(name)) {
                return true;
            }
        }
        return false;
    }

    private static ParseResult parse(Context context, List<String> args) {
        String[] a = args.toArray(String[]::new);
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        try {
            return Apitool.commandLine(context, sink, sink, a).parseArgs(a);
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }
}
