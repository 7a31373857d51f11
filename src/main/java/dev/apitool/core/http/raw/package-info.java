/**
 * The load generator's raw HTTP/1.1 codec, beside Netty's full one in {@code core.http} (as wrk keeps
 * its own parser): {@link dev.apitool.core.http.raw.EncodedRequest} encodes a request once into
 * bytes that are written again and again, and {@link dev.apitool.core.http.raw.ResponseParser} reads
 * status and framing without allocating, skipping body bytes. Framing errors are judged by
 * {@link dev.apitool.core.http.Framing}, the rule both clients share.
 */
package dev.apitool.core.http.raw;
