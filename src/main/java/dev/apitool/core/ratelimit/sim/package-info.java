/**
 * {@code ratelimit simulate}: runs a stream of requests through several limiters side by side in
 * virtual time and reports what each did. Shaped like Caffeine's simulator: traffic sources
 * ({@link dev.apitool.core.traffic}), policies ({@link dev.apitool.core.ratelimit.policy}),
 * statistics that declare their metrics ({@link dev.apitool.core.ratelimit.sim.Metrics}), and
 * reporters that only render them.
 */
package dev.apitool.core.ratelimit.sim;
