package dev.apitool.core.ratelimit.store;

/**
 * The Lua ports of the window policies and the concurrency limit, line for line with their Java
 * {@code apply}; the calling convention and the 2^53 reasoning are {@link LuaBuckets}'s.
 */
final class LuaWindows {

    private LuaWindows() {}

    /** FixedWindowPolicy.apply; P = limit, window, epoch, consume. */
    static final String FIXED_WINDOW = LuaBuckets.PRELUDE + """
            local limit, window, epoch, consume = P[1], P[2], P[3], P[4]
            local s = load()
            local start, count = now, 0
            if s ~= nil and now < s[1] + window then
              start, count = s[1], s[2]
            elseif epoch == 1 then
              start = idiv(now, window) * window
            end
            local reset = math.max(0, start + window - now)
            if cost <= limit - count then
              count = count + cost
              save({start, count}, reset)
              return {0, 0, limit - count, 0, reset}
            end
            local retry = reset
            if cost > limit then retry = NEVER end
            if consume == 1 then
              save({start, limit}, reset)
              return {2, 0, 0, retry, reset}
            end
            return {2, 0, limit - count, retry, reset}
            """;

    /** SlidingLogPolicy.apply; P = limit, window, consume. */
    static final String SLIDING_LOG = LuaBuckets.PRELUDE + """
            local limit, window, consume = P[1], P[2], P[3]
            local log = load() or {}
            local first = 1
            while first <= #log and now - log[first] >= window do first = first + 2 end
            local sum = 0
            for i = first, #log, 2 do sum = sum + log[i + 1] end
            local function append(c)
              local nxt = {}
              for i = first, #log do nxt[#nxt + 1] = log[i] end
              if c > 0 then
                if #nxt > 0 and nxt[#nxt - 1] == now then
                  nxt[#nxt] = nxt[#nxt] + c
                else
                  nxt[#nxt + 1] = now
                  nxt[#nxt + 1] = c
                end
              end
              return nxt
            end
            local function reset(l)
              if #l == 0 then return 0 end
              return math.max(0, l[#l - 1] + window - now)
            end
            if cost <= limit - sum then
              local nxt = append(cost)
              save(nxt, reset(nxt))
              return {0, 0, limit - sum - cost, 0, reset(nxt)}
            end
            local retry = NEVER
            if cost <= limit then
              local left = sum
              for i = first, #log, 2 do
                left = left - log[i + 1]
                if cost <= limit - left then
                  retry = log[i] + window - now
                  break
                end
              end
            end
            if consume == 1 and sum < limit then
              local nxt = append(limit - sum)
              save(nxt, reset(nxt))
              return {2, 0, 0, retry, reset(nxt)}
            end
            return {2, 0, limit - math.min(limit, sum), retry, reset(log)}
            """;

    /** SlidingWindowPolicy.apply; P = limit, window, consume. */
    static final String SLIDING_WINDOW = LuaBuckets.PRELUDE + """
            local limit, window, consume = P[1], P[2], P[3]
            local s = load()
            local ws = idiv(now, window) * window
            local start, cur, prev = ws, 0, 0
            if s ~= nil then
              if s[1] >= ws then
                start, cur, prev = s[1], s[2], s[3]
              elseif s[1] == ws - window then
                prev = s[2]
              end
            end
            local elapsed = math.max(0, now - start)
            local weight = window - elapsed
            local function remaining(c)
              local free = (limit - c) * window - prev * weight
              if free <= 0 then return 0 end
              return idiv(free, window)
            end
            local function reset(c)
              if c > 0 then return 2 * window - elapsed end
              if prev > 0 then return window - elapsed end
              return 0
            end
            local room = limit - cur - cost
            if cost <= limit and room >= 0 and prev * weight <= room * window then
              cur = cur + cost
              save({start, cur, prev}, reset(cur))
              return {0, 0, remaining(cur), 0, reset(cur)}
            end
            local retry = NEVER
            if cost <= limit then
              local at = window
              if room >= 0 and prev > 0 then at = window - idiv(room * window, prev) end
              if at < window then
                retry = at - elapsed
              elseif cur == 0 then
                retry = window - elapsed
              else
                local nextAt = window - idiv((limit - cost) * window, cur)
                if nextAt < window then retry = window - elapsed + nextAt else retry = 2 * window - elapsed end
              end
            end
            if consume == 1 then
              cur = math.min(limit, cur + math.min(cost, limit))
              save({start, cur, prev}, reset(cur))
            end
            return {2, 0, remaining(cur), retry, reset(cur)}
            """;

    /** The concurrency state's helpers: in-flight count and when the last timed slot ends. */
    private static final String CONCURRENCY_PRELUDE = LuaBuckets.PRELUDE + """
            local max = P[1]
            local s = load() or {0}
            local first = 2
            while first <= #s and s[first] <= now do first = first + 2 end
            local inflight = s[1]
            for i = first, #s, 2 do inflight = inflight + s[i + 1] end
            local function reset(l)
              if #l <= 1 or l[#l - 1] <= now then return 0 end
              return l[#l - 1] - now
            end
            local function ttl(l)
              if l[1] > 0 then return NEVER end
              return reset(l)
            end
            """;

    /** ConcurrencyPolicy.apply; P = max. */
    static final String CONCURRENCY = CONCURRENCY_PRELUDE + """
            if cost <= max - inflight then
              local nxt = {s[1]}
              if cost > 0 and hold == -1 then nxt[1] = s[1] + cost end
              local inserted = not (cost > 0 and hold > 0)
              local fin = now + hold
              for i = first, #s, 2 do
                if not inserted and s[i] > fin then
                  nxt[#nxt + 1] = fin
                  nxt[#nxt + 1] = cost
                  inserted = true
                end
                nxt[#nxt + 1] = s[i]
                nxt[#nxt + 1] = s[i + 1]
              end
              if not inserted then
                nxt[#nxt + 1] = fin
                nxt[#nxt + 1] = cost
              end
              save(nxt, ttl(nxt))
              return {0, 0, max - inflight - cost, 0, reset(nxt)}
            end
            local retry = NEVER
            if cost <= max then
              local left = inflight
              for i = first, #s, 2 do
                left = left - s[i + 1]
                if cost <= max - left then
                  retry = s[i] - now
                  break
                end
              end
            end
            return {2, 0, max - math.min(max, inflight), retry, reset(s)}
            """;

    /** ConcurrencyPolicy.release: frees {@code cost} of the slots held until release. */
    static final String CONCURRENCY_RELEASE = CONCURRENCY_PRELUDE + """
            if s[1] == 0 then return 0 end
            s[1] = math.max(0, s[1] - cost)
            save(s, ttl(s))
            return 1
            """;
}
