package dev.apitool.core.http.raw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apitool.core.http.ErrorKind;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass head against the line-by-line path: seeded random responses (valid, odd and
 * malformed), split at random points, fed to a parser with the fast path and one without; every
 * feed must return the same, consume the same and fail with the same message, and the parsers must
 * end in the same state.
 */
class ResponseParserDifferentialTest {

    static LongStream seeds() {
        return LongStream.range(1, 41);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void fastAndStrict_agreeOnEveryFeed(long seed) throws Exception {
        Random rnd = new Random(seed);
        int fastTaken = 0;
        for (int k = 0; k < 500; k++) {
            boolean head = rnd.nextInt(8) == 0;
            byte[] bytes = response(rnd, head);
            int[] cuts = cuts(rnd, bytes.length);
            ResponseParser fast = new ResponseParser(true);
            ResponseParser strict = new ResponseParser(false);
            fast.reset(head);
            strict.reset(head);
            String what = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n")
                    + " cut at " + Arrays.toString(cuts) + (head ? " (HEAD)" : "");
            boolean direct = rnd.nextBoolean();
            int from = 0;
            for (int c = 0; c <= cuts.length; c++) {
                int to = c < cuts.length ? cuts[c] : bytes.length;
                ByteBuf a = buffer(bytes, from, to, direct);
                ByteBuf b = buffer(bytes, from, to, direct);
                try {
                    String ra = outcome(fast, a);
                    String rb = outcome(strict, b);
                    assertThat(ra).as(what).isEqualTo(rb);
                    assertThat(a.readerIndex()).as(what).isEqualTo(b.readerIndex());
                    assertThat(state(fast)).as(what).isEqualTo(state(strict));
                    if (c == 0 && ra.equals("true") && a.readerIndex() > 0) {
                        fastTaken++;
                    }
                    if (!ra.equals("false")) {
                        break;
                    }
                } finally {
                    a.release();
                    b.release();
                }
                from = to;
            }
            assertThat(fast.endOfInput()).as(what).isEqualTo(strict.endOfInput());
            assertThat(state(fast)).as(what).isEqualTo(state(strict));
        }
        assertThat(fastTaken).as("responses complete in their first buffer").isPositive();
    }

    private static String outcome(ResponseParser p, ByteBuf in) {
        try {
            return Boolean.toString(p.feed(in));
        } catch (ErrorKind.ProtocolException e) {
            return "error: " + e.getMessage();
        }
    }

    private static String state(ResponseParser p) {
        return "status " + p.status() + ", keepAlive " + p.keepAlive() + ", inProgress " + p.inProgress();
    }

    private static ByteBuf buffer(byte[] bytes, int from, int to, boolean direct) {
        ByteBuf b = direct ? Unpooled.directBuffer(Math.max(1, to - from)) : Unpooled.buffer(Math.max(1, to - from));
        return b.writeBytes(bytes, from, to - from);
    }

    /** Returns 0 to 3 sorted cut points; half the time none, the whole response in one buffer. */
    private static int[] cuts(Random rnd, int length) {
        int n = rnd.nextBoolean() ? 0 : 1 + rnd.nextInt(3);
        int[] cuts = new int[n];
        for (int i = 0; i < n; i++) {
            cuts[i] = rnd.nextInt(length + 1);
        }
        Arrays.sort(cuts);
        return cuts;
    }

    private static final String[] STATUS = {"HTTP/1.1 200 OK", "HTTP/1.1 200", "HTTP/1.0 200 OK", "HTTP/1.1 201 Created",
        "HTTP/1.1 204 No Content", "HTTP/1.1 304 Not Modified", "HTTP/1.1 404 Not Found", "HTTP/1.1 503 Busy",
        "HTTP/1.1 999 Odd", "HTTP/1.x 200 OK"};
    private static final String[] BAD_STATUS = {"HTTP/1.1 20 OK", "HTTP/2 200 OK", "HTTP/1.1 200OK", "HTTP/1.1 099 Low",
        "http/1.1 200 OK", "HTTP/1.1 2x0 OK", "", "HTTP/1.1  200 OK"};

    private static byte[] response(Random rnd, boolean head) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String eol = rnd.nextInt(10) == 0 ? "\n" : "\r\n";
        if (rnd.nextInt(10) == 0) {
            write(out, "HTTP/1.1 100 Continue" + eol + (rnd.nextBoolean() ? "X-Interim: 1" + eol : "") + eol);
        }
        String status = rnd.nextInt(15) == 0 ? BAD_STATUS[rnd.nextInt(BAD_STATUS.length)] : STATUS[rnd.nextInt(STATUS.length)];
        if (rnd.nextInt(30) == 0) {
            status += " " + "r".repeat(110 + rnd.nextInt(40)); // around the kept-line limit
        }
        write(out, status + eol);
        int bodyLength = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(3000);
        int framing = rnd.nextInt(10); // 0-6 length, 7-8 chunked, 9 until close
        List<String> headers = new ArrayList<>();
        if (framing <= 6) {
            headers.add(caseOf(rnd, "Content-Length") + ":" + blanks(rnd) + bodyLength + blanks(rnd));
            if (rnd.nextInt(15) == 0) {
                headers.add("content-length: " + (rnd.nextBoolean() ? bodyLength : bodyLength + 1));
            }
            if (rnd.nextInt(20) == 0) {
                headers.add("Content-Length: " + (rnd.nextBoolean() ? "" : "1x"));
            }
        } else if (framing <= 8) {
            headers.add(caseOf(rnd, "Transfer-Encoding") + ": " + (rnd.nextInt(5) == 0 ? "gzip, " : "") + "chunked");
        }
        int extra = rnd.nextInt(8);
        for (int i = 0; i < extra; i++) {
            switch (rnd.nextInt(9)) {
                case 0 -> headers.add(caseOf(rnd, "Connection") + ": " + (rnd.nextBoolean() ? "close" : "Keep-Alive"));
                case 1 -> headers.add("Connection: Upgrade, " + caseOf(rnd, "keep-alive"));
                case 2 -> headers.add("X-Long: " + "v".repeat(100 + rnd.nextInt(60)));
                case 3 -> headers.add("X-" + "n".repeat(120 + rnd.nextInt(20)) + ": 1");
                case 4 -> headers.add(rnd.nextInt(3) == 0 ? "no colon here" : ": empty name");
                case 5 -> headers.add("Content-Lengthy: 7");
                default -> headers.add("Server: nginx/1.22." + rnd.nextInt(10));
            }
        }
        java.util.Collections.shuffle(headers, rnd);
        for (String h : headers) {
            write(out, h + eol);
        }
        write(out, eol);
        byte[] body = new byte[bodyLength];
        Arrays.fill(body, (byte) 'b');
        if (framing <= 6 || framing == 9) {
            out.write(body, 0, body.length);
        } else {
            int left = bodyLength;
            while (left > 0) {
                int n = 1 + rnd.nextInt(left);
                write(out, Integer.toHexString(n) + (rnd.nextInt(5) == 0 ? ";x=1" : "") + eol);
                out.write(body, 0, n);
                write(out, eol);
                left -= n;
            }
            write(out, "0" + eol + (rnd.nextBoolean() ? "Trailer: t" + eol : "") + eol);
        }
        if (rnd.nextInt(8) == 0) {
            write(out, "HTTP/1.1 200 OK" + eol); // a pipelined or stray next response
        }
        return out.toByteArray();
    }

    private static String caseOf(Random rnd, String name) {
        return switch (rnd.nextInt(3)) {
            case 0 -> name;
            case 1 -> name.toLowerCase(java.util.Locale.ROOT);
            default -> name.toUpperCase(java.util.Locale.ROOT);
        };
    }

    private static String blanks(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> "";
            case 1 -> " ";
            case 2 -> "\t ";
            default -> "  ";
        };
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
