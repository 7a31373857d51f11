package dev.apitool.core.ratelimit.store;

/**
 * The Lua ports of the bucket policies (token bucket, GCRA, nginx), line for line with their Java
 * {@code apply}, run by {@link RedisStore}. Each script is one atomic step on one key.
 *
 * <p>Calling convention, shared by every script: {@code KEYS[1]} the key's state, {@code ARGV}
 * = now (µs), cost, hold (µs, -1 until released), extra TTL (ms), then the policy's
 * {@code parameters()}. The state is a string of integers separated by spaces; the reply is
 * {@code {outcome (0 allowed, 1 delayed, 2 limited), delay, remaining, retryAfter, resetAfter}}.
 *
 * <p>Lua 5.1 numbers are doubles: every value stays below 2^53 (the bounds the policies check), so
 * sums, differences and products are exact; {@code idiv} corrects {@code math.floor(a / b)} where
 * the rounded quotient crosses an integer, so it equals Java's integer division.
 */
final class LuaBuckets {

    private LuaBuckets() {}

    /** Reads the arguments, and the helpers every script uses. */
    static final String PRELUDE = """
            local now = tonumber(ARGV[1])
            local cost = tonumber(ARGV[2])
            local hold = tonumber(ARGV[3])
            local extra = tonumber(ARGV[4])
            local P = {}
            for i = 5, #ARGV do P[#P + 1] = tonumber(ARGV[i]) end
            local NEVER = -1

            -- floor(a / b) for |a| < 2^53, b > 0: the double quotient may round onto the next integer
            local function idiv(a, b)
              local q = math.floor(a / b)
              if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
              return q
            end
            local function ceildiv(a, b)
              if a <= 0 then return 0 end
              return idiv(a - 1, b) + 1
            end
            local function load()
              local v = redis.call('GET', KEYS[1])
              if not v then return nil end
              local s = {}
              for n in string.gmatch(v, '%-?%d+') do s[#s + 1] = tonumber(n) end
              return s
            end
            -- stores s; it expires once the key decides as a new one (reset µs from now), plus extra ms
            local function save(s, reset)
              local parts = {}
              for i = 1, #s do parts[i] = string.format('%d', s[i]) end
              local v = table.concat(parts, ' ')
              if reset < 0 then
                redis.call('SET', KEYS[1], v)
              else
                redis.call('SET', KEYS[1], v, 'PX', string.format('%d', math.max(1, ceildiv(reset, 1000) + extra)))
              end
            end
            """;

    /** TokenBucketPolicy.apply; P = capacity, unitsPerToken, unitsPerMicro, consume. */
    static final String TOKEN_BUCKET = PRELUDE + """
            local capacity, upt, upm, consume = P[1], P[2], P[3], P[4]
            local capUnits = capacity * upt
            local s = load()
            local units, last
            if s == nil then
              units, last = capUnits, now
            else
              units = s[1]
              local elapsed = now - s[2]
              if elapsed > 0 and upm > 0 and units < capUnits then
                local full = ceildiv(capUnits - units, upm)
                units = math.min(capUnits, units + math.min(elapsed, full) * upm)
              end
              last = math.max(s[2], now)
            end
            local function reset(u)
              if u >= capUnits then return 0 end
              if upm == 0 then return NEVER end
              return ceildiv(capUnits - u, upm)
            end
            local need = capUnits + 1
            if cost <= capacity then need = cost * upt end
            if need <= units then
              units = units - need
              save({units, last}, reset(units))
              return {0, 0, idiv(units, upt), 0, reset(units)}
            end
            local retry = NEVER
            if cost <= capacity and upm > 0 then retry = ceildiv(need - units, upm) end
            if consume == 1 then
              units = math.max(0, units - need)
              save({units, last}, reset(units))
            end
            return {2, 0, idiv(units, upt), retry, reset(units)}
            """;

    /** GcraPolicy.apply; P = limit, interval, drainPerMicro, consume. */
    static final String GCRA = PRELUDE + """
            local limit, interval, drain, consume = P[1], P[2], P[3], P[4]
            local tolerance = limit * interval
            local s = load()
            local ahead, last = 0, now
            if s ~= nil then
              ahead = s[1]
              local elapsed = now - s[2]
              if elapsed > 0 and ahead > 0 then
                if elapsed >= ceildiv(ahead, drain) then ahead = 0 else ahead = ahead - elapsed * drain end
              end
              last = math.max(s[2], now)
            end
            local function remaining(ttl)
              if ttl >= tolerance then return 0 end
              return idiv(tolerance - ttl, interval)
            end
            local function reset(ttl) return ceildiv(ttl, drain) end
            if cost > limit then
              if consume == 1 then
                save({tolerance, last}, reset(tolerance))
                return {2, 0, remaining(tolerance), NEVER, reset(tolerance)}
              end
              return {2, 0, remaining(ahead), NEVER, reset(ahead)}
            end
            local newAhead = ahead + cost * interval
            if newAhead > tolerance then
              local retry = ceildiv(newAhead - tolerance, drain)
              if consume == 1 then
                save({tolerance, last}, reset(tolerance))
                return {2, 0, 0, retry, reset(tolerance)}
              end
              return {2, 0, remaining(ahead), retry, reset(ahead)}
            end
            save({newAhead, last}, reset(newAhead))
            return {0, 0, remaining(newAhead), 0, reset(newAhead)}
            """;

    /** NginxPolicy.apply; P = rate (milli-req/s), burst, delay (milli-requests), consume. */
    static final String NGINX = PRELUDE + """
            local rate, burst, delay, consume = P[1], P[2], P[3], P[4]
            local nowms = idiv(now, 1000)
            local s = load()
            local function elapsed(st)
              local ms = nowms - st[2]
              if ms < -60000 then ms = 1 elseif ms < 0 then ms = 0 end
              return ms
            end
            local function lookup(st, c)
              if st == nil then return 1000 * (c - 1) end
              local ms = elapsed(st)
              local drainAll = ceildiv((st[1] + 1000) * 1000, rate)
              local excess = st[1] - idiv(rate * math.min(ms, drainAll), 1000) + 1000
              if excess < 0 then excess = 0 end
              return excess + 1000 * (c - 1)
            end
            local function stored(st, excess)
              if st == nil or elapsed(st) ~= 0 then return {excess, nowms} end
              return {excess, st[2]}
            end
            local function remaining(nxt)
              if nxt > burst then return 0 end
              return idiv(burst - nxt, 1000) + 1
            end
            local function resetAfter(st)
              if st == nil then return 0 end
              return math.max(0, (st[2] + ceildiv((st[1] + 1000) * 1000, rate)) * 1000 - now)
            end
            if cost == 0 then return {0, 0, remaining(lookup(s, 1)), 0, resetAfter(s)} end
            local excess = 0
            if cost - 1 <= idiv(burst, 1000) then excess = lookup(s, cost) end
            if cost - 1 > idiv(burst, 1000) or excess > burst then
              local retry = NEVER
              if cost - 1 <= idiv(burst, 1000) then
                local at = s[2] + ceildiv((s[1] + 1000 * cost - burst) * 1000, rate)
                retry = math.max(1, at * 1000 - now)
              end
              local nxt = s
              if consume == 1 then
                nxt = stored(s, burst)
                save(nxt, resetAfter(nxt))
              end
              return {2, 0, remaining(lookup(nxt, 1)), retry, resetAfter(nxt)}
            end
            local nxt = stored(s, excess)
            local delayMs = 0
            if excess > delay then delayMs = idiv((excess - delay) * 1000, rate) end
            save(nxt, resetAfter(nxt))
            if delayMs == 0 then return {0, 0, remaining(excess + 1000), 0, resetAfter(nxt)} end
            return {1, delayMs * 1000, remaining(excess + 1000), 0, resetAfter(nxt)}
            """;
}
