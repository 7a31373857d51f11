package dev.apitool.cli.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.json.Json;
import dev.apitool.core.pipeline.Pipeline;
import dev.apitool.core.pipeline.Problems;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Formats({OutputFormat.text, OutputFormat.json})
@Command(name = "routes", mixinStandardHelpOptions = true,
        description = {"List a spec's routes in spec order, one per line: METHOD PATH -> NAME.",
            "Reads the spec only: builds no service and connects to nothing."},
        footer = {"", "Examples:", "  apitool pipeline routes examples/pipeline/users.yaml",
            "  apitool pipeline routes examples/pipeline/users.yaml --chain"})
final class PipelineRoutes extends SpecCommand {

    @Option(names = "--chain", description = "Also print each route's middleware chain, outermost first (as --verbose does).")
    boolean chain;

    @Override
    protected ExitCode run() {
        SpecBytes s = read();
        List<Problems.Problem> problems = new ArrayList<>();
        List<Pipeline.RouteInfo> routes = Pipeline.routes(s.bytes(), s.name(), environment(), problems);
        if (problems.stream().anyMatch(p -> p.severity() == Problems.Severity.ERROR)) {
            printProblems(problems);
            return ExitCode.USAGE;
        }
        if (output() == OutputFormat.json) {
            ObjectNode o = Json.object();
            o.put("schemaVersion", 1);
            o.put("spec", s.name());
            ArrayNode list = o.putArray("routes");
            for (Pipeline.RouteInfo r : routes) {
                ObjectNode item = list.addObject().put("method", r.method()).put("path", r.path()).put("name", r.name())
                        .put("handler", r.handler());
                ArrayNode c = item.putArray("middleware");
                r.chain().forEach(c::add);
            }
            out().println(Json.pretty(o));
            return ExitCode.OK;
        }
        for (Pipeline.RouteInfo r : routes) {
            out().println(r.method() + " " + r.path() + " -> " + r.name());
            if (chain || verbose()) {
                out().println("    " + (r.chain().isEmpty() ? "(no middleware)" : String.join(" -> ", r.chain())) + " -> "
                        + r.handler());
            }
        }
        return ExitCode.OK;
    }
}
