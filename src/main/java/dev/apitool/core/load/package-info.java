/**
 * The load generator behind {@code apitool load}: a small public face over four rooms.
 *
 * <p>The face: a {@link dev.apitool.core.load.LoadSpec} (built with {@link dev.apitool.core.load.LoadSpec#builder})
 * says what to run and when to stop; {@link dev.apitool.core.load.LoadRunner} runs it and returns a
 * {@link dev.apitool.core.load.LoadReport} (latency in µs from HdrHistogram histograms, merged over
 * every event loop, never percentiles averaged), telling a {@link dev.apitool.core.load.LoadListener}
 * of each second ({@link dev.apitool.core.load.LoadInterval}) as it goes. A run always ends by itself:
 * {@code -d}, or for a {@code -n} run its count or its maximum duration.
 * {@link dev.apitool.core.load.Threshold} and {@link dev.apitool.core.load.StatusSet} judge a report.
 * Between the engine and the reports and log merges travels {@link dev.apitool.core.load.Measurement},
 * an immutable value (one loop's share, or one logged run) that merges into new values; the report's
 * fixed vocabularies are enums ({@link dev.apitool.core.load.LoadModel},
 * {@link dev.apitool.core.load.StoppedBy}) whose names are the JSON's.
 *
 * <p>The rooms: {@code engine} (event loops, connections, the closed and open models: the only
 * Netty here), {@code plan} (what is sent and the open model's schedule), {@code report} (text, JSON,
 * HTML, progress) and {@code hdrlog} (HdrHistogram logs written, read back and merged). The wire
 * protocol (the allocation-free encoder and parser) lives in {@code core.http.raw}, and connecting,
 * TLS and failure kinds in {@code core.http}, beside the full client.
 */
package dev.apitool.core.load;
