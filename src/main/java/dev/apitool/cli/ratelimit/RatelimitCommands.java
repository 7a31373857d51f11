package dev.apitool.cli.ratelimit;

import dev.apitool.cli.Apitool;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apitool ratelimit} group. */
public final class RatelimitCommands implements Apitool.Group {

    @Command(name = "ratelimit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Predict what rate limiters do to traffic, in virtual time.")
    static final class Ratelimit {}

    @Override
    public String name() {
        return "ratelimit";
    }

    @Override
    public CommandLine build(String leaf) {
        CommandLine group = new CommandLine(new Ratelimit());
        if (leaf == null || !leaf.equals("generate")) {
            group.addSubcommand("simulate", new CommandLine(new RatelimitSimulate()));
        }
        if (leaf == null || !leaf.equals("simulate")) {
            group.addSubcommand("generate", new CommandLine(new RatelimitGenerate()));
        }
        return group;
    }
}
