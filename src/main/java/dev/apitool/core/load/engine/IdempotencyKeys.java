package dev.apitool.core.load.engine;

import dev.apitool.core.idempotency.IdempotencyKey;
import java.nio.charset.StandardCharsets;

/**
 * {@code --idempotency-key auto}: a key unique per request of a run, across loops and connections,
 * in the fixed-width shape of a UUID so it can be patched into a request's bytes in place. The
 * value is an RFC 9562 version-8 (custom) UUID: 60 random bits per run, then the loop's number
 * (14 bits) and its own request counter (48 bits), so loops never share a counter and runs never
 * share a key (as far as 60 random bits go). Per request only the last 12 hex digits change.
 */
public final class IdempotencyKeys {

    /** The header the key travels in. */
    public static final String HEADER = IdempotencyKey.HEADER;
    /** The key's length, as in {@code 00000000-0000-8000-8000-000000000000}. */
    static final int LENGTH = 36;
    /** Where the per-request counter starts in the key: its last group of 12 hex digits. */
    static final int TAIL = 24;
    /** The most loops a run may have: the loop's number has 14 bits. */
    static final int MAX_LOOPS = 1 << 14;

    static final String PLACEHOLDER = "00000000-0000-8000-8000-000000000000";

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private IdempotencyKeys() {}

    /**
     * Returns the first {@value #TAIL} bytes of every key loop {@code loop} makes: the run's random
     * bits with the version, then the variant with the loop's number.
     *
     * @param runBits the run's random bits (the low 60 are used)
     * @param loop the loop's number, 0 to {@value #MAX_LOOPS} - 1
     */
    static byte[] head(long runBits, int loop) {
        if (loop < 0 || loop >= MAX_LOOPS) {
            throw new IllegalArgumentException("loop number out of range: " + loop);
        }
        long msb = (runBits >>> 12 << 16) | 0x8000L | (runBits & 0xfff); // random_a (48) | ver 8 | random_b (12)
        int group4 = 0x8000 | loop;                                         // variant 10 | loop (14)
        byte[] out = new byte[TAIL];
        hex(out, 0, msb >>> 32, 8);
        out[8] = '-';
        hex(out, 9, msb >>> 16, 4);
        out[13] = '-';
        hex(out, 14, msb, 4);
        out[18] = '-';
        hex(out, 19, group4, 4);
        out[23] = '-';
        return out;
    }

    /** Writes {@code counter} (its low 48 bits) as 12 lowercase hex digits into {@code out[0..12)}. */
    static void tail(byte[] out, long counter) {
        hex(out, 0, counter, 12);
    }

    private static void hex(byte[] out, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            out[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
