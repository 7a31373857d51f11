package dev.apitool.core.load.engine;

import dev.apitool.core.http.Headers;
import dev.apitool.core.http.raw.EncodedRequest;
import dev.apitool.core.io.InputException;
import dev.apitool.core.load.plan.LoadTarget;
import dev.apitool.core.load.plan.RequestPlan;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Every target of a {@link RequestPlan} encoded once, with where the parts that change sit in the
 * bytes: the {@code Idempotency-Key} value and the JWT after {@code Authorization: Bearer }. Owns
 * the buffers: {@link #close} releases them (sends still in flight keep their own references).
 */
final class Templates implements AutoCloseable {

    /** One encoded target with the offsets of its changing parts (-1 where it has none). */
    static final class Template {
        final EncodedRequest request;
        final ByteBuf bytes;
        final int size;
        final boolean head;
        final int keyOffset;
        final int tokenOffset;

        Template(EncodedRequest request, int keyOffset, int tokenOffset) {
            this.request = request;
            this.bytes = request.bytes();
            this.size = request.size();
            this.head = request.head();
            this.keyOffset = keyOffset;
            this.tokenOffset = tokenOffset;
        }
    }

    final Template[] all;
    /** The token written into the templates, or null. */
    final byte[] token;
    /** The largest template, in bytes. */
    final int maxSize;

    private Templates(Template[] all, byte[] token) {
        this.all = all;
        this.token = token;
        int max = 0;
        for (Template t : all) {
            max = Math.max(max, t.size);
        }
        this.maxSize = max;
    }

    /**
     * Returns the plan's targets encoded with {@code token} (null for none) after {@code Bearer }.
     *
     * @throws InputException naming the target, for one that cannot be encoded
     */
    static Templates encode(RequestPlan plan, byte[] token) {
        Template[] all = new Template[plan.targets().size()];
        try {
            for (int i = 0; i < all.length; i++) {
                all[i] = encode(plan.targets().get(i), plan.idempotencyKey(), token);
            }
        } catch (RuntimeException e) {
            release(all);
            throw e;
        }
        return new Templates(all, token);
    }

    private static Template encode(LoadTarget t, boolean key, byte[] token) {
        Headers headers = t.headers();
        if (key) {
            headers = headers.with(IdempotencyKeys.HEADER, IdempotencyKeys.PLACEHOLDER);
        }
        if (token != null) {
            headers = headers.with("Authorization", "Bearer " + new String(token, StandardCharsets.US_ASCII));
        }
        EncodedRequest request;
        try {
            request = EncodedRequest.of(t.url(), t.method(), headers, t.body());
        } catch (IllegalArgumentException e) {
            throw new InputException(t.where().equals("-H") ? e.getMessage() : t.where() + ": " + e.getMessage(), e);
        }
        String text = request.text();
        int headEnd = text.indexOf("\r\n\r\n");
        return new Template(request, key ? offset(text, "\r\n" + IdempotencyKeys.HEADER + ": ", headEnd) : -1,
                token != null ? offset(text, "\r\nAuthorization: Bearer ", headEnd) : -1);
    }

    private static int offset(String text, String prefix, int headEnd) {
        int at = text.indexOf(prefix);
        if (at < 0 || at > headEnd) {
            throw new IllegalStateException("encoded request lacks '" + prefix.strip() + "'");
        }
        return at + prefix.length();
    }

    /** The most memory the connections' own copies of the requests may take (with per-request parts). */
    static final long MAX_COPIES_BYTES = 256L << 20;

    /**
     * Refuses a run whose connections' copies would pass {@link #MAX_COPIES_BYTES}: with per-request
     * parts, each connection keeps a copy of the largest request.
     *
     * @throws InputException saying how much and what to change
     */
    void checkCopies(RequestPlan plan, int connections) {
        checkCopies(plan, connections, "-c");
    }

    /**
     * As {@link #checkCopies(RequestPlan, int)}, naming {@code flag} as what sets the number of
     * connections ({@code -c}, or {@code --max-in-flight} in the open model, which opens up to that many).
     */
    void checkCopies(RequestPlan plan, int connections, String flag) {
        long total = (long) maxSize * connections;
        if ((plan.idempotencyKey() || plan.jwt() != null) && total > MAX_COPIES_BYTES) {
            throw new InputException("with --idempotency-key or --jwt-*, each connection keeps its own copy of the "
                    + "largest request (" + maxSize + " bytes): " + connections + " connections (" + flag + " " + connections
                    + ") would take " + (total >> 20) + " MiB, over the 256 MiB bound; lower " + flag + " or use smaller bodies");
        }
    }

    @Override
    public void close() {
        release(all);
    }

    private static void release(Template[] all) {
        for (Template t : all) {
            if (t != null) {
                t.request.close();
            }
        }
    }
}
