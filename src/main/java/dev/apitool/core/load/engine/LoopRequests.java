package dev.apitool.core.load.engine;

import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.plan.RequestPlan;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.SplittableRandom;

/**
 * One loop's view of the {@link RequestPlan}: which target each request sends, and the bytes it
 * writes. Lives on its loop's thread only and allocates nothing per request.
 *
 * <p>Targets are picked round-robin with a loop-local cursor, over the loop's slice of the global
 * sequence (so {@code -n} gives each target its exact share), or with a loop-local
 * {@link SplittableRandom} split from the seed. Without changing parts a request writes a view of
 * the shared encoded bytes. With them, each connection has its own copy ({@link Slot}): the
 * idempotency key's last 12 digits are written in place per request, the JWT when it changes. A
 * copy is only patched once the channel has released the previous write of it (its reference count
 * is back to ours alone, e.g. a server may answer before reading the whole body); otherwise the
 * connection takes a fresh copy. The JWT is looked up on the loop's tick, at most every
 * {@link #tokenCheckNanos}, never per request; a token of another length (rare) re-encodes this
 * loop's templates.
 */
final class LoopRequests {

    /** One connection's copy of the bytes it sends, when requests have changing parts. */
    static final class Slot {
        ByteBuf buf;
        Templates.Template holds;
        int version;

        /** Releases the copy; a write still in flight keeps its own reference. */
        void release() {
            if (buf != null) {
                buf.release();
                buf = null;
                holds = null;
            }
        }
    }

    private final RequestPlan plan;
    private final Templates shared;
    private Templates templates;
    private final int count;
    private final boolean random;
    private final SplittableRandom rnd;
    private final int step;
    private int cursor;
    private Templates.Template current;

    private final boolean dynamic;
    private final byte[] keyHead;
    private final byte[] keyTail = new byte[IdempotencyKeys.LENGTH - IdempotencyKeys.TAIL];
    private long keyCounter;

    private final RefreshingToken jwt;
    private final long tokenCheckNanos;
    private RefreshingToken.Token token;
    private byte[] tokenBytes;
    private long nextTokenCheck;
    /** Bumped when the bytes every copy starts from change (a new token): copies are then refreshed. */
    private int version;

    /**
     * @param shared the plan's templates, encoded with {@code token}
     * @param token the token {@code shared} holds, or null without a JWT
     */
    LoopRequests(RequestPlan plan, Templates shared, RefreshingToken.Token token, LoopShare share, int index) {
        this.plan = plan;
        this.shared = shared;
        this.templates = shared;
        this.count = shared.all.length;
        this.random = plan.order() == RequestPlan.Order.RANDOM;
        SplittableRandom root = new SplittableRandom(plan.seed());
        SplittableRandom mine = root;
        for (int i = 0; i <= index && random; i++) {
            mine = root.split();
        }
        this.rnd = mine;
        // the global sequence numbers request g as this loop's: closed model, a block; open model, every loops-th
        this.step = share.stride() % count;
        this.cursor = (int) (share.firstRequest() % count);
        this.jwt = plan.jwt();
        this.token = token;
        this.tokenBytes = token == null ? null : token.ascii();
        this.keyHead = plan.idempotencyKey() ? IdempotencyKeys.head(plan.runBits(), index) : null;
        this.dynamic = keyHead != null || jwt != null;
        this.tokenCheckNanos = jwt == null ? 0 : jwt.checkEvery().toNanos();
        this.nextTokenCheck = System.nanoTime() + tokenCheckNanos;
    }

    /** Returns the bytes of the next request, for {@code slot}'s connection: a buffer the write releases. */
    ByteBuf next(Slot slot) {
        Templates.Template t = pick();
        current = t;
        if (!dynamic) {
            return t.request.retainedDuplicate();
        }
        ByteBuf buf = slot.buf;
        if (buf == null || buf.refCnt() != 1 || buf.capacity() < t.size) {
            slot.release(); // its last write is still in flight (or it is too small): that write keeps the old copy
            buf = slot.buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(t.size, templates.maxSize));
        }
        if (slot.holds != t || slot.version != version) {
            buf.setBytes(0, t.bytes, t.bytes.readerIndex(), t.size);
            if (t.tokenOffset >= 0) {
                buf.setBytes(t.tokenOffset, tokenBytes);
            }
            if (t.keyOffset >= 0) {
                buf.setBytes(t.keyOffset, keyHead);
            }
            slot.holds = t;
            slot.version = version;
        }
        if (t.keyOffset >= 0) {
            IdempotencyKeys.tail(keyTail, keyCounter++);
            buf.setBytes(t.keyOffset + IdempotencyKeys.TAIL, keyTail);
        }
        buf.setIndex(0, t.size);
        return buf.retainedDuplicate();
    }

    private Templates.Template pick() {
        if (count == 1) {
            return templates.all[0];
        }
        if (random) {
            return templates.all[rnd.nextInt(count)];
        }
        int i = cursor;
        cursor += step;
        if (cursor >= count) {
            cursor -= count;
        }
        return templates.all[i];
    }

    /** Returns whether the request last picked is a HEAD (its response has no body). */
    boolean head() {
        return current.head;
    }

    /** Runs on the loop's tick: now and then, takes up a newly signed token. */
    void tick(long now) {
        if (jwt == null || now - nextTokenCheck < 0) {
            return;
        }
        nextTokenCheck = now + tokenCheckNanos;
        RefreshingToken.Token t = jwt.current();
        if (t == token) {
            return;
        }
        if (t.ascii().length != tokenBytes.length) {
            Templates own = Templates.encode(plan, t.ascii()); // a token of another length: this loop re-encodes (rare)
            if (templates != shared) {
                templates.close();
            }
            templates = own;
        }
        token = t;
        tokenBytes = t.ascii();
        version++;
    }

    /** Releases what this loop owns (its own templates after a token length change); the shared ones are the runner's. */
    void close() {
        if (templates != shared) {
            templates.close();
            templates = shared;
        }
    }
}
