package dev.apitool.cli.ratelimit;

import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.core.io.OutputFile;
import dev.apitool.core.io.InputException;
import dev.apitool.core.traffic.Generators;
import dev.apitool.core.traffic.RequestSource;
import dev.apitool.core.traffic.ScriptWriter;
import dev.apitool.core.traffic.Scripts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write generated traffic as a request script (NDJSON or CSV, by the file name).",
            "Shapes: constant:rate=R,duration=D  poisson:rate=R,duration=D  burst:size=N,every=D,duration=D;",
            "all take keys=N, dist=uniform|zipf, s=EXPONENT, seed=N, cost=N, dur=D."},
        footer = {"", "Example:", "  apitool ratelimit generate poisson:rate=50/s,duration=60s,keys=100,dist=zipf,seed=7 --out traffic.ndjson"})
final class RatelimitGenerate extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "What to generate.")
    String spec;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The script to write (.ndjson, .jsonl or .csv); - for stdout (NDJSON).")
    String out;

    @Mixin
    FileOptions files;

    @Mixin
    MaxEventsOption generated;

    @Override
    protected ExitCode run() {
        try (RequestSource source = Generators.parse(spec, generated.maxEvents)) {
            if (out.equals("-")) {
                ScriptWriter.write(source, Scripts.Format.NDJSON, out());
                out().flush();
                return ExitCode.OK;
            }
            Scripts.Format format = Scripts.formatOf(inputs().file(out, "--out").getFileName().toString());
            if (format == null || format == Scripts.Format.YAML) {
                throw new InputException("--out " + out + ": write .ndjson, .jsonl or .csv (YAML is for small hand-written scripts)");
            }
            OutputFile file = files.report(context(), out, "--out");
            long n;
            try (OutputFile.Sink sink = file.open()) {
                Writer w = new BufferedWriter(new OutputStreamWriter(sink.stream(), StandardCharsets.UTF_8), 1 << 16);
                n = ScriptWriter.write(source, format, w);
                w.flush();
                sink.commit();
            } catch (IOException e) {
                throw new InputException("--out: cannot write " + out + ": " + e.getMessage(), e);
            }
            err().println("apitool: wrote " + n + " requests to " + out);
        }
        return ExitCode.OK;
    }
}
