/**
 * {@code apitool health}: checks HTTP endpoints, TCP ports and TLS certificates all at once and
 * says whether a system is healthy, degraded or unhealthy
 * (critical endpoints decide unhealthy; anything else not healthy makes the run degraded).
 *
 * <p>A config ({@link dev.apitool.core.health.ConfigReader}) is YAML bound by Jackson to plain
 * records and then validated into {@link dev.apitool.core.health.Endpoint}s, every error carrying
 * {@code file:line:column} from a streaming pass over the same YAML
 * ({@code core.config.Positions}). Each endpoint may carry typed {@link dev.apitool.core.health.Condition}s
 * (status, latency, a JSONPath subset into the body, headers, certificate expiry); without
 * them, a 2xx status passes, and Spring Boot Actuator and {@code application/health+json} bodies
 * are read for what they report, outranking the status code.
 *
 * <p>{@link dev.apitool.core.health.Checker} runs the checks concurrently on one
 * {@code core.http.HttpClient}, each attempt bounded by its timeout, with retries and backoff.
 * {@link dev.apitool.core.health.WatchLoop} repeats runs on an interval from an injected clock and
 * sleeper, and {@link dev.apitool.core.health.Thresholds} applies Kubernetes-style failure and
 * success thresholds across runs. Reports are text (one line per endpoint under an overall status), JSON
 * ({@code schemas/health.schema.json}) and JUnit XML.
 */
package dev.apitool.core.health;
