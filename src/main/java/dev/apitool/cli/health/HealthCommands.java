package dev.apitool.cli.health;

import dev.apitool.cli.Apitool;
import picocli.CommandLine;

/** The {@code apitool health} command: a group of one, whose leaf is the command itself. */
public final class HealthCommands implements Apitool.Group {

    @Override
    public String name() {
        return "health";
    }

    @Override
    public CommandLine build(String leaf) {
        return new CommandLine(new HealthCommand()); // a second word is a URL, not a leaf
    }
}
