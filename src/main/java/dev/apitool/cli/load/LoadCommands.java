package dev.apitool.cli.load;

import dev.apitool.cli.Apitool;
import picocli.CommandLine;

/** The {@code apitool load} command, registered as a group of one (room for {@code load merge} later). */
public final class LoadCommands implements Apitool.Group {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public CommandLine build(String leaf) {
        return new CommandLine(new LoadCommand());
    }
}
