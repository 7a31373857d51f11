package dev.apitool.cli.pipeline;

import dev.apitool.core.io.Limit;
import dev.apitool.cli.BaseCommand;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.pipeline.Environment;
import dev.apitool.core.pipeline.Problems;
import dev.apitool.core.redact.Redact;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Parameters;

/** What every {@code pipeline} command shares: the SPEC argument, reading it, and printing its problems. */
abstract class SpecCommand extends BaseCommand {

    @Parameters(index = "0", paramLabel = "SPEC", description = "The pipeline spec (YAML, apiVersion: apitool/v1); - for standard input.")
    String spec;

    /** The spec's bytes and its name in messages. */
    record SpecBytes(byte[] bytes, String name) {}

    /** Returns the spec file's bytes. */
    SpecBytes read() {
        Inputs.Value v = inputs().readPathOrStdin(spec, "SPEC", Limit.CONFIG);
        return new SpecBytes(v.bytes(), spec.equals("-") ? "<stdin>" : spec);
    }

    /** Returns the environment a pipeline of this run gets: this run's inputs and clock, logs on stderr. */
    Environment environment() {
        PrintWriter err = err();
        return new Environment(inputs(), context().clock(), System::nanoTime, line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        });
    }

    /** Prints each problem as {@code apitool: error: FILE:LINE:COL: message} (or warning) on stderr. */
    void printProblems(List<Problems.Problem> problems) {
        for (Problems.Problem p : problems) {
            err().println(Redact.shown("apitool: " + (p.severity() == Problems.Severity.ERROR ? "error: " : "warning: ") + p.format()));
        }
        err().flush();
    }
}
