package dev.apitool.cli.load;

import dev.apitool.cli.Context;
import dev.apitool.cli.ScriptFormats;
import dev.apitool.core.http.Headers;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.load.plan.LoadTarget;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.load.plan.TargetsFile;
import dev.apitool.core.traffic.Scripts;
import dev.apitool.core.traffic.TargetSource;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** What {@code load} sends beyond one URL: a targets file and its order, and a new idempotency key per request. */
final class LoadTargetOptions {

    @Option(names = "--targets", paramLabel = "FILE",
            description = {"Send the requests of a targets file (- for stdin, with --targets-format): NDJSON (.ndjson, .jsonl), CSV or YAML,"
                + " one entry per request with method, url or path (appended to the URL argument), headers, body or bodyFile"
                + " (relative to the file); a ratelimit script works as is (t, key, cost, dur ignored).",
                "All targets must share one origin (scheme, host, port): load keeps one set of connections. Up to "
                + TargetsFile.MAX_TARGETS + " targets, each encoded once."})
    String file;

    @Option(names = "--targets-format", paramLabel = "FORMAT", completionCandidates = ScriptFormats.class,
            description = "Format of --targets when its name does not say: ${COMPLETION-CANDIDATES}.")
    Scripts.Format format;

    @Option(names = "--targets-order", paramLabel = "ORDER", defaultValue = "round-robin",
            completionCandidates = TargetOrders.class,
            description = "round-robin (default: with -n, each target gets its exact share) or random (reproducible with --seed).")
    String order;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of --targets-order random (default: chosen and named in the report).")
    Long seed;

    @Option(names = "--idempotency-key", paramLabel = "auto",
            description = "auto: send an Idempotency-Key header unique to each request (a UUID-shaped key, patched in place).")
    String idempotencyKey;

    /**
     * Returns the plan of the targets file, or null without {@code --targets}.
     *
     * @param base the URL argument, or null
     * @param method the method of entries that name none ({@code -X})
     * @param headers headers for every target that does not set them ({@code -H})
     * @param bodyGiven whether {@code --body} was given (refused with a targets file)
     */
    RequestPlan plan(URI base, String method, Headers headers, boolean bodyGiven, Inputs inputs, Context context) {
        RequestPlan.Order o = RequestPlan.Order.parse(order);
        if (file == null) {
            if (o != RequestPlan.Order.ROUND_ROBIN || seed != null || format != null) {
                throw new InputException((format != null ? "--targets-format" : seed != null ? "--seed" : "--targets-order")
                        + " applies to --targets: give a targets file too");
            }
            return null;
        }
        if (seed != null && o != RequestPlan.Order.RANDOM) {
            throw new InputException("--seed applies to --targets-order random");
        }
        if (bodyGiven) {
            throw new InputException("--body applies to the URL's one request: with --targets, give each target its body or bodyFile");
        }
        List<LoadTarget> targets;
        String name;
        if (file.equals("-")) {
            if (format == null) {
                throw new InputException("--targets -: say the format of standard input with --targets-format ndjson|csv|yaml");
            }
            name = "standard input";
            // through Inputs, so that a second '-' (--jwt-secret -, say) is told standard input is taken
            try (TargetSource source = Scripts.openTargets(inputs.takeStdin("--targets"), name, format)) {
                targets = TargetsFile.read(source, context.workDir(), base, method, headers);
            }
        } else {
            Path path = inputs.file(file, "--targets");
            name = file;
            try (TargetSource source = Scripts.openTargets(path, format)) {
                Path dir = path.toAbsolutePath().getParent();
                targets = TargetsFile.read(source, dir, base, method, headers);
            }
        }
        return RequestPlan.of(targets, name, o, seed);
    }

    /** Returns {@code plan} with an idempotency key per request when asked for. */
    RequestPlan idempotency(RequestPlan plan) {
        if (idempotencyKey == null) {
            return plan;
        }
        if (!idempotencyKey.equals("auto")) {
            throw new InputException("--idempotency-key '" + idempotencyKey + "': expected auto (a new key per request)");
        }
        return plan.withIdempotencyKey();
    }
}
