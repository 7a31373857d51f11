/**
 * Traffic as a stream of timed requests: request scripts (NDJSON and CSV read line by line, YAML
 * for small hand-written files) and, later, seeded generators, all behind one
 * {@link dev.apitool.core.traffic.RequestSource} so a consumer such as {@code ratelimit simulate}
 * never knows which it has (the shape of Caffeine's simulator trace readers).
 */
package dev.apitool.core.traffic;
