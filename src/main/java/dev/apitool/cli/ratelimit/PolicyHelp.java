package dev.apitool.cli.ratelimit;

import dev.apitool.core.ratelimit.policy.Registry;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Adds to {@code ratelimit simulate}'s description one line per policy with the parameters the policy
 * registry declares for it, so help lists exactly what {@code --policy} accepts.
 */
public final class PolicyHelp implements IModelTransformer {

    @Override
    public CommandSpec transform(CommandSpec spec) {
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().description()));
        lines.addAll(lines());
        spec.usageMessage().description(lines.toArray(String[]::new));
        return spec;
    }

    /** Returns the heading and one line per policy: its name and its parameters, in the registry's order. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Policies (--policy NAME:PARAM=VALUE,…) and their parameters:");
        int width = Registry.algorithms().stream().mapToInt(String::length).max().orElse(0);
        for (String algorithm : Registry.algorithms()) {
            lines.add(String.format("  %-" + width + "s  %s", algorithm, String.join(", ", Registry.parameters(algorithm))));
        }
        return lines;
    }
}
