package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.ratelimit.Policy;
import dev.apitool.core.ratelimit.Quota;
import java.util.ArrayList;
import java.util.List;

/**
 * What every policy shares: its name, canonical policy string and advertised quota, and the
 * {@code consume-rejected} option.
 *
 * <p>{@code consume-rejected=false} is the default everywhere: a refused request was not served,
 * so charging it would let a client that keeps retrying lock itself out for as long as it retries,
 * and the {@code Retry-After} we send would be a lie (a client that waits as told would be refused
 * again if its own rejected retries had been charged). nginx {@code limit_req}, redis-cell and the
 * classic token bucket all leave state untouched on rejection. With {@code consume-rejected=true} a
 * refused request is charged its cost but never more than is left: the bucket or window ends
 * empty, with no debt, so state stays bounded and a client that stops recovers within one period.
 */
abstract class BasePolicy implements Policy {

    static final String CONSUME_REJECTED = "consume-rejected";
    static final String NAME = "name";

    private final String algorithm;
    private final String name;
    private final String spec;
    private final Quota quota;

    BasePolicy(String algorithm, String name, String spec, Quota quota) {
        this.algorithm = algorithm;
        this.name = name;
        this.spec = spec;
        this.quota = quota;
    }

    @Override
    public final String algorithm() {
        return algorithm;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final Quota quota() {
        return quota;
    }

    @Override
    public final String toString() {
        return spec;
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof BasePolicy && ((BasePolicy) o).spec.equals(spec);
    }

    @Override
    public final int hashCode() {
        return spec.hashCode();
    }

    /** Returns the canonical policy string: the algorithm, its parameters, then the optional ones when not default. */
    static String spec(String algorithm, String name, boolean consumeRejected, String... parameters) {
        List<String> parts = new ArrayList<>();
        for (String p : parameters) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        if (consumeRejected) {
            parts.add(CONSUME_REJECTED + "=true");
        }
        if (!name.equals(algorithm)) {
            parts.add(NAME + "=" + name);
        }
        return algorithm + ":" + String.join(",", parts);
    }

    /** Returns the state {@code [a, b]}, the shape most policies keep. */
    static long[] pair(long a, long b) {
        return new long[] {a, b};
    }
}
