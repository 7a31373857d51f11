package dev.apitool.cli.shell;

import dev.apitool.cli.Apitool;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apitool shell}: every command in one session, with settings and background jobs. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"An interactive shell over every command (without the 'apitool' prefix), with background jobs (COMMAND &),",
            "settings (set url http://127.0.0.1:8080) and history in ~/.apitool_history (secrets masked).",
            "Piped input runs its lines in order and exits with the first failure's code."})
public final class ShellCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--keep-going", description = "With piped input, run every line even after one fails (the exit code is still the first failure's).")
    boolean keepGoing;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        return Shells.run(((Apitool) spec.root().userObject()).context(), cl.getOut(), cl.getErr(), keepGoing);
    }

    /** The group entry that adds this command to the root. */
    public static final class Group implements Apitool.Group {
        @Override
        public String name() {
            return "shell";
        }

        @Override
        public CommandLine build(String leaf) {
            return new CommandLine(new ShellCommand());
        }
    }
}
