package dev.apitool.core.health;

import dev.apitool.core.http.Headers;
import java.time.Duration;
import java.util.List;

/**
 * One endpoint to check, validated: every value typed, defaults applied, {@code ${VAR}} expanded.
 *
 * @param name a unique name, printed first on its line
 * @param target what is checked
 * @param method the HTTP method, upper case (GET by default)
 * @param headers request headers (the defaults' first, then the endpoint's)
 * @param body the request body, empty for none
 * @param timeout the bound on each attempt, positive (2s by default)
 * @param critical whether this endpoint being unhealthy makes the whole run unhealthy (true by default)
 * @param retries further attempts after an unhealthy one, 0 or more (0 by default)
 * @param retryBackoff the pause before the first retry, doubled before each further one (200ms by default)
 * @param failureThreshold under {@code --watch}: consecutive bad runs before a healthy endpoint is reported bad (3 by default, as Kubernetes)
 * @param successThreshold under {@code --watch}: consecutive healthy runs before a bad endpoint is reported healthy (1 by default)
 * @param group a label for reports (JUnit suites), or null
 * @param conditions checks of the response; empty for the defaults (2xx, or what a health body reports)
 */
public record Endpoint(String name, Target target, String method, Headers headers, byte[] body, Duration timeout,
        boolean critical, int retries, Duration retryBackoff, int failureThreshold, int successThreshold, String group,
        List<Condition> conditions) {

    /** The default per-check timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);
    /** The longest timeout of one attempt, from a file or {@code --timeout}: 10 minutes. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(10);
    /** The longest first retry pause; later pauses double up to it: 1 minute. */
    public static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    public static final int DEFAULT_FAILURE_THRESHOLD = 3;
    public static final int DEFAULT_SUCCESS_THRESHOLD = 1;

    public Endpoint {
        conditions = List.copyOf(conditions);
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? new byte[0] : body;
    }

    /** Returns the quick form's endpoint for {@code url}: named by its URL (a password in it masked), critical, default conditions. */
    public static Endpoint quick(String url, String method, Headers headers, byte[] body, Duration timeout) {
        Target target = Target.parse(url);
        return new Endpoint(target.text(), target, method, headers, body, timeout, true, 0, DEFAULT_BACKOFF,
                DEFAULT_FAILURE_THRESHOLD, DEFAULT_SUCCESS_THRESHOLD, null, List.of());
    }
}
