/**
 * The handlers at the end of routes: {@code static}, {@code echo}, {@code collection} (an
 * in-memory REST resource over a {@link dev.apitool.core.pipeline.handler.Collection}, the way
 * json-server serves one), {@code counter}, {@code delay}, {@code fail} and {@code proxy} (through
 * core's HTTP client pool). {@link dev.apitool.core.pipeline.handler.Handlers} maps names to
 * factories.
 */
package dev.apitool.core.pipeline.handler;
