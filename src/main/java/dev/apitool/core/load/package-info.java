/**
 * The load generator behind {@code apitool load}, cut like wrk: one file per concern.
 *
 * <p>{@link dev.apitool.core.load.LoadRunner} owns the event loop group (one loop per core) and
 * merges the results; each {@link dev.apitool.core.load.LoadLoop} owns its connections, its
 * schedule and its {@link dev.apitool.core.load.LoopStats}, so nothing crosses threads per request;
 * {@link dev.apitool.core.load.LoadConnection} is the per-connection state machine, writing one
 * pre-encoded {@link dev.apitool.core.load.EncodedRequest} and reading the answer with the
 * allocation-free {@link dev.apitool.core.load.ResponseParser}. Two models: closed (each of
 * {@code -c} connections sends its next request when the last answer arrives) and open (a global
 * rate, request k due at {@code t0 + k/rate}, or where the integral of the {@link dev.apitool.core.load.Stages}'
 * ramps reaches k: computed from k and never accumulated, with latency measured
 * from that intended time so a stalled server shows in the percentiles: no coordinated omission,
 * as HdrHistogram's documentation describes). Latency is recorded in µs in HdrHistogram
 * histograms, one set per loop, merged only for the {@link dev.apitool.core.load.LoadReport}.
 *
 * <p>What is sent is a {@link dev.apitool.core.load.RequestPlan}: the URL's one request, or a
 * targets file's ({@link dev.apitool.core.load.TargetsFile}, the request-script format of
 * {@code core.traffic}, all on one origin), each encoded once and picked round-robin or at random
 * per loop without allocation ({@code LoopRequests}). Per-request parts are patched into each
 * connection's copy of those bytes, never re-encoded: an {@code Idempotency-Key}
 * ({@code IdempotencyKeys}) and a JWT re-signed now and then
 * ({@link dev.apitool.core.jwt.RefreshingToken}), taken up on the loop's tick.
 *
 * <p>HTTP/1.1 over {@code http} or {@code https}: {@link dev.apitool.core.load.LoadTls} puts a JDK
 * TLS handler in front of each https connection (core.http's client context), and the connection
 * counts as up once the handshake completes; plain http runs carry no TLS code at all. Connections
 * go straight to the target (or its {@code --resolve} address), never through a proxy. HTTP/2 is
 * not yet supported.
 *
 * <p>Once a second each loop hands its interval histograms and running counts to the runner
 * ({@link dev.apitool.core.load.Intervals}); the runner merges each second over every loop and
 * passes it to a {@link dev.apitool.core.load.LoadListener}: the live progress line, the
 * {@link dev.apitool.core.load.HdrLogWriter} ({@code --hdr-log}, HdrHistogram's log format plus a
 * summary comment) and the {@link dev.apitool.core.load.LoadTimeline} the
 * {@link dev.apitool.core.load.HtmlReporter} draws. {@link dev.apitool.core.load.LogMerge} reads
 * such logs back and merges several runs through the same {@code LoadReport.merge}.
 */
package dev.apitool.core.load;
