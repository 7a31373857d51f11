package dev.apitool.cli;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpClientOptions;
import dev.apitool.core.http.ProxyConfig;
import dev.apitool.core.http.ResolveOverride;
import dev.apitool.core.io.InputException;
import dev.apitool.core.io.Inputs;
import dev.apitool.core.io.Limit;
import dev.apitool.core.redact.Redact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The request flags every command that sends HTTP shares (DESIGN.md, "Inputs"), as curl spells
 * them: {@code -X}, {@code -H} (repeatable), {@code --body}, {@code --timeout}, {@code --insecure},
 * {@code --cacert} and {@code --resolve}. Used with {@code @Mixin}; each command documents its own
 * default timeout. Proxies come from the run's environment ({@code HTTPS_PROXY}, {@code NO_PROXY}, ...),
 * except for {@code load}, which connects directly ({@link #direct}).
 */
public final class RequestOptions {

    @Option(names = {"-X", "--method"}, paramLabel = "METHOD", description = "Request method (default: GET).")
    private String method;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "Add a request header (repeatable).")
    private List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT|@FILE|-", description = "Request body: text, @file, or - for standard input.")
    private String body;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.Timeout.class,
            description = "Deadline for each request, connect to last byte, e.g. 500ms or 5s.")
    private Duration timeout;

    @Option(names = "--insecure", description = "Do not verify TLS certificates or host names.")
    private boolean insecure;

    @Option(names = "--cacert", paramLabel = "FILE", description = "Trust the CA certificates in this PEM file instead of the JDK's.")
    private String cacert;

    @Option(names = "--resolve", paramLabel = "HOST:PORT:ADDR", description = "Connect to ADDR for HOST:PORT, keeping the name for Host and TLS (repeatable).")
    private List<String> resolve = new ArrayList<>();

    /** Returns the method in upper case, or null when not given. */
    public String method() {
        if (method == null) {
            return null;
        }
        String m = method.strip().toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]+")) {
            throw new InputException("-X " + method + ": expected an HTTP method such as GET, HEAD or POST");
        }
        return m;
    }

    /** Returns the {@code -H} headers in order. */
    public Headers headers() {
        Headers out = Headers.EMPTY;
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new InputException("-H '" + Redact.headerLine(h) + "': no ':' after the header name, expected 'Name: value'");
            }
            String name = h.substring(0, colon).strip();
            try {
                out = out.with(name, h.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) { // the value is not echoed: it may be a secret, or hold control characters
                throw new InputException("-H '" + Redact.headerLine(h) + "': " + e.getMessage());
            }
        }
        return out;
    }

    /** Returns the file {@code --body @FILE} names, or null for a body given otherwise or none. */
    public String bodyFile() {
        return body != null && body.startsWith("@") ? body.substring(1) : null;
    }

    /** Returns the body's bytes, or null when {@code --body} is not given. */
    public byte[] body(Inputs inputs) {
        return body == null ? null : inputs.resolve(body, "--body", false, Limit.BODY).bytes();
    }

    /** Returns {@code --timeout}, or {@code fallback} when not given. */
    public Duration timeout(Duration fallback) {
        return timeout == null ? fallback : timeout;
    }

    /** Returns whether {@code -X} or {@code --body} was given (flags that shape one request, not a whole config). */
    public boolean shapesRequest() {
        return method != null || body != null;
    }

    /** Returns client options with this TLS, {@code --resolve} and the environment's proxies. */
    public HttpClientOptions.Builder client(Context context, Inputs inputs) {
        return direct(inputs).proxy(ProxyConfig.fromEnv(context.env()));
    }

    /**
     * Returns client options with this TLS and {@code --resolve} that connect directly, leaving the
     * environment's proxies aside (for {@code load}, which measures the server, not a proxy).
     */
    public HttpClientOptions.Builder direct(Inputs inputs) {
        List<ResolveOverride> overrides = new ArrayList<>();
        for (String r : resolve) {
            try {
                overrides.add(ResolveOverride.parse(r));
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
        }
        return HttpClientOptions.builder()
                .insecure(insecure)
                .caCert(cacert == null ? null : inputs.file(cacert, "--cacert"))
                .resolve(overrides);
    }
}
