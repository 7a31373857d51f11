package dev.apitool.core.load.plan;

import dev.apitool.core.io.InputException;
import dev.apitool.core.jwt.RefreshingToken;
import dev.apitool.core.load.LoadSpec;
import dev.apitool.core.load.engine.IdempotencyKeys;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a load run sends: one target or a targets file's, picked round-robin or at random (seeded),
 * and the parts that change per request or now and then: an {@code Idempotency-Key} per request and
 * an {@code Authorization: Bearer} JWT re-signed every so often. Every target is encoded once; the
 * changing parts are patched into those bytes, never re-encoded per request. Immutable.
 */
public final class RequestPlan {

    /** How each request picks its target. */
    public enum Order {
        ROUND_ROBIN("round-robin"), RANDOM("random");

        private final String text;

        Order(String text) {
            this.text = text;
        }

        /** Returns the name users type: {@code round-robin} or {@code random}. */
        public String text() {
            return text;
        }

        /**
         * Returns the order {@code text} names.
         *
         * @throws InputException naming the accepted names when {@code text} is none of them
         */
        public static Order parse(String text) {
            for (Order o : values()) {
                if (o.text.equalsIgnoreCase(text.strip())) {
                    return o;
                }
            }
            throw new InputException("--targets-order '" + text + "': expected "
                    + Arrays.stream(values()).map(Order::text).collect(Collectors.joining(" or ")));
        }
    }

    /**
     * What the report says about the requests sent.
     *
     * @param source the targets file, or null for the URL argument alone
     * @param targets how many targets
     * @param order {@code round-robin} or {@code random}
     * @param seed the random order's seed (given or chosen), else null
     * @param idempotencyKey whether each request carried its own Idempotency-Key
     * @param jwt the JWT settings and tokens signed, or null without one
     */
    public record Summary(String source, int targets, String order, Long seed, boolean idempotencyKey, Jwt jwt) {}

    /** The JWT part of a {@link Summary}: the algorithm, the lifetime and refresh in seconds, and the tokens signed. */
    public record Jwt(String alg, double ttlSec, double refreshSec, long tokensSigned) {}

    private final List<LoadTarget> targets;
    private final String source;
    private final Order order;
    private final long seed;
    private final boolean idempotencyKey;
    private final RefreshingToken jwt;
    private final long runBits;

    private RequestPlan(List<LoadTarget> targets, String source, Order order, long seed, boolean idempotencyKey,
            RefreshingToken jwt, long runBits) {
        this.targets = List.copyOf(targets);
        this.source = source;
        this.order = order;
        this.seed = seed;
        this.idempotencyKey = idempotencyKey;
        this.jwt = jwt;
        this.runBits = runBits;
    }

    /** Returns the plan of a run without a targets file: the spec's one request. */
    public static RequestPlan single(LoadSpec spec) {
        return new RequestPlan(List.of(new LoadTarget(spec.method(), spec.url(), spec.headers(), spec.body(), "-H")),
                null, Order.ROUND_ROBIN, 0, false, null, 0);
    }

    /**
     * Returns the plan for {@code targets} read from {@code source}.
     *
     * @param seed the random order's seed, or null to choose one (the report names it, so the run can be repeated)
     */
    public static RequestPlan of(List<LoadTarget> targets, String source, Order order, Long seed) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        long s = order == Order.RANDOM && seed == null ? new SecureRandom().nextLong() : seed == null ? 0 : seed;
        return new RequestPlan(targets, source, order, s, false, null, 0);
    }

    /** Returns this plan with a unique {@code Idempotency-Key} header in every request. */
    public RequestPlan withIdempotencyKey() {
        refuseHeader(IdempotencyKeys.HEADER, "--idempotency-key");
        return new RequestPlan(targets, source, order, seed, true, jwt, new SecureRandom().nextLong());
    }

    /** Returns this plan with {@code Authorization: Bearer TOKEN}, the token from {@code token}, in every request. */
    public RequestPlan withJwt(RefreshingToken token) {
        refuseHeader("Authorization", "--jwt-secret/--jwt-key");
        return new RequestPlan(targets, source, order, seed, idempotencyKey, token, runBits);
    }

    private void refuseHeader(String name, String flag) {
        for (LoadTarget t : targets) {
            if (t.headers().contains(name)) {
                throw new InputException(t.where() + ": sets " + name + ", which " + flag + " sets on every request: give one of them");
            }
        }
    }

    /** Returns the targets, in the order written. */
    public List<LoadTarget> targets() {
        return targets;
    }

    /** Returns the origin every target shares, as {@code http://HOST:PORT/}. */
    public URI origin() {
        URI first = targets.get(0).url();
        return URI.create(first.getScheme() + "://" + first.getRawAuthority() + "/");
    }

    /** Returns the methods the targets use, in order of first use, joined by commas ({@code GET}, {@code GET,POST}). */
    public String methods() {
        Set<String> all = new LinkedHashSet<>();
        targets.forEach(t -> all.add(t.method()));
        return String.join(",", all);
    }

    public Order order() {
        return order;
    }

    public long seed() {
        return seed;
    }

    public boolean idempotencyKey() {
        return idempotencyKey;
    }

    public RefreshingToken jwt() {
        return jwt;
    }

    /** Returns the run's random bits that start every idempotency key. */
    public long runBits() {
        return runBits;
    }

    /** Returns what the report says about the requests; the count of tokens signed is as of now. */
    public Summary summary() {
        Jwt j = jwt == null ? null : new Jwt(jwt.algorithm().name(), jwt.ttl().toMillis() / 1000.0,
                jwt.refresh().toMillis() / 1000.0, jwt.signed());
        return new Summary(source, targets.size(), order.text(), order == Order.RANDOM ? seed : null, idempotencyKey, j);
    }
}
