package dev.apitool.cli.pipeline;

import dev.apitool.cli.Apitool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apitool pipeline} group. */
public final class PipelineCommands implements Apitool.Group {

    @Command(name = "pipeline", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Check, list, run and serve API middleware pipelines from a YAML spec (apiVersion: apitool/v1).")
    static final class Pipeline {}

    private static final Map<String, Supplier<Object>> LEAVES = new LinkedHashMap<>();

    static {
        LEAVES.put("check", PipelineCheck::new);
        LEAVES.put("routes", PipelineRoutes::new);
        LEAVES.put("run", PipelineRun::new);
        LEAVES.put("serve", PipelineServe::new);
    }

    @Override
    public String name() {
        return "pipeline";
    }

    @Override
    public CommandLine build(String leaf) {
        return Apitool.Group.withLeaves(new Pipeline(), LEAVES, leaf);
    }
}
