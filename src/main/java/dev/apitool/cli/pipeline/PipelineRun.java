package dev.apitool.cli.pipeline;

import dev.apitool.core.io.Limit;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.ServerRequest;
import dev.apitool.core.io.InputException;
import dev.apitool.core.json.Json;
import dev.apitool.core.pipeline.Pipeline;
import dev.apitool.core.pipeline.Problems;
import dev.apitool.core.pipeline.Responses;
import dev.apitool.core.pipeline.Runner;
import dev.apitool.core.pipeline.SpecException;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.traffic.Request;
import dev.apitool.core.traffic.RequestSource;
import dev.apitool.core.traffic.Scripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Formats({OutputFormat.text, OutputFormat.json})
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run requests through a pipeline in-process (no sockets) and print each response.",
            "--trace prints the onion: each middleware on the way in, the handler, each on the way out.",
            "Secrets are masked in the trace (Bearer ***)."},
        footer = {"", "Examples:", "  apitool pipeline run examples/pipeline/users.yaml GET /users --trace",
            "  apitool pipeline run examples/pipeline/users.yaml POST /users --body '{\"name\": \"Alice\"}'",
            "  apitool pipeline run examples/pipeline/users.yaml --requests traffic.ndjson"})
final class PipelineRun extends SpecCommand {

    /** Requests read from a script, at most. */
    private static final int MAX_REQUESTS = 100_000;

    @Parameters(index = "1", arity = "0..1", paramLabel = "METHOD", description = "The method, e.g. GET.")
    String method;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PATH", description = "The path with an optional query, e.g. /users?page=2.")
    String path;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Add a request header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT|@FILE|-", description = "Request body: text, @file, or - for standard input.")
    String body;

    @Option(names = "--requests", paramLabel = "FILE",
            description = "Run every request of a request script (NDJSON, CSV or YAML; method and path per line) instead.")
    String requests;

    @Option(names = "--trace", description = "Print the onion's trace before each response.")
    boolean trace;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Wait.class,
            description = "Longest wait for one response (default 10s).")
    Duration timeout;

    @Override
    protected ExitCode run() {
        List<ServerRequest> list = requests();
        Duration wait = timeout == null ? Duration.ofSeconds(10) : timeout;
        SpecBytes s = read();
        List<Problems.Problem> warnings = new ArrayList<>();
        List<Runner.Result> results = new ArrayList<>();
        try (Pipeline p = Pipeline.load(s.bytes(), s.name(), environment(), warnings)) {
            printProblems(warnings);
            for (ServerRequest r : list) {
                results.add(Runner.run(p, r, trace, wait));
            }
        } catch (SpecException e) {
            printProblems(e.problems());
            return ExitCode.USAGE;
        }
        if (output() == OutputFormat.json) {
            ObjectNode o = Json.object();
            o.put("schemaVersion", 1);
            o.put("spec", s.name());
            ArrayNode arr = o.putArray("responses");
            for (Runner.Result r : results) {
                ObjectNode item = arr.addObject().put("method", r.method()).put("target", Redact.target(r.target())).put("status", r.response().status());
                ObjectNode h = item.putObject("headers");
                r.response().headers().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
                var json = Responses.parse(r.response().body());
                if (json != null) {
                    item.set("body", json);
                } else {
                    item.put("body", new String(r.response().body(), StandardCharsets.UTF_8));
                }
                if (trace) {
                    ArrayNode t = item.putArray("trace");
                    r.trace().forEach(t::add);
                }
            }
            out().println(Json.pretty(o));
            return ExitCode.OK;
        }
        boolean first = true;
        for (Runner.Result r : results) {
            if (!first) {
                out().println();
            }
            first = false;
            r.trace().forEach(out()::println);
            out().println("HTTP " + r.response().status());
            r.response().headers().forEach((k, v) -> out().println(k + ": " + v));
            out().println();
            if (r.response().body().length > 0) {
                out().println(new String(r.response().body(), StandardCharsets.UTF_8));
            }
        }
        return ExitCode.OK;
    }

    private List<ServerRequest> requests() {
        if (requests != null) {
            if (method != null || !headers.isEmpty() || body != null) {
                throw new InputException("--requests runs a script: give no METHOD, PATH, -H or --body with it");
            }
            Path file = inputs().file(requests, "--requests");
            Scripts.Format format = Scripts.formatOf(file.getFileName().toString());
            if (format == null) {
                throw new InputException("--requests " + requests + ": expected a .ndjson, .jsonl, .csv or .yaml script");
            }
            List<ServerRequest> out = new ArrayList<>();
            try (RequestSource src = Scripts.open(file, format)) {
                Request r;
                while ((r = src.next()) != null) {
                    if (out.size() >= MAX_REQUESTS) {
                        throw new InputException("--requests " + requests + ": more than " + MAX_REQUESTS + " requests");
                    }
                    out.add(Runner.request(r.method() == null ? "GET" : r.method(), r.path() == null ? "/" : r.path(),
                            Headers.EMPTY, new byte[0]));
                }
            }
            return out;
        }
        if (method == null || path == null) {
            throw new InputException("give METHOD and PATH (e.g. GET /users), or --requests FILE");
        }
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]{1,16}")) {
            throw new InputException("METHOD '" + method + "': expected a method such as GET or POST");
        }
        Headers h = Headers.EMPTY;
        for (String line : headers) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new InputException("-H: expected 'Name: value'");
            }
            try {
                h = h.with(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new InputException("-H: " + e.getMessage());
            }
        }
        byte[] b = body == null ? new byte[0] : inputs().resolve(body, "--body", false, Limit.BODY).bytes();
        if (b.length > 0 && !h.contains("Content-Type")) {
            h = h.with("Content-Type", "application/json");
        }
        return List.of(Runner.request(m, path, h, b));
    }
}
