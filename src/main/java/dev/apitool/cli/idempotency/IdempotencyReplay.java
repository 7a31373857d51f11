package dev.apitool.cli.idempotency;

import dev.apitool.cli.ApitoolException;
import dev.apitool.cli.BaseCommand;
import dev.apitool.cli.Converters;
import dev.apitool.cli.ExitCode;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.FileOptions;
import dev.apitool.cli.Formats;
import dev.apitool.cli.OutputFormat;
import dev.apitool.cli.ReportOptions;
import dev.apitool.cli.RequestOptions;
import dev.apitool.core.http.HttpClient;
import dev.apitool.core.http.HttpException;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.Urls;
import dev.apitool.core.redact.Redact;
import dev.apitool.core.idempotency.Profile;
import dev.apitool.core.idempotency.replay.ReplayOptions;
import dev.apitool.core.idempotency.replay.ReplayProbe;
import dev.apitool.core.idempotency.replay.RecordedCalls;
import dev.apitool.core.idempotency.replay.ReplayReport;
import dev.apitool.core.io.InputException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Probe how an API honours Idempotency-Key: the IETF draft's rules",
            "(draft-ietf-httpapi-idempotency-key-header-07), or Stripe's with --profile stripe.",
            "The call (-X defaults to POST here) goes out under fresh keys: repeated, at once,",
            "with another body, without a key, with an over-long key, quoted and bare.",
            "A replay is told by Idempotent-Replayed: true, else by a response that differs;",
            "where neither tells, the rule is inconclusive. Exit 1 when a required rule fails.",
            "Every call is really sent: point it at a test environment. --timeout (default 10s)",
            "bounds each call."},
        footer = {"", "Examples:",
            "  apitool idempotency replay https://api.test/v1/charges --body @charge.json",
            "  apitool idempotency replay https://api.test/v1/charges --ttl 10s --output junit",
            "  apitool idempotency replay https://api.test --from calls.ndjson --profile stripe"})
@Formats({OutputFormat.text, OutputFormat.json, OutputFormat.junit})
final class IdempotencyReplay extends BaseCommand {

    /** The most recorded calls one run probes. */
    static final int MAX_CALLS = 100;

    @Parameters(index = "0", paramLabel = "URL", description = "The endpoint to probe (with --from: the base for relative paths).")
    String url;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "Calls under one key, one after another, 2 to 100 (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "10",
            description = "Calls under one key at once, 2 to 1000 (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--ttl", paramLabel = "DURATION", converter = Converters.Wait.class,
            description = "The API's key TTL: wait it out and check the key runs again (up to 1h).")
    Duration ttl;

    @Option(names = "--slow-url", paramLabel = "URL",
            description = "A route slower than a round trip, for the in-flight (409) check (default: URL).")
    String slowUrl;

    @Option(names = "--profile", paramLabel = "PROFILE", defaultValue = "ietf",
            description = "Whose rules to expect: ietf (422 on reuse, quoted keys) or stripe (400, bare keys).")
    String profile;

    @Option(names = "--max-key-length", paramLabel = "N", defaultValue = "255",
            description = "The longest key the API accepts; one longer must get 400 (default ${DEFAULT-VALUE}).")
    int maxKeyLength;

    @Option(names = "--from", paramLabel = "FILE",
            description = "Replay recorded calls (NDJSON/CSV/YAML: method, path or url, headers, body) instead of one call.")
    String from;

    @Mixin
    ReportOptions reports;

    @Mixin
    FileOptions files;

    @Mixin
    RequestOptions request;

    @Override
    protected ExitCode run() {
        files.reads(context(), "--from " + from, from);
        files.reads(context(), "--body @" + request.bodyFile(), request.bodyFile());
        List<ReportOptions.Report> written = reports.check(context(), files, formats());
        ReplayOptions options = options();
        var client = request.client(context(), inputs())
                .requestTimeout(request.timeout(Duration.ofSeconds(10)))
                .maxConnectionsPerOrigin(Math.max(8, concurrency))
                .build();
        ReplayReport report;
        try (HttpClient http = new HttpClient(client)) {
            report = new ReplayProbe(http, System::nanoTime, context().clock(), n -> Thread.sleep(n / 1_000_000, (int) (n % 1_000_000)))
                    .run(options);
        } catch (HttpException e) {
            HttpRequest first = options.calls().get(0);
            throw new ApitoolException(ExitCode.FAILED, first.method() + " " + Redact.url(first.uri())
                    + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApitoolException(ExitCode.FAILED, "interrupted while waiting out the TTL");
        }
        new ReplayOutput(out(), output(), style(), written).show(report);
        return report.failed() ? ExitCode.FAILED : ExitCode.OK;
    }

    private ReplayOptions options() {
        Profile p = Profile.byId(profile);
        if (p == null) {
            throw new InputException("--profile " + profile + ": expected ietf or stripe");
        }
        range("--repeat", repeat, 2, 100);
        range("--concurrency", concurrency, 2, 1000);
        range("--max-key-length", maxKeyLength, 1, 10_000);
        URI base = httpUri(url, "URL");
        String method = request.method() == null ? "POST" : request.method();
        ReplayOptions.Builder b;
        if (from == null) {
            HttpRequest call = new HttpRequest(method, base, request.headers(), request.body(inputs()), null);
            b = ReplayOptions.builder(call, method + " " + base.getRawPath());
        } else {
            if (request.body(inputs()) != null || slowUrl != null || ttl != null) {
                throw new InputException("--from replays recorded calls: --body, --slow-url and --ttl are for a single call");
            }
            RecordedCalls calls = RecordedCalls.read(inputs().file(from, "--from"), from, base, method, request.headers(), MAX_CALLS);
            b = ReplayOptions.recorded(calls.requests(), calls.subjects());
        }
        return b.repeat(repeat).concurrency(concurrency).ttl(ttl).profile(p).maxKeyLength(maxKeyLength)
                .slowUri(slowUrl == null ? null : httpUri(slowUrl, "--slow-url")).build();
    }

    static URI httpUri(String text, String what) {
        try {
            URI u = new URI(text);
            if (u.isAbsolute() && u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))) {
                Urls.requireValidPort(u);
                return u.getRawPath() == null || u.getRawPath().isEmpty() ? u.resolve("/") : u;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below
        }
        throw new InputException(what + " '" + Redact.url(text) + "': expected an http:// or https:// URL");
    }

    private static void range(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InputException(flag + " " + value + ": expected " + min + " to " + max);
        }
    }
}
