package dev.apitool.cli.load;

import dev.apitool.cli.Apitool;
import picocli.CommandLine;

/**
 * The {@code apitool load} command: a run ({@code apitool load URL ...}) that also holds the
 * {@code merge} subcommand. picocli takes a first positional word that names a subcommand as that
 * subcommand, so {@code load merge a.hlog} merges while {@code load http://...} runs.
 */
public final class LoadCommands implements Apitool.Group {

    @Override
    public String name() {
        return "load";
    }

    @Override
    public CommandLine build(String leaf) {
        return new CommandLine(new LoadCommand()).addSubcommand("merge", new CommandLine(new LoadMergeCommand()));
    }
}
