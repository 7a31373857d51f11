/**
 * The Redis connection the Redis-backed stores share (rate-limit state, idempotency keys): one
 * client, one connection, Lua scripts loaded once and called by digest, so every store decision
 * is one atomic script on the server.
 */
package dev.apitool.core.redis;
