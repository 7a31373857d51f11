/**
 * Background work: a bounded pool of worker threads taking tasks from a bounded queue, and one
 * record per task that says where it is (pending, running, done, failed or cancelled), what it
 * returned or why it failed, and how long it ran by the clock the queue was given.
 *
 * <p>{@link dev.apitool.core.tasks.TaskQueue#stop()} drains: it waits until every task enqueued
 * so far has ended, then stops the workers and joins them, so the records read afterwards are
 * final. {@link dev.apitool.core.tasks.TaskQueue#shutdown(java.time.Duration)} is the other way
 * out: it cancels what is pending or running and waits a bounded time. A task is cancelled through
 * its {@link dev.apitool.core.tasks.Cancellation}: the work registers what "stop cleanly" means to
 * it (a load test ends its run and reports, a server closes its port), and a task that registered
 * nothing is interrupted. Work that serves others says through the same handle when it is ready
 * ({@link dev.apitool.core.tasks.Cancellation#ready}, with the address it is reached at), and
 * {@link dev.apitool.core.tasks.TaskQueue#awaitReady} waits, bounded, until it is ready or has ended.
 * The interactive shell's jobs and its foreground command both run on this.
 */
package dev.apitool.core.tasks;
