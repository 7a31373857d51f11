/** {@code apitool idempotency replay}: parses flags, runs {@code core.idempotency.replay}, renders its report. */
package dev.apitool.cli.idempotency;
