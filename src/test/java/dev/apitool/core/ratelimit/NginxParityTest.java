package dev.apitool.core.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.ratelimit.policy.NginxPolicy;
import dev.apitool.core.ratelimit.policy.NginxZones;
import dev.apitool.core.ratelimit.policy.Registry;
import dev.apitool.core.ratelimit.store.MemoryStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4's acceptance for the nginx-compatible mode: the decisions {@link NginxPolicy} (and
 * {@link NginxZones} for two zones on one request) predict are the ones a real nginx from apt
 * makes with the same {@code limit_req} settings, request for request.
 *
 * <p>The test writes its own nginx.conf (one location and zone per script, {@code
 * limit_req_dry_run on} so that nothing is actually delayed or refused, and an access log of
 * {@code $msec $limit_req_status $uri $arg_i}), replays every script in real time on its own
 * keep-alive connection (all scripts at once, so the whole run takes about 3 s), and maps
 * {@code $limit_req_status} to a decision: PASSED to allowed, DELAYED and DELAYED_DRY_RUN to
 * delayed, REJECTED and REJECTED_DRY_RUN to limited. In dry-run mode nginx accounts exactly as
 * it would enforce (ngx_http_limit_req_handler: the lookup and ngx_http_limit_req_account run
 * first; only the final return differs), so the statuses are the decisions.
 *
 * <p>apitool is given the times nginx itself logged ({@code $msec}, relative to the script's
 * first request), not the times the client meant to send at, which takes client-side jitter out
 * of the comparison. What remains is that nginx decides on {@code ngx_current_msec}, read at the
 * same moment as {@code $msec} but possibly from a coarse monotonic clock (4 ms ticks here), so
 * the two can differ by a few milliseconds; every script therefore keeps each decision at least
 * {@value #TOLERANCE_MS} ms (in arrival time) from the point where it would change, which
 * {@link #scripts_decideTheSameWhenEveryRequestIsUpTo35msLate} checks without nginx.
 */
class NginxParityTest {

    /** How far (ms) any request of any script may move without changing any decision. */
    static final int TOLERANCE_MS = 35;

    /** One {@code limit_req} zone: the nginx settings and the apitool policy that should decide the same. */
    record Zone(String rate, String limitReq, String policy) {}

    /** A script: its zones (in {@code limit_req} order), request times in ms, and the decisions designed for them. */
    record Script(String name, List<Zone> zones, long[] atMs, String designed) {
        String location() {
            return "/" + name + "/";
        }
    }

    static final List<Script> SCRIPTS = List.of(
            // steady over-rate: 8.3 requests/s against 5r/s, no burst: every other request passes
            new Script("steady", List.of(new Zone("5r/s", "", "nginx:rate=5r/s")),
                    times("0,120,240,360,480,600,720,840,960,1080,1200,1320,1440,1560,1680,1800,1920,2040"),
                    "alalalalalalalalal"),
            // bursts against burst=3 (delayed): the queue fills, drains part way, fills again
            new Script("bursts", List.of(new Zone("2r/s", "burst=3", "nginx:rate=2r/s,burst=3")),
                    times("0,0,0,0,0,0,900,900,900,900,2200,2200,2200,2200,2200"),
                    "adddlldllldddll"),
            // burst + nodelay: the burst passes at once, the excess is refused
            new Script("nodelay", List.of(new Zone("2r/s", "burst=4 nodelay", "nginx:rate=2r/s,burst=4,nodelay")),
                    times("0,0,0,0,0,0,0,1100,1100,1100,1900,1900,2300,2700"),
                    "aaaaallaalalaa"),
            // delay=2: two excess requests pass at once, the next three are delayed, the rest refused
            new Script("delay", List.of(new Zone("2r/s", "burst=5 delay=2", "nginx:rate=2r/s,burst=5,delay=2")),
                    times("0,0,0,0,0,0,0,0,1200,1200,1200,2400,2800"),
                    "aaadddllddldd"),
            // a per-minute rate: 30r/m is 500 milli-requests per second
            new Script("perminute", List.of(new Zone("30r/m", "burst=1 nodelay", "nginx:rate=30r/m,burst=1,nodelay")),
                    times("0,0,0,700,1500,2500,2600"),
                    "aalllal"),
            // two zones on one request: the first refuses (nodelay), the second delays
            new Script("zones", List.of(new Zone("4r/s", "burst=3 nodelay", "nginx:rate=4r/s,burst=3,nodelay"),
                            new Zone("1r/s", "burst=5", "nginx:rate=1r/s,burst=5")),
                    times("0,0,0,0,0,0,600,600,1300,1300,1300,2150,2600"),
                    "adddlldddlldl"));

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void realNginx_limitReqDryRun_decidesAsNginxPolicy_requestForRequest() throws Exception {
        for (Script s : SCRIPTS) {
            Files.createDirectories(dir.resolve("www").resolve(s.name()));
            Files.writeString(dir.resolve("www").resolve(s.name()).resolve("ok.txt"), "ok\n");
        }
        Files.writeString(dir.resolve("www").resolve("warm.txt"), "warm\n");
        List<Result> results = new ArrayList<>();
        try (NginxServer nginx = NginxServer.start(dir, this::http)) {
            long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
            ExecutorService pool = Executors.newFixedThreadPool(SCRIPTS.size());
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (Script s : SCRIPTS) {
                    runs.add(pool.submit(() -> {
                        replay(nginx.port, s, start);
                        return null;
                    }));
                }
                for (Future<?> f : runs) {
                    f.get(30, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            for (Script s : SCRIPTS) {
                results.add(compare(s, awaitLog(nginx, s)));
            }
        }

        StringBuilder report = new StringBuilder();
        int compared = 0;
        for (Result r : results) {
            compared += r.nginx().size();
            report.append(String.format(Locale.ROOT, "%-10s nginx %s  apitool %s  designed %s  max lateness %d ms%n",
                    r.script().name(), code(r.nginx()), code(r.apitool()), r.script().designed(), r.maxDeviationMs()));
        }
        System.out.printf(Locale.ROOT, "nginx parity: %d decisions compared%n%s", compared, report);

        for (Result r : results) {
            assertThat(r.apitool()).as("apitool %s vs nginx on the times nginx logged (%s)%n%s",
                    r.script().zones().stream().map(Zone::policy).collect(Collectors.joining(" + ")),
                    r.script().name(), report).isEqualTo(r.nginx());
        }
        // the scripts meant something: every outcome occurred, each where it was designed to
        // (guaranteed only while no request arrived more than TOLERANCE_MS off its schedule)
        Set<Outcome> seen = EnumSet.noneOf(Outcome.class);
        results.forEach(r -> seen.addAll(r.nginx()));
        assertThat(seen).containsExactlyInAnyOrder(Outcome.values());
        for (Result r : results) {
            if (r.maxDeviationMs() <= TOLERANCE_MS) {
                assertThat(code(r.nginx())).as("nginx on %s as designed%n%s", r.script().name(), report).isEqualTo(r.script().designed());
            }
        }
    }

    @Test
    void scripts_decideTheSameWhenEveryRequestIsUpTo35msLate() {
        Random random = new Random(4);
        for (Script s : SCRIPTS) {
            assertThat(code(decide(s, s.atMs()))).as("%s as designed", s.name()).isEqualTo(s.designed());
            for (int trial = 0; trial < 4000; trial++) {
                long[] late = new long[s.atMs().length];
                for (int i = 0; i < late.length; i++) {
                    // the first half: one request alone TOLERANCE_MS early or late; then all at random
                    long shift = trial < 2 * late.length
                            ? (i == trial / 2 ? (trial % 2 == 0 ? TOLERANCE_MS : -TOLERANCE_MS) : 0)
                            : random.nextInt(TOLERANCE_MS + 1);
                    late[i] = Math.max(i == 0 ? 0 : late[i - 1], s.atMs()[i] + shift);
                }
                long first = late[0];
                for (int i = 0; i < late.length; i++) {
                    late[i] -= first;
                }
                assertThat(code(decide(s, late))).as("%s with requests at %s", s.name(), java.util.Arrays.toString(late))
                        .isEqualTo(s.designed());
            }
        }
    }

    // --- nginx --------------------------------------------------------------------------------

    private String http(int port) {
        StringBuilder h = new StringBuilder();
        h.append("    log_format parity '$msec $limit_req_status $uri $arg_i';\n");
        for (Script s : SCRIPTS) {
            for (int z = 0; z < s.zones().size(); z++) {
                h.append("    limit_req_zone $binary_remote_addr zone=").append(zoneName(s, z))
                        .append(":1m rate=").append(s.zones().get(z).rate()).append(";\n");
            }
        }
        h.append("    server {\n")
                .append("        listen 127.0.0.1:").append(port).append(";\n")
                .append("        root ").append(dir.resolve("www")).append(";\n")
                .append("        access_log ").append(dir.resolve("access.log")).append(" parity;\n")
                .append("        keepalive_requests 10000;\n")
                .append("        limit_req_dry_run on;\n");
        for (Script s : SCRIPTS) {
            h.append("        location ").append(s.location()).append(" {");
            for (int z = 0; z < s.zones().size(); z++) {
                h.append(" limit_req zone=").append(zoneName(s, z)).append(' ').append(s.zones().get(z).limitReq()).append(';');
            }
            h.append(" }\n");
        }
        return h.append("    }\n").toString();
    }

    private static String zoneName(Script s, int z) {
        return s.name() + "_" + z;
    }

    /** Sends the script's requests on one keep-alive connection, each at {@code start} + its time. */
    private static void replay(int port, Script s, long start) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // warm the connection and this code path up on a file no limit applies to
            for (int i = 0; i < 3; i++) {
                out.write("GET /warm.txt HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readResponse(in);
            }
            for (int i = 0; i < s.atMs().length; i++) {
                long at = start + TimeUnit.MILLISECONDS.toNanos(s.atMs()[i]);
                for (long wait; (wait = at - System.nanoTime()) > 0;) {
                    LockSupport.parkNanos(wait);
                }
                String request = "GET " + s.location() + "ok.txt?i=" + (i + 1) + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
                out.write(request.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = readResponse(in);
                if (!status.startsWith("HTTP/1.1 200")) {
                    throw new IOException(s.name() + " request " + (i + 1) + ": " + status);
                }
            }
        }
    }

    /** Reads one response with a Content-Length body; returns its status line. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.append((char) c);
        }
        String headers = head.toString().toLowerCase(Locale.ROOT);
        int at = headers.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).strip());
        in.readNBytes(length);
        return head.substring(0, head.indexOf("\r\n"));
    }

    /** One access-log line: when nginx decided (ms since the epoch) and what. */
    record Logged(long ms, Outcome outcome) {}

    /** Returns the script's access-log lines in request order, waiting for nginx to log the last one. */
    private static List<Logged> awaitLog(NginxServer nginx, Script s) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<String[]> mine = new ArrayList<>();
            for (String line : nginx.log("access.log")) {
                String[] f = line.split(" ");
                if (f.length == 4 && f[2].equals(s.location() + "ok.txt")) {
                    mine.add(f);
                }
            }
            if (mine.size() >= s.atMs().length || System.nanoTime() > deadline) {
                assertThat(mine).as("%s: access log lines", s.name()).hasSize(s.atMs().length);
                List<Logged> logged = new ArrayList<>();
                for (int i = 0; i < mine.size(); i++) {
                    String[] f = mine.get(i);
                    assertThat(f[3]).as("%s: the log is in request order", s.name()).isEqualTo(Integer.toString(i + 1));
                    assertThat(f[1]).as("%s: dry run", s.name()).isIn("PASSED", "DELAYED_DRY_RUN", "REJECTED_DRY_RUN");
                    logged.add(new Logged(new BigDecimal(f[0]).movePointRight(3).longValueExact(), outcome(f[1])));
                }
                return logged;
            }
            Thread.sleep(20);
        }
    }

    /** Maps {@code $limit_req_status} to apitool's outcome. */
    static Outcome outcome(String status) {
        switch (status) {
            case "PASSED": return Outcome.ALLOWED;
            case "DELAYED": case "DELAYED_DRY_RUN": return Outcome.DELAYED;
            case "REJECTED": case "REJECTED_DRY_RUN": return Outcome.LIMITED;
            default: throw new IllegalArgumentException("unknown $limit_req_status: " + status);
        }
    }

    // --- apitool ------------------------------------------------------------------------------

    /** What one script gave: nginx's decisions, apitool's on nginx's times, and how late the latest request was. */
    record Result(Script script, List<Outcome> nginx, List<Outcome> apitool, long maxDeviationMs) {}

    private static Result compare(Script s, List<Logged> logged) {
        long first = logged.get(0).ms();
        long[] at = new long[logged.size()];
        long deviation = 0;
        for (int i = 0; i < at.length; i++) {
            at[i] = logged.get(i).ms() - first;
            deviation = Math.max(deviation, Math.abs(at[i] - s.atMs()[i]));
        }
        List<Outcome> nginx = logged.stream().map(Logged::outcome).toList();
        return new Result(s, nginx, decide(s, at), deviation);
    }

    /** Returns apitool's decisions for requests at {@code atMs} (from one client, as nginx keys them by address). */
    static List<Outcome> decide(Script s, long[] atMs) {
        List<Outcome> out = new ArrayList<>();
        if (s.zones().size() == 1) {
            Limiter limiter = Limiter.of(Registry.parse(s.zones().get(0).policy()), new MemoryStore());
            for (long t : atMs) {
                out.add(limiter.decide("127.0.0.1", 1, t * 1000).outcome());
            }
            return out;
        }
        List<NginxPolicy> zones = s.zones().stream().map(z -> (NginxPolicy) Registry.parse(z.policy())).toList();
        long[][] states = new long[zones.size()][];
        for (long t : atMs) {
            NginxZones.Result r = NginxZones.decide(zones, states, t * 1000);
            states = r.states();
            out.add(r.decision().outcome());
        }
        return out;
    }

    private static String code(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> o.label().substring(0, 1)).collect(Collectors.joining());
    }

    private static long[] times(String csv) {
        String[] parts = csv.split(",");
        long[] t = new long[parts.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = Long.parseLong(parts[i]);
        }
        return t;
    }
}
