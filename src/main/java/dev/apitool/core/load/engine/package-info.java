/**
 * The run engine of {@code apitool load}, cut like wrk's event loop: the only part of
 * {@code core.load} that touches Netty. {@link dev.apitool.core.load.engine.Engine} owns the event
 * loop group and merges the loops' results; each {@link dev.apitool.core.load.engine.LoadLoop} owns
 * its connections, its share of the run ({@link dev.apitool.core.load.engine.LoopShare}: connections,
 * {@code -n} and warm-up, split in that one place), its model as a strategy chosen once
 * ({@link dev.apitool.core.load.engine.ClosedModel}: one request in flight per connection;
 * {@link dev.apitool.core.load.engine.OpenModel}: a global rate, request k due at its intended time,
 * latency measured from it so a stalled server shows: no coordinated omission) and its {@link dev.apitool.core.load.engine.LoopStats}, a mutable
 * accumulator that leaves the engine only as an immutable {@link dev.apitool.core.load.Measurement}
 * once the loop has finished, so nothing crosses threads per request. {@link dev.apitool.core.load.engine.LoadConnection} is the
 * per-connection state machine over core.http's raw codec; its channels are opened, and its
 * failures classified, by core.http's {@link dev.apitool.core.http.Dialer}, as the client's are. Once a second each loop hands its
 * interval to {@link dev.apitool.core.load.engine.Intervals}, which merges each second over every
 * loop for the {@link dev.apitool.core.load.LoadListener}. Per-request parts (an
 * {@code Idempotency-Key}, a re-signed JWT) are patched into each connection's copy of the encoded
 * bytes ({@link dev.apitool.core.load.engine.Templates}), never re-encoded. The loops read the time
 * and set every timer through a {@link dev.apitool.core.load.engine.LoadClock}: the system's in a
 * run, a virtual one in tests, which then decide the order of the schedule's timers and the deadline.
 */
package dev.apitool.core.load.engine;
