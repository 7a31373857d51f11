package dev.apitool.cli.jwt;

import dev.apitool.cli.Apitool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apitool jwt} group: its leaves, built only when a run needs them. */
public final class JwtCommands implements Apitool.Group {

    @Command(name = "jwt", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Issue, verify and decode JSON Web Tokens (JWS compact form); generate keys.")
    static final class Jwt {}

    private static final Map<String, Supplier<Object>> LEAVES = new LinkedHashMap<>();

    static {
        LEAVES.put("sign", JwtSign::new);
        LEAVES.put("verify", JwtVerify::new);
        LEAVES.put("decode", JwtDecode::new);
        LEAVES.put("keygen", JwtKeygen::new);
    }

    @Override
    public String name() {
        return "jwt";
    }

    @Override
    public CommandLine build(String leaf) {
        return Apitool.Group.withLeaves(new Jwt(), LEAVES, leaf);
    }
}
