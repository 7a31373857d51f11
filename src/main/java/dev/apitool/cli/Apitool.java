package dev.apitool.cli;

import dev.apitool.cli.health.HealthCommands;
import dev.apitool.cli.idempotency.IdempotencyCommands;
import dev.apitool.cli.jwt.JwtCommands;
import dev.apitool.cli.load.LoadCommands;
import dev.apitool.cli.pipeline.PipelineCommands;
import dev.apitool.cli.ratelimit.RatelimitCommands;
import dev.apitool.cli.shell.ShellCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The root command. {@link #commandLine} is the one factory that {@code main}, the REPL and the
 * tests use: it wires the output writers, the exit-code mapping and the error handlers once.
 */
@Command(name = "apitool",
        mixinStandardHelpOptions = true,
        versionProvider = Apitool.Version.class,
        description = "A command-line toolkit and load tester for people who build and run HTTP APIs.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the check ran and failed: a token that does not verify, unhealthy, ...",
            "  2  usage or input error: a bad flag, a malformed key, config or script",
            "  3  degraded (health, when asked to fail on it)",
            "  4  internal error",
            "  130  interrupted by Ctrl-C (load prints its report first)"
        })
public final class Apitool {

    /** A subcommand group: its name and how to add it (all of it, or only the leaf a run needs). */
    public interface Group {
        String name();

        /** Returns the group's command line with every leaf, or only {@code leaf} when it names one. */
        CommandLine build(String leaf);

        /** Returns {@code group} with the leaves of {@code leaves} (in order), or only {@code leaf} when it names one. */
        static CommandLine withLeaves(Object group, Map<String, Supplier<Object>> leaves, String leaf) {
            CommandLine cl = new CommandLine(group);
            boolean known = leaves.containsKey(leaf);
            for (Map.Entry<String, Supplier<Object>> e : leaves.entrySet()) {
                if (!known || e.getKey().equals(leaf)) {
                    cl.addSubcommand(e.getKey(), new CommandLine(e.getValue().get()));
                }
            }
            return cl;
        }
    }

    private static final List<Group> GROUPS = List.of(new JwtCommands(), new RatelimitCommands(), new LoadCommands(), new HealthCommands(),
            new PipelineCommands(), new IdempotencyCommands(), new ShellCommand.Group());

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Print stack traces and more detail on errors.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "Never colour output (also: NO_COLOR set in the environment).")
    boolean noColor;

    /** The run's {@code --output}: every command's copy of the option sets it ({@link OutputOption}). */
    OutputFormat output = OutputFormat.text;

    private final Context context;

    private Apitool(Context context) {
        this.context = context;
    }

    public Context context() {
        return context;
    }

    /** Runs apitool with {@code args} and returns the exit code. */
    public static int run(Context context, PrintWriter out, PrintWriter err, String... args) {
        try {
            if (args.length == 0) {
                return noArguments(context, out, err);
            }
            return commandLine(context, out, err, args).execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * What a bare {@code apitool} does, decided here and only here: the short usage with the list of
     * commands on stderr and exit 2, as for any other usage error (a script that runs {@code apitool}
     * with no arguments has a bug). When {@code context.interactive()} (a person at a terminal) the shell opens instead.
     */
    static int noArguments(Context context, PrintWriter out, PrintWriter err) {
        if (context.interactive()) {
            return commandLine(context, out, err, "shell").execute("shell");
        }
        CommandLine cl = commandLine(context, err, err);
        CommandLine.Help help = cl.getHelp();
        err.print(help.synopsisHeading());
        err.print(help.synopsis(0));
        err.print(help.commandListHeading());
        err.print(help.commandList());
        err.println(Errors.PREFIX + "error: no command given (see 'apitool --help')");
        return ExitCode.USAGE.code();
    }

    /**
     * Returns the command line for a run with {@code args}: only the group and leaf those name are
     * built (picocli builds a command's model by reflection, which costs start-up time), none for
     * a bare {@code --version}, or the whole tree when they name none.
     */
    public static CommandLine commandLine(Context context, PrintWriter out, PrintWriter err, String... args) {
        String[] words = commandWords(args);
        boolean known = GROUPS.stream().anyMatch(g -> g.name().equals(words[0]));
        boolean versionOnly = words[0] == null && args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
        Apitool root = new Apitool(context);
        CommandLine cl = new CommandLine(root);
        for (Group g : GROUPS) {
            if (!versionOnly && (!known || g.name().equals(words[0]))) {
                cl.addSubcommand(g.name(), g.build(known ? words[1] : null));
            }
        }
        OutputOption.addTo(cl, f -> root.output = f);
        Errors errors = new Errors();
        cl.setUsageHelpAutoWidth(true); // the terminal's width; 80 columns when it cannot be told
        Examples.keepWhole(cl);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExpandAtFiles(false); // @FILE is apitool's own convention for values (secrets, bodies, payloads)
        cl.setExecutionExceptionHandler(errors);
        cl.setParameterExceptionHandler(errors);
        cl.setExitCodeExceptionMapper(errors);
        return cl;
    }

    /** Returns the whole command tree (completion scripts, documentation). */
    public static CommandLine fullCommandLine() {
        return commandLine(Context.system(), new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** Returns the first two words of {@code args} that are not options, or nulls. */
    private static String[] commandWords(String[] args) {
        String[] words = new String[2];
        int n = 0;
        for (String a : args) {
            if (a.startsWith("-")) {
                if (n == 0) {
                    return words;
                }
                break;
            }
            words[n++] = a;
            if (n == 2) {
                break;
            }
        }
        return words;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Apitool.class.getResourceAsStream("/dev/apitool/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"apitool " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
