package dev.apitool.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.ErrorKind;
import dev.apitool.core.http.HttpServer;
import dev.apitool.core.http.RequestHandler;
import dev.apitool.core.http.ServerResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures are counted by kind, with an example each, and never stop the run or keep it past its time. */
@Timeout(30)
class LoadErrorsTest {

    private static final Duration NO_WARMUP = Duration.ZERO;

    @Test
    void connectionRefused_closedModel_countedAsConnect_andTheRunEndsOnTime() throws Exception {
        long start = System.nanoTime();
        LoadReport r = Spec.to(LoadServers.refused()).connections(2).duration(Duration.ofMillis(800)).warmup(NO_WARMUP).run();
        assertThat(seconds(start)).isLessThan(2.0);
        assertThat(r.errors().get(ErrorKind.CONNECT)).isPositive();
        assertThat(r.failed()).isEqualTo(r.requests()).isPositive();
        assertThat(r.examples().get(ErrorKind.CONNECT)).containsIgnoringCase("refused");
        assertThat(r.status()).isEmpty();
    }

    @Test
    void connectionRefused_openModel_failsEachDueRequest() throws Exception {
        long start = System.nanoTime();
        LoadReport r = Spec.to(LoadServers.refused()).rate("100/s").duration(Duration.ofSeconds(1)).warmup(NO_WARMUP).run();
        assertThat(seconds(start)).isLessThan(2.5);
        assertThat(r.errors().get(ErrorKind.CONNECT)).isPositive();
        assertThat(r.requests()).isBetween(95L, 101L);
        assertThat(r.failed()).isEqualTo(r.requests());
    }

    @Test
    void resetsAndTruncatedBodies_countedAsReset_successesStillCounted() {
        AtomicLong n = new AtomicLong();
        RequestHandler handler = RequestHandler.of(req -> switch ((int) (n.incrementAndGet() % 3)) {
            case 0 -> ServerResponse.reset();
            case 1 -> ServerResponse.truncated(200, 1000, "partial".getBytes(StandardCharsets.UTF_8));
            default -> ServerResponse.text(200, "ok");
        });
        try (HttpServer server = LoadServers.start(handler)) {
            LoadReport r = Spec.to(server.uri("/")).connections(3).requests(300).warmup(NO_WARMUP).run();
            assertThat(server.requestsServed()).isEqualTo(300);
            assertThat(r.requests()).isEqualTo(300);
            assertThat(r.errors().get(ErrorKind.RESET)).isBetween(195L, 205L);
            assertThat(r.failed()).isEqualTo(r.errors().get(ErrorKind.RESET));
            assertThat(r.status().get(200)).isEqualTo(300 - r.failed());
            assertThat(r.examples()).containsKey(ErrorKind.RESET);
            assertThat(r.error().count()).isEqualTo(r.failed());
        }
    }

    @Test
    void silentServer_requestsTimeOut_andTheRunEndsWithinDurationPlusGrace() {
        try (HttpServer server = LoadServers.silent()) {
            long start = System.nanoTime();
            LoadReport r = Spec.to(server.uri("/")).connections(2).duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(300)).warmup(NO_WARMUP).run();
            assertThat(seconds(start)).isLessThan(2.0);
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isBetween(4L, 8L);
            assertThat(r.examples().get(ErrorKind.TIMEOUT)).isEqualTo("no response within 300ms");
            assertThat(r.error().min()).isGreaterThanOrEqualTo(299_000); // 3 significant digits
        }
    }

    @Test
    void silentServer_countedRun_stopsAtItsMaxDuration_notAfterCountTimesTimeout() {
        try (HttpServer server = LoadServers.silent()) {
            // 2000 requests of a 1 s timeout on 2 connections would take ~1000 s without the bound
            LoadReport r = Spec.to(server.uri("/")).connections(2).requests(2000).timeout(Duration.ofSeconds(1))
                    .maxDuration(Duration.ofSeconds(1)).warmup(NO_WARMUP).run();
            assertThat(r.stoppedBy()).isEqualTo(StoppedBy.MAX_DURATION);
            assertThat(r.sent()).isLessThan(2000);
        }
    }

    @Test
    void silentServer_openModel_endsOnTime_withTimeoutsAndNoHang() {
        try (HttpServer server = LoadServers.silent()) {
            long start = System.nanoTime();
            LoadReport r = Spec.to(server.uri("/")).rate("50/s").maxInFlight(10).duration(Duration.ofSeconds(1))
                    .timeout(Duration.ofMillis(300)).warmup(NO_WARMUP).run();
            assertThat(seconds(start)).isLessThan(2.5);
            assertThat(r.errors().get(ErrorKind.TIMEOUT)).isPositive();
            assertThat(r.late() + r.dropped()).isPositive();
        }
    }

    @Test
    void garbageResponse_countedAsProtocol() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                while (!listener.isClosed()) {
                    try (Socket s = listener.accept()) {
                        InputStream in = s.getInputStream();
                        in.read(new byte[4096]);
                        OutputStream out = s.getOutputStream();
                        out.write("SPDY/9 what\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        in.read(new byte[4096]);
                    } catch (Exception e) {
                        // the test closes the listener
                    }
                }
            }, "garbage-server");
            t.setDaemon(true);
            t.start();
            URI url = URI.create("http://127.0.0.1:" + listener.getLocalPort() + "/");
            LoadReport r = Spec.to(url).connections(1).threads(1).requests(5).warmup(NO_WARMUP).run();
            assertThat(r.errors().get(ErrorKind.PROTOCOL)).isEqualTo(5);
            assertThat(r.examples().get(ErrorKind.PROTOCOL)).contains("malformed status line", "SPDY/9");
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
