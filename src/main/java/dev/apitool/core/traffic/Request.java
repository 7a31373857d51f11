package dev.apitool.core.traffic;

/**
 * One request of a request script or generator, in time order.
 *
 * @param index 1-based position in the script
 * @param atMicros when it arrives, in microseconds from the start of the script (0 or more)
 * @param key the rate-limit key (client, user, API key); "default" when the script names none
 * @param cost how many units it consumes, 0 or more (default 1)
 * @param durationMicros how long it runs (matters to concurrency limits), 0 or more
 * @param method the HTTP method, or null
 * @param path the request path, or null
 */
public record Request(long index, long atMicros, String key, long cost, long durationMicros, String method, String path) {}
