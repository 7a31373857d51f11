package dev.apitool.core.idempotency.replay;

import dev.apitool.core.io.Inputs;
import dev.apitool.core.http.Headers;
import dev.apitool.core.http.HttpRequest;
import dev.apitool.core.http.Urls;
import dev.apitool.core.io.InputException;
import dev.apitool.core.traffic.Scripts;
import dev.apitool.core.traffic.Target;
import dev.apitool.core.traffic.TargetSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recorded calls for {@code --from}: a request script or targets file (NDJSON, CSV or YAML, the
 * fields {@code apitool load} reads: {@code method}, {@code path} or {@code url}, {@code headers},
 * {@code body} or {@code bodyFile}), each turned into a request against the base URL.
 *
 * @param requests the calls, in file order
 * @param subjects {@code file:line:column} of each call, to name it in the report
 */
public record RecordedCalls(List<HttpRequest> requests, List<String> subjects) {

    /** The largest body file a call may name. */
    static final int MAX_BODY_BYTES = 10 << 20;

    /**
     * Returns the calls in {@code file}; a call without a method uses {@code method}, and
     * {@code headers} come before each call's own.
     *
     * @param name the file as the user named it, for positions in messages and the report
     * @param max the most calls accepted, 1 or more; more is an input error
     * @throws InputException for a missing or malformed file, with the position of the problem
     */
    public static RecordedCalls read(Path file, String name, URI base, String method, Headers headers, int max) {
        List<HttpRequest> requests = new ArrayList<>();
        List<String> subjects = new ArrayList<>();
        Scripts.Format format = Scripts.formatOf(name);
        if (format == null) {
            throw new InputException("--from " + name + ": cannot tell the format from the name: use .ndjson, .csv or .yaml");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new InputException("--from: " + name + ": no such file");
        } catch (IOException e) {
            throw new InputException("--from: " + name + ": cannot read: " + Inputs.reason(e), e);
        }
        try (TargetSource source = Scripts.openTargets(in, name, format)) {
            for (Target t = source.next(); t != null; t = source.next()) {
                if (requests.size() == max) {
                    throw new InputException(t.where() + ": more than " + max + " calls; split the file");
                }
                requests.add(request(t, file, base, method, headers));
                subjects.add(t.where());
            }
        }
        if (requests.isEmpty()) {
            throw new InputException("--from: " + name + ": no calls in the file");
        }
        return new RecordedCalls(requests, subjects);
    }

    private static HttpRequest request(Target t, Path file, URI base, String method, Headers headers) {
        String m = t.method() == null ? method : t.method().strip().toUpperCase(Locale.ROOT);
        if (!m.matches("[A-Z]+")) {
            throw new InputException(t.where("method") + ": method '" + t.method() + "': expected GET, POST, …");
        }
        URI uri;
        try {
            uri = t.url() != null ? new URI(t.url()) : t.path() != null ? base.resolve(t.path())
                    : base;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new InputException(t.where(t.url() != null ? "url" : "path") + ": not a valid URL or path: " + e.getMessage());
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new InputException(t.where("url") + ": expected an absolute http(s) URL or a path");
        }
        Urls.requireValidPort(uri, t.where(t.url() != null ? "url" : "path"));
        Headers h = headers;
        List<String> own = t.headers();
        try {
            for (int i = 0; i < own.size(); i += 2) {
                h = h.with(own.get(i), own.get(i + 1));
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(t.where("headers") + ": " + e.getMessage());
        }
        byte[] body = t.body() != null ? t.body().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (t.bodyFile() != null) {
            Path p = file.toAbsolutePath().getParent().resolve(t.bodyFile());
            try {
                if (Files.size(p) > MAX_BODY_BYTES) {
                    throw new InputException(t.where("bodyFile") + ": " + p + " is larger than " + (MAX_BODY_BYTES >> 20) + " MiB");
                }
                body = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                throw new InputException(t.where("bodyFile") + ": " + p + ": no such file");
            } catch (IOException e) {
                throw new InputException(t.where("bodyFile") + ": " + p + ": cannot read: " + Inputs.reason(e));
            }
        }
        return new HttpRequest(m, uri, h, body, null);
    }
}
