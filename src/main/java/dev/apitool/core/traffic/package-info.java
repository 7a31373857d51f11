/**
 * Traffic as a stream of timed requests: request scripts (NDJSON and CSV read line by line, YAML
 * for small hand-written files) and seeded generators ({@link dev.apitool.core.traffic.Generators}), all behind one
 * {@link dev.apitool.core.traffic.RequestSource} so a consumer such as {@code ratelimit simulate}
 * never knows which it has (the shape of Caffeine's simulator trace readers). The same scripts,
 * read as {@link dev.apitool.core.traffic.TargetSource}, are {@code apitool load}'s targets: one
 * format, whose rate-limit fields load ignores and whose request fields a rate-limit run ignores.
 */
package dev.apitool.core.traffic;
