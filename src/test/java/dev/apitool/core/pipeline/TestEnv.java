package dev.apitool.core.pipeline;

import dev.apitool.core.io.Inputs;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** An {@link Environment} for tests: given variables, a fixed wall clock, a nanosecond clock the test moves, a log it reads. */
final class TestEnv {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final List<String> log = new CopyOnWriteArrayList<>();
    final Environment env;

    TestEnv(Path dir, Instant now) {
        env = new Environment(new Inputs(Map.of("API_JWT_SECRET", SECRET), InputStream::nullInputStream, dir),
                now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC), nanos::get, log::add);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
