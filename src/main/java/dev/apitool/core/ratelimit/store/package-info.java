/**
 * Where limiter state lives. {@link dev.apitool.core.ratelimit.store.MemoryStore} keeps it in a
 * {@link java.util.concurrent.ConcurrentHashMap}, deciding inside {@code compute()} (atomic and
 * locked per key), bounded in size, dropping keys whose state has fully recovered and so decide as
 * new ones. {@link dev.apitool.core.ratelimit.store.RedisStore} runs each policy step as one
 * atomic Lua script with the time passed in, so several gateway instances share one limit and a
 * simulation in virtual time runs there too; the Lua ports ({@code LuaBuckets}, {@code LuaWindows})
 * follow the Java line for line and stay below 2^53, so both stores decide bit-identically
 * (StoreParityTest runs every property script on both).
 */
package dev.apitool.core.ratelimit.store;
