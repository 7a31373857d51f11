package dev.apitool.core.spec;

import dev.apitool.core.config.DidYouMean;
import dev.apitool.core.io.InputException;
import dev.apitool.core.time.Durations;
import dev.apitool.core.time.Rates;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code k=v,k=v} part of a spec string such as the policy {@code token-bucket:capacity=5,rate=2/s}
 * or the generator {@code poisson:rate=50/s,duration=60s}, read parameter by parameter. Every
 * refusal is an {@link InputException} of one line that quotes the spec, names the bad part and
 * lists the valid parameters.
 */
public final class SpecParams {

    /** Durations stay below 2^52 microseconds (142 years), inside the exact range of a Lua double. */
    private static final long MAX_SECONDS = (1L << 53) / 1_000_000 / 2;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final String kind;
    private final String spec;
    private final String algorithm;
    private final List<String> valid;
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param kind what the spec describes, in messages ("policy", "generator")
     * @param spec the whole spec, quoted in messages
     * @param algorithm the part before the colon
     * @param body the part after it
     * @param valid the parameters {@code algorithm} accepts
     */
    public SpecParams(String kind, String spec, String algorithm, String body, List<String> valid) {
        this.kind = kind;
        this.spec = spec;
        this.algorithm = algorithm;
        this.valid = valid;
        if (body.isEmpty()) {
            return;
        }
        for (String part : body.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw error("empty parameter (a stray comma?)");
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).strip();
            String value = eq < 0 ? null : p.substring(eq + 1).strip();
            if (!valid.contains(key)) {
                throw error("unknown parameter '" + key + "'" + DidYouMean.suffix(key, valid));
            }
            if (values.containsKey(key)) {
                throw error("parameter '" + key + "' given twice");
            }
            if (value != null && value.isEmpty()) {
                throw error("parameter '" + key + "' has no value");
            }
            values.put(key, value);
        }
    }

    /** Returns the error for this spec: {@code <kind> '<spec>': <what> (<algorithm> parameters: ...)}. */
    public InputException error(String what) {
        return new InputException(kind + " '" + spec + "': " + what + " (" + algorithm + " parameters: "
                + String.join(", ", valid) + ")");
    }

    /** Returns whether {@code key} was given. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Returns the whole number {@code key}, {@code min} to {@code max}; {@code fallback} when absent, or required when it is null. */
    public long whole(String key, Long fallback, long min, long max) {
        String v = value(key, fallback == null);
        if (v == null) {
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw error(key + " '" + v + "' must be a whole number, " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw error(key + " '" + v + "' must be a whole number, " + min + " to " + max);
        }
        return n;
    }

    /** Returns the required rate {@code key}, e.g. {@code 100/s}, with at least {@code min} events per period. */
    public Rates.Rate rate(String key, long min) {
        String v = value(key, true);
        Rates.Rate r;
        try {
            r = Rates.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(key + ": " + e.getMessage());
        }
        if (r.amount() < min) {
            throw error(key + " '" + v + "' must be " + min + " to " + Rates.MAX_AMOUNT + " per unit");
        }
        return r;
    }

    /**
     * Returns the required rate {@code key} as nginx's {@code limit_req_zone rate=} reads it
     * ({@code 10r/s}, {@code 1r/m}, a bare {@code 10} for 10r/s; our {@code 10/s} too), with at least
     * {@code min} events per period.
     */
    public Rates.Rate nginxRate(String key, long min) {
        String v = value(key, true);
        try {
            Rates.parseNginx(v);
        } catch (IllegalArgumentException e) {
            throw error(key + ": " + e.getMessage());
        }
        Rates.Rate r = Rates.parse(v.chars().allMatch(Character::isDigit) ? v + "r/s" : v);
        if (r.amount() < min) {
            throw error(key + " '" + v + "' must be " + min + " to " + Rates.MAX_AMOUNT + " per unit");
        }
        return r;
    }

    /** Returns the required duration {@code key} in whole microseconds, more than zero. */
    public long durationMicros(String key) {
        String v = value(key, true);
        Duration d;
        try {
            d = Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw error(key + ": " + e.getMessage());
        }
        if (d.isZero() || d.getNano() % 1000 != 0 || d.getSeconds() >= MAX_SECONDS) {
            throw error(key + " '" + v + "' must be more than zero, in whole microseconds, and below 142 years");
        }
        return d.getSeconds() * 1_000_000 + d.getNano() / 1000;
    }

    /** Returns the duration {@code key} in whole microseconds, more than zero; {@code fallback} when absent. */
    public long durationMicros(String key, long fallback) {
        return has(key) ? durationMicros(key) : fallback;
    }

    /** Returns the decimal number {@code key}, {@code min} to {@code max}; {@code fallback} when absent. */
    public double decimal(String key, double fallback, double min, double max) {
        String v = value(key, false);
        if (v == null) {
            return fallback;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            d = Double.NaN;
        }
        if (!(d >= min && d <= max)) {
            throw error(key + " '" + v + "' must be a number, " + min + " to " + max);
        }
        return d;
    }

    /** Returns the boolean {@code key} ({@code true} or {@code false}), {@code fallback} when absent. */
    public boolean bool(String key, boolean fallback) {
        String v = value(key, false);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw error(key + " '" + v + "' must be true or false");
        }
        return v.equals("true");
    }

    /** Returns whether the bare word {@code key} (a flag such as {@code nodelay}) was given. */
    public boolean flag(String key) {
        if (!values.containsKey(key)) {
            return false;
        }
        if (values.get(key) != null) {
            throw error(key + " takes no value");
        }
        return true;
    }

    /** Returns {@code key}, one of {@code options}; the first option when absent. */
    public String choice(String key, List<String> options) {
        String v = value(key, false);
        if (v == null) {
            return options.get(0);
        }
        if (!options.contains(v)) {
            throw error(key + " '" + v + "' must be one of " + String.join(", ", options));
        }
        return v;
    }

    /** Returns the policy's name for headers ({@code name=}), by default the algorithm's name. */
    public String name() {
        String v = value("name", false);
        if (v == null) {
            return algorithm;
        }
        if (!NAME.matcher(v).matches()) {
            throw error("name '" + v + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        return v;
    }

    private String value(String key, boolean required) {
        if (!values.containsKey(key)) {
            if (required) {
                throw error("missing parameter '" + key + "'");
            }
            return null;
        }
        String v = values.get(key);
        if (v == null) {
            throw error("parameter '" + key + "' needs a value (" + key + "=...)");
        }
        return v;
    }
}
