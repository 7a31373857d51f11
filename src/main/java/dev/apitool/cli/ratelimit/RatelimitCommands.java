package dev.apitool.cli.ratelimit;

import dev.apitool.cli.Apitool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apitool ratelimit} group. */
public final class RatelimitCommands implements Apitool.Group {

    @Command(name = "ratelimit", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Predict what rate limiters do to traffic, in virtual time.")
    static final class Ratelimit {}

    private static final Map<String, Supplier<Object>> LEAVES = new LinkedHashMap<>();

    static {
        LEAVES.put("simulate", RatelimitSimulate::new);
        LEAVES.put("generate", RatelimitGenerate::new);
    }

    @Override
    public String name() {
        return "ratelimit";
    }

    @Override
    public CommandLine build(String leaf) {
        return Apitool.Group.withLeaves(new Ratelimit(), LEAVES, leaf);
    }
}
