package dev.apitool.cli.ratelimit;

import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ScriptFormats;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.ratelimit.HeaderProfile;
import dev.apitool.core.ratelimit.Limiter;
import dev.apitool.core.ratelimit.StateStore;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.sim.HtmlReporter;
import dev.apitool.core.ratelimit.sim.JsonReporter;
import dev.apitool.core.ratelimit.sim.Simulation;
import dev.apitool.core.ratelimit.sim.TextReporter;
import dev.apitool.core.ratelimit.sim.TextTraceWriter;
import dev.apitool.core.ratelimit.sim.TraceWriter;
import dev.apitool.core.ratelimit.store.Stores;
import dev.apitool.core.traffic.Generators;
import dev.apitool.core.traffic.RequestSource;
import dev.apitool.core.traffic.Scripts;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = PolicyHelp.class,
        description = "Run a request script (or generated traffic) through rate-limit policies side by side, in virtual time.",
        footer = {"", "Examples:",
            "  apitool ratelimit simulate --policy token-bucket:capacity=5,rate=2/s --script requests.ndjson",
            "  apitool ratelimit simulate --policy token-bucket:capacity=10,rate=1/s --policy fixed-window:limit=10,window=10s \\",
            "      --policy sliding-window:limit=10,window=10s --generate burst:size=15,every=5s,duration=60s",
            "  apitool ratelimit simulate --policy fixed-window:limit=100,window=1m --script r.csv --trace --output json | jq ."})
@Formats({OutputFormat.text, OutputFormat.json})
final class RatelimitSimulate extends BaseCommand {

    static final class Traffic {
        @Option(names = "--script", paramLabel = "FILE", description = "Request script: .ndjson/.jsonl, .csv or .yaml; - for stdin (with --format).")
        String script;

        @Option(names = "--generate", paramLabel = "SPEC", description = "Generated traffic, e.g. constant:rate=50/s,duration=60s or poisson:…,keys=100,dist=zipf,seed=1 or burst:size=20,every=10s,duration=60s.")
        String generate;
    }

    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "A policy, NAME:PARAM=VALUE,… (repeatable: one column each).")
    List<String> policies = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Traffic traffic;

    @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = ScriptFormats.class,
            description = "Script format when the file name does not say: ${COMPLETION-CANDIDATES}.")
    Scripts.Format format;

    @Option(names = "--trace", description = "One line per request per policy (with --output json: NDJSON, the documented trace shape).")
    boolean trace;

    @Option(names = "--headers", paramLabel = "PROFILE", defaultValue = "ietf", converter = HeaderProfileConverter.class,
            description = "Rate-limit headers in traces: ietf, ietf-legacy or x-ratelimit (default ${DEFAULT-VALUE}).")
    HeaderProfile headers;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report with charts.")
    String html;

    @Option(names = "--store", paramLabel = "STORE", defaultValue = "memory", description = "Where limiter state lives: memory (default) or redis://HOST:PORT.")
    String store;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Mixin
    MaxEventsOption generated;

    @Override
    protected ExitCode run() {
        files.reads(context(), "--script " + traffic.script, traffic.script);
        OutputFile htmlFile = html == null ? null : files.report(context(), html, "--html");
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        List<Limiter> limiters = new ArrayList<>();
        HashSet<String> seen = new HashSet<>();
        StateStore state = Stores.forSimulation(store);
        try {
            for (String p : policies) {
                Limiter l = Limiter.of(Registry.parse(p), state);
                if (!seen.add(l.policy().spec())) {
                    throw new InputException("--policy " + p + " is given twice");
                }
                limiters.add(l);
            }
            Simulation.Result result;
            try (RequestSource source = open()) {
                Simulation.Listener listener = null;
                TraceWriter json = null;
                if (trace) {
                    listener = output() == OutputFormat.json ? (json = new TraceWriter(out(), headers)) : new TextTraceWriter(out(), headers);
                }
                try {
                    result = Simulation.run(source, limiters, listener);
                } finally {
                    if (json != null) {
                        json.close(); // the lines traced before a malformed entry stay whole
                    }
                }
            }
            if (output() == OutputFormat.json && !trace) {
                new JsonReporter(out()).print(result);
            } else if (output() == OutputFormat.text) {
                if (trace) {
                    out().println();
                }
                new TextReporter(out()).print(result);
            }
            if (htmlFile != null) {
                StringWriter page = new StringWriter();
                new HtmlReporter(new PrintWriter(page)).print(result);
                htmlFile.write(page.toString());
            }
            ReportOptions.write(written, f -> {
                StringWriter doc = new StringWriter();
                new JsonReporter(new PrintWriter(doc)).print(result);
                return doc.toString();
            });
        } finally {
            state.close();
        }
        return ExitCode.OK;
    }

    private RequestSource open() {
        if (traffic.generate != null) {
            return Generators.parse(traffic.generate, generated.maxEvents);
        }
        if (traffic.script.equals("-")) {
            if (format == null) {
                throw new InputException("--script -: say the format of standard input with --format ndjson|csv|yaml");
            }
            // streamed like a file, never read whole: a piped script of millions of lines fits in a small heap
            return Scripts.open(context().stdin().get(), "standard input", format);
        }
        return Scripts.open(inputs().file(traffic.script, "--script"), format);
    }
}
