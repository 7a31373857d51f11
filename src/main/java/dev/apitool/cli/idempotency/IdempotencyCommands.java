package dev.apitool.cli.idempotency;

import dev.apitool.cli.Apitool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apitool idempotency} group. */
public final class IdempotencyCommands implements Apitool.Group {

    @Command(name = "idempotency", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Check how an API handles Idempotency-Key (IETF draft or Stripe rules).")
    static final class Idempotency {}

    private static final Map<String, Supplier<Object>> LEAVES = new LinkedHashMap<>();

    static {
        LEAVES.put("replay", IdempotencyReplay::new);
    }

    @Override
    public String name() {
        return "idempotency";
    }

    @Override
    public CommandLine build(String leaf) {
        return Apitool.Group.withLeaves(new Idempotency(), LEAVES, leaf);
    }
}
