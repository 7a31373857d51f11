package dev.apitool.core.ratelimit.policy;

import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.io.InputException;
import dev.apitool.core.ratelimit.Policy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The policies by name, and the parser of policy strings {@code name:k=v,k=v} such as
 * {@code token-bucket:capacity=5,rate=2/s} (Caffeine simulator's {@code Registry}).
 */
public final class Registry {

    private record Entry(List<String> parameters, Function<SpecParams, Policy> factory) {}

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        ENTRIES.put(TokenBucketPolicy.ALGORITHM, new Entry(TokenBucketPolicy.PARAMETERS, TokenBucketPolicy::parse));
        ENTRIES.put(GcraPolicy.ALGORITHM, new Entry(GcraPolicy.PARAMETERS, GcraPolicy::parse));
        ENTRIES.put(NginxPolicy.ALGORITHM, new Entry(NginxPolicy.PARAMETERS, NginxPolicy::parse));
        ENTRIES.put(FixedWindowPolicy.ALGORITHM, new Entry(FixedWindowPolicy.PARAMETERS, FixedWindowPolicy::parse));
        ENTRIES.put(SlidingLogPolicy.ALGORITHM, new Entry(SlidingLogPolicy.PARAMETERS, SlidingLogPolicy::parse));
        ENTRIES.put(SlidingWindowPolicy.ALGORITHM, new Entry(SlidingWindowPolicy.PARAMETERS, SlidingWindowPolicy::parse));
        ENTRIES.put(ConcurrencyPolicy.ALGORITHM, new Entry(ConcurrencyPolicy.PARAMETERS, ConcurrencyPolicy::parse));
    }

    private Registry() {}

    /** Returns the algorithms' names, in the order help lists them. */
    public static List<String> algorithms() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** Returns the parameters {@code algorithm} accepts. */
    public static List<String> parameters(String algorithm) {
        Entry e = ENTRIES.get(algorithm);
        if (e == null) {
            throw new IllegalArgumentException("unknown algorithm: " + algorithm);
        }
        return e.parameters();
    }

    /**
     * Returns the policy {@code spec} describes: an algorithm name, a colon and its parameters.
     *
     * @throws InputException naming the bad part of {@code spec} and listing what is valid
     */
    public static Policy parse(String spec) {
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String algorithm = colon < 0 ? s : s.substring(0, colon).strip();
        Entry e = ENTRIES.get(algorithm);
        if (e == null) {
            throw new InputException("policy '" + s + "': unknown algorithm '" + algorithm + "' (expected "
                    + String.join(", ", ENTRIES.keySet()) + ", e.g. token-bucket:capacity=5,rate=2/s)");
        }
        String body = colon < 0 ? "" : s.substring(colon + 1).strip();
        return e.factory().apply(new SpecParams("policy", s, algorithm, body, e.parameters()));
    }
}
