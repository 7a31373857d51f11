package dev.apitool.cli.load;

import dev.apitool.cli.jwt.ClaimOptions;
import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.core.json.Json;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.RequestOptions;
import dev.apitool.core.http.ConnectOptions;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.Urls;
import dev.apitool.core.io.InputException;
import dev.apitool.core.load.FileLimits;
import dev.apitool.core.load.LoadReport;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.expr.StatusSet;
import dev.apitool.core.load.Threshold;
import dev.apitool.core.load.plan.RequestPlan;
import dev.apitool.core.load.plan.Stages;
import dev.apitool.core.load.report.JsonReporter;
import dev.apitool.core.load.report.TextReporter;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Rates;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Send HTTP load to one URL (or the requests of a targets file, on one origin) and report throughput, latency percentiles (HdrHistogram, µs), status codes and errors by kind.",
            "Closed model (default): -c connections, each sending its next request when the last response arrives.",
            "Open model (--rate): a constant global rate; latency is measured from each request's intended start,"
                + " so a stalled server shows in the percentiles (no coordinated omission).",
            "Open model with ramps (--stages): the rate moves linearly from stage to stage, connections kept throughout.",
            "A warm-up (the first min(1s, 10%%) of -d, or 5%% of -n) is left out of the statistics; it counts toward -n and -d.",
            "HTTP/1.1 over http:// or https:// (TLS on the JDK, certificates and host names verified unless --insecure;"
                + " the handshake counts in connect time and a failed one is a connect error). HTTP/2 is not yet supported.",
            "Each request must end within --timeout (default 10s), connect to last byte.",
            "Connects directly: HTTP_PROXY, HTTPS_PROXY and NO_PROXY are ignored (a load test through a proxy measures the proxy)."},
        modelTransformer = ClaimOptions.Installer.class,
        footer = {"", "Examples:",
            "  apitool load http://localhost:8080/ -c 50 -d 30s",
            "  apitool load https://api.test:8443/health --cacert ca.pem --resolve api.test:8443:10.0.0.5 -n 10000",
            "  apitool load http://localhost:8080/orders --rate 2000/s -d 1m --threshold 'p99<250ms' --threshold 'errors<1%%'",
            "  apitool load http://localhost:8080/ --stages 10s:100/s,30s:1000/s,10s:0/s",
            "  apitool load http://localhost:8080/orders -X POST -H 'Content-Type: application/json' --body @order.json -n 10000",
            "  apitool load http://localhost:8080/api --targets targets.ndjson --targets-order random --seed 7 -d 30s",
            "  apitool load http://localhost:8080/orders -X POST --body @order.json --idempotency-key auto --jwt-secret env:JWT_SECRET --jwt-sub load",
            "  apitool load http://localhost:8080/ --rate 500/s -d 1m --hdr-log run.hlog --html run.html",
            "", "Thresholds: METRIC<VALUE or METRIC>VALUE (also <=, >=) with METRIC one of " + Threshold.NAMES + ".",
            "Exit 1 when a threshold is breached or no request succeeded; 2 for bad flags or too low an open-file limit."})
@Formats({OutputFormat.text, OutputFormat.json})
final class LoadCommand extends BaseCommand implements ClaimOptions.Holder {

    /** {@code --timeout} when not given, as the help says. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The longest -d and --max-duration accepted: a year, far past any load test and far from overflowing nanoseconds. */
    static final Duration MAX_DURATION = Duration.ofDays(365);

    /** Reads {@code -d} and {@code --max-duration}: 1ms to {@link #MAX_DURATION}. */
    public static final class RunDuration extends Converters.RangedDuration {
        public RunDuration() {
            super(Duration.ofMillis(1), MAX_DURATION);
        }
    }

    // Optional to picocli so that 'load merge' (a subcommand) is not refused for want of a URL; required by run().
    @Parameters(index = "0", arity = "0..1", paramLabel = "URL",
            description = "The target, http(s)://HOST[:PORT]/PATH[?QUERY]; with --targets, optional: the base URL of the targets' paths.")
    String url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", defaultValue = "10",
            description = "Connections: closed model, each with one request in flight; open model, opened before the first request (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", paramLabel = "RATE", description = "Open model: the global rate, e.g. 2000/s or 6000/m (never per connection).")
    String rate;

    @Option(names = "--stages", paramLabel = "STAGES",
            description = "Open model with ramps: DURATION:RATE,... each stage linear from the last one's rate (the first from 0/s)"
                + " to its own; 0s jumps, e.g. 0s:500/s,30s:500/s. -d defaults to their sum and may only shorten it.")
    String stages;

    @Option(names = "--max-in-flight", paramLabel = "N",
            description = "Open model: at most N requests in flight (and connections); later requests wait, counted late (default: max(-c, 256)).")
    Integer maxInFlight;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", description = "Stop after N requests in total (warm-up included).")
    Long requests;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = RunDuration.class,
            description = "Stop after this long, e.g. 30s, 2m (default: 10s when -n is not given; with both, whichever comes first).")
    Duration duration;

    @Option(names = "--max-duration", paramLabel = "DURATION", defaultValue = "10m", converter = RunDuration.class,
            description = "A -n run without -d stops after this long even if its requests are not all sent (default: ${DEFAULT-VALUE}).")
    Duration maxDuration;

    @Option(names = "--threads", paramLabel = "N", description = "Event loops (default: one per core, no more than the connections).")
    Integer threads;

    @Option(names = "--warmup", paramLabel = "auto|none|DURATION", defaultValue = "auto",
            description = "Warm-up left out of the statistics (default: ${DEFAULT-VALUE}, the first min(1s, 10%%) of -d or 5%% of -n).")
    String warmup;

    @Option(names = "--threshold", paramLabel = "COND", description = "Fail (exit 1) unless COND holds, e.g. 'p99<250ms', 'errors<1%%', 'rps>500' (repeatable).")
    List<String> thresholds = new ArrayList<>();

    @Option(names = "--ok-status", paramLabel = "CODES", description = "Statuses that count as success, e.g. 200-299,404 or 2xx (default: below 400).")
    String okStatus;

    @Option(names = "--service-time", description = "Also show the uncorrected service time (from the actual send) in the text report.")
    boolean serviceTime;

    @Mixin
    RequestOptions request;

    @Mixin
    LoadTargetOptions targets;

    @Mixin
    LoadJwtOptions jwt;

    /** What the run sends, when more than the URL's one request: a targets file, per-request parts. */
    private RequestPlan plan;

    @Mixin
    LoadOutputOptions outputs;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Override
    public ClaimOptions claimOptions() {
        return jwt.claims;
    }

    @Override
    protected ExitCode run() {
        List<Threshold> checks;
        LoadSpec spec;
        // user input errors arrive as InputException (exit 2); an IllegalArgumentException here is a bug (exit 4)
        checks = LoadVerdict.thresholds(thresholds);
        spec = spec();
        LoadVerdict.checkModel(checks, spec.open());
        plan = jwt.apply(targets.idempotency(plan != null ? plan : RequestPlan.single(spec)), inputs(), context().clock(), this::warn);
        checkFileLimit(spec);
        files.reads(context(), "--targets " + targets.file, targets.file);
        files.reads(context(), "--body @" + request.bodyFile(), request.bodyFile());
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        LoadReport report;
        RuntimeException filesFailed = null;
        try (LoadOutputOptions.Session session = outputs.start(context(), err(), files)) {
            report = new LoadRun(spec, plan, session.listener(), context().ctrlC()).call();
            try {
                session.finish(report, checks);
                ReportOptions.write(written, f -> Json.pretty(JsonReporter.document(report, checks)) + "\n");
            } catch (RuntimeException e) {
                filesFailed = e; // the run happened: its report still goes out, then the error
            }
        }
        if (output() == OutputFormat.json) {
            new JsonReporter(out()).print(report, checks);
        } else {
            new TextReporter(out(), serviceTime).print(report, checks);
        }
        if (filesFailed != null) {
            throw filesFailed;
        }
        return LoadVerdict.of(report, checks);
    }

    private LoadSpec spec() {
        URI target = null;
        if (Urls.lacksScheme(url)) {
            throw new InputException(Urls.missingScheme(url));
        }
        try {
            target = url == null ? null : Urls.requireValidPort(new URI(url));
        } catch (URISyntaxException e) {
            throw new InputException("invalid URL '" + url + "': " + e.getReason());
        }
        Headers headers = request.headers();
        byte[] body = request.body(inputs());
        String method = request.method() == null ? "GET" : request.method();
        plan = targets.plan(target, method, headers, body != null, inputs(), context());
        method = plan != null ? plan.methods() : method;
        if (target == null && plan == null) {
            throw new InputException("no URL: give the target URL, or --targets FILE");
        }
        target = target != null ? target : plan.origin();
        ConnectOptions connect = ConnectOptions.of(request.direct(inputs()).build());
        Rates.Rate r = rate();
        Stages ramps = stages();
        if (ramps != null && r != null) {
            throw new InputException("--stages and --rate exclude each other: give one (0s:RATE,DURATION:RATE holds a constant rate)");
        }
        if (ramps != null && duration != null && duration.compareTo(ramps.total()) > 0) {
            throw new InputException("-d " + Durations.format(duration) + " is longer than --stages ("
                    + Durations.format(ramps.total()) + "): -d may only shorten the stages; add a stage to hold a rate longer");
        }
        if (connections < 1) {
            throw new InputException("-c must be 1 or more, not " + connections);
        }
        int inFlight = maxInFlight != null ? maxInFlight : Math.max(connections, 256);
        if (maxInFlight != null && r == null && ramps == null) {
            throw new InputException("--max-in-flight applies to the open model: give --rate or --stages too");
        }
        if (requests != null && requests < 1) {
            throw new InputException("-n must be 1 or more, not " + requests);
        }
        long n = requests == null ? 0 : requests;
        Duration d = duration != null ? duration : ramps != null ? ramps.total() : n == 0 ? Duration.ofSeconds(10) : null;
        if (ramps != null && ramps.requestsBefore(d.toNanos()) == 0) {
            throw new InputException("--stages " + stages + " plans no requests"
                    + (duration != null ? " within -d " + Durations.format(duration) : "")
                    + ": give a stage a rate above 0/s");
        }
        int loops = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Duration w = warmup();
        if (w != null && d != null && !w.isZero() && w.compareTo(d) >= 0) {
            throw new InputException("--warmup " + warmup + " is not shorter than the run (" + Durations.format(d)
                    + "): every request would be left out of the statistics");
        }
        return LoadSpec.builder(target).method(method).headers(headers).body(body).connections(connections).rate(r)
                .maxInFlight(inFlight).requests(n).duration(d).threads(loops).timeout(request.timeout(DEFAULT_TIMEOUT))
                .warmup(w).okStatus(okStatus()).connect(connect).stages(ramps)
                .maxDuration(maxDuration)
                .build();
    }

    private StatusSet okStatus() {
        return parsed("--ok-status", okStatus, StatusSet::parse);
    }

    private Rates.Rate rate() {
        return parsed("--rate", rate, Rates::parse);
    }

    private Stages stages() {
        return parsed("--stages", stages, Stages::parse);
    }

    private Duration warmup() {
        return switch (warmup) {
            case "auto" -> null;
            case "none", "off", "0" -> Duration.ZERO;
            default -> parsed("--warmup", warmup, Durations::parse);
        };
    }

    /** A flag's value read by {@code parser} (null when the flag is absent); a malformed one is an input error naming the flag. */
    private static <T> T parsed(String flag, String text, Function<String, T> parser) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | InputException e) {
            throw new InputException(flag + ": " + e.getMessage());
        }
    }

    /** Refuses a run whose connections cannot fit under the open-file limit; warns when the open model might not. */
    private void checkFileLimit(LoadSpec spec) {
        FileLimits limits = FileLimits.current();
        if (limits.shortfall(spec.connections()).isPresent()) {
            throw new ApitoolException(ExitCode.USAGE, limits.advice(spec.connections(), "-c " + spec.connections()));
        }
        if (spec.open() && limits.shortfall(spec.maxInFlight()).isPresent()) {
            warn(limits.advice(spec.maxInFlight(), "--max-in-flight " + spec.maxInFlight())
                    + "; requests beyond it will fail as fdLimit errors");
        }
    }
}
