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
 * <p>HTTP/1.1 only, plain {@code http}: HTTP/2 and TLS are not yet supported.
 */
package dev.apitool.core.load;
