package dev.apitool.cli.health;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.RequestOptions;
import dev.apitool.core.health.Checker;
import dev.apitool.core.health.ConfigReader;
import dev.apitool.core.health.Endpoint;
import dev.apitool.core.health.HealthConfig;
import dev.apitool.core.health.HealthReport;
import dev.apitool.core.health.HealthStatus;
import dev.apitool.core.health.Thresholds;
import dev.apitool.core.health.WatchLoop;
import dev.apitool.core.http.Headers;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Limit;
import dev.apitool.core.time.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "health", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check HTTP endpoints, TCP ports and TLS certificates all at once; say healthy, degraded or unhealthy.",
            "Quick form: URLs, each critical, healthy on a 2xx within the timeout (default 2s).",
            "Config form: -f health.yaml with endpoints, conditions and defaults (see examples/health/health.yaml).",
            "Any critical endpoint unhealthy: unhealthy (exit 1); any other not healthy: degraded (exit 0, or 3 with --fail-on degraded)."},
        footer = {"", "Examples:",
            "  apitool health https://api.example.com/healthz https://auth.example.com/ready",
            "  apitool health -f health.yaml --report junit=health.xml",
            "  apitool health -f health.yaml --check-config",
            "  apitool health -f health.yaml --watch --interval 10s"})
@Formats({OutputFormat.text, OutputFormat.json, OutputFormat.junit})
final class HealthCommand extends BaseCommand {

    /** Reads {@code --interval}: 10ms (no busy loop against a server) to 1d. */
    public static final class Interval extends Converters.RangedDuration {
        public Interval() {
            super(Duration.ofMillis(10), Duration.ofDays(1));
        }
    }

    enum FailOn { unhealthy, degraded }

    @Parameters(arity = "0..*", paramLabel = "URL", description = "http(s)://, tcp://HOST:PORT or tls://HOST:PORT to check (quick form).")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "The health config (YAML); - for standard input.")
    String file;

    @Option(names = "--check-config", description = "Validate the config (or URLs) and exit; send nothing.")
    boolean checkConfig;

    @Option(names = "--fail-on", paramLabel = "STATUS", defaultValue = "unhealthy",
            description = "Exit non-zero from this status on: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; degraded exits 3).")
    FailOn failOn;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Option(names = "--watch", description = "Check again every --interval until Ctrl-C; exit with the last status.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "DURATION", converter = Interval.class,
            description = "Time between the starts of runs under --watch (default 10s).")
    Duration interval;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N runs (implies --watch).")
    Long count;

    @Mixin
    RequestOptions request;

    @Override
    protected ExitCode run() {
        boolean watching = watch || count != null || interval != null;
        if (watching && output() == OutputFormat.junit) {
            throw new InputException("--output junit prints one run; under --watch use --report junit=FILE");
        }
        if (count != null && count < 1) {
            throw new InputException("--count " + count + ": expected 1 or more runs");
        }
        Duration every = interval == null ? Duration.ofSeconds(10) : interval;
        files.reads(context(), "-f " + file, file);
        files.reads(context(), "--body @" + request.bodyFile(), request.bodyFile());
        HealthConfig config = load();
        List<ReportOptions.Report> written = checkConfig ? List.of() : reports.check(context(), files, formats());
        if (checkConfig) {
            long critical = config.endpoints().stream().filter(Endpoint::critical).count();
            out().println(config.source() + ": OK, " + config.endpoints().size() + " endpoint"
                    + (config.endpoints().size() == 1 ? "" : "s") + " (" + critical + " critical)");
            return ExitCode.OK;
        }
        HealthOutput view = new HealthOutput(out(), output(), style(), context().interactive(), failOn == FailOn.degraded,
                written);
        List<Endpoint> endpoints = config.endpoints();
        try (Checker checker = new Checker(Checker.optionsFor(endpoints, request.client(context(), inputs()).build()),
                context().clock())) {
            if (!watching) {
                HealthReport report = checker.runAndWait(endpoints);
                view.show(report);
                return exitCode(report.status());
            }
            return watch(checker, endpoints, view, every);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApitoolException(ExitCode.FAILED, "interrupted before the checks finished");
        }
    }

    private ExitCode watch(Checker checker, List<Endpoint> endpoints, HealthOutput view, Duration every) {
        WatchLoop loop = new WatchLoop(every, count == null ? 0 : count, System::nanoTime, WatchLoop.Sleeper.system());
        Thread runner = Thread.currentThread();
        HealthReport last;
        try (var ignored = count == null ? context().onCtrlC(runner::interrupt) : null) {
            last = loop.watch(() -> checker.runAndWait(endpoints), new Thresholds(endpoints), (n, r) -> view.showRun(n, r, every));
        } finally {
            Thread.interrupted(); // Ctrl-C ends the watch, not the rest of the command
        }
        if (last == null) {
            throw new ApitoolException(ExitCode.FAILED, "interrupted before the first run finished");
        }
        return exitCode(last.status());
    }

    private ExitCode exitCode(HealthStatus status) {
        return switch (status) {
            case HEALTHY -> ExitCode.OK;
            case DEGRADED -> failOn == FailOn.degraded ? ExitCode.DEGRADED : ExitCode.OK;
            case UNHEALTHY -> ExitCode.FAILED;
        };
    }

    /** Returns the endpoints of the config file or of the URLs, validated; a usage error otherwise. */
    private HealthConfig load() {
        if (file != null && !urls.isEmpty()) {
            throw new InputException("give URLs or -f FILE, not both");
        }
        if (file == null && urls.isEmpty()) {
            throw new InputException("nothing to check: give URLs (apitool health https://api/healthz) or -f health.yaml");
        }
        Duration timeout = request.timeout(null);
        if (timeout != null && timeout.compareTo(Endpoint.MAX_TIMEOUT) > 0) {
            throw new InputException("--timeout: " + Durations.outOfRange(Durations.format(timeout), Duration.ofNanos(1000), Endpoint.MAX_TIMEOUT));
        }
        if (file != null) {
            if (request.shapesRequest()) {
                throw new InputException("-X and --body are for the quick form (URLs); set method: and body: per endpoint in " + file);
            }
            String source = file.equals("-") ? "<stdin>" : file;
            byte[] yaml = inputs().readPathOrStdin(file, "-f", Limit.CONFIG).bytes();
            return ConfigReader.read(yaml, source, context().env(), new ConfigReader.Overrides(timeout, request.headers()));
        }
        String method = request.method() == null ? "GET" : request.method();
        Headers headers = request.headers();
        byte[] body = request.body(inputs());
        List<Endpoint> endpoints = new ArrayList<>();
        for (String url : urls) {
            endpoints.add(Endpoint.quick(url, method, headers, body, timeout == null ? Endpoint.DEFAULT_TIMEOUT : timeout));
        }
        return new HealthConfig("command line", endpoints);
    }
}
