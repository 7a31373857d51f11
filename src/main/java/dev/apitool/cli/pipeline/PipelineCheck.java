package dev.apitool.cli.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.json.Json;
import dev.apitool.core.pipeline.Pipeline;
import dev.apitool.core.pipeline.Problems;
import java.util.List;
import picocli.CommandLine.Command;

@Formats({OutputFormat.text, OutputFormat.json})
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a pipeline spec like a compiler: every problem at once, each FILE:LINE:COL: message.",
            "Unknown keys (with did-you-mean), wrong types, duplicate or shadowed routes, unknown middleware or",
            "services, bad keys, an unreachable Redis; and warnings about legal but wrong orderings.",
            "Exit 0 when the spec has no errors (warnings allowed), 2 when it has any."},
        footer = {"", "Example:", "  apitool pipeline check examples/pipeline/users.yaml"})
final class PipelineCheck extends SpecCommand {

    @Override
    protected ExitCode run() {
        SpecBytes s = read();
        Problems problems = Pipeline.check(s.bytes(), s.name(), environment());
        List<Problems.Problem> all = problems.all();
        int errors = problems.errors().size();
        int warnings = all.size() - errors;
        if (output() == OutputFormat.json) {
            ObjectNode o = Json.object();
            o.put("schemaVersion", 1);
            o.put("spec", s.name());
            o.put("valid", errors == 0);
            o.put("errors", errors);
            o.put("warnings", warnings);
            ArrayNode list = o.putArray("problems");
            for (Problems.Problem p : all) {
                list.addObject().put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT)).put("file", p.file())
                        .put("line", p.line()).put("column", p.column()).put("message", p.message());
            }
            out().println(Json.pretty(o));
        } else {
            printProblems(all);
            out().println(s.name() + ": " + (errors == 0 ? "ok" : errors + " error" + (errors == 1 ? "" : "s"))
                    + (warnings == 0 ? "" : ", " + warnings + " warning" + (warnings == 1 ? "" : "s")));
        }
        return errors == 0 ? ExitCode.OK : ExitCode.USAGE;
    }
}
