package dev.apitool.core.traffic;

import dev.apitool.core.io.InputException;
import dev.apitool.core.spec.SpecParams;
import dev.apitool.core.time.Rates;
import java.util.List;

/**
 * Parses generator specs: {@code constant:rate=50/s,duration=60s}, {@code poisson:rate=50/s,duration=60s},
 * {@code burst:size=20,every=10s,duration=60s}, each with {@code keys=N} (default 1),
 * {@code dist=uniform|zipf} and {@code s=} (the Zipf exponent, default 1), {@code seed=} (default 1),
 * {@code cost=} (default 1) and {@code dur=} (how long each request runs, default 0).
 */
public final class Generators {

    private static final List<String> COMMON = List.of("duration", "keys", "dist", "s", "seed", "cost", "dur");
    private static final List<String> RATED = concat("rate");
    private static final List<String> BURST = concat("size", "every");

    /** The most requests a generator may produce unless a larger limit is asked for ({@code --max-events}). */
    public static final long DEFAULT_MAX_EVENTS = 10_000_000;

    private Generators() {}

    /** Returns the generator {@code spec} describes, at most {@link #DEFAULT_MAX_EVENTS} requests. */
    public static Generator parse(String spec) {
        return parse(spec, DEFAULT_MAX_EVENTS);
    }

    /**
     * Returns the generator {@code spec} describes; one that would produce more than
     * {@code maxEvents} requests (about {@code rate × duration}) is refused before anything is made.
     */
    public static Generator parse(String spec, long maxEvents) {
        if (maxEvents < 1) {
            throw new InputException("--max-events " + maxEvents + " is out of range, expected 1 to " + Long.MAX_VALUE);
        }
        String s = spec == null ? "" : spec.strip();
        int colon = s.indexOf(':');
        String shapeName = colon < 0 ? s : s.substring(0, colon).strip();
        String body = colon < 0 ? "" : s.substring(colon + 1).strip();
        Generator.Shape shape;
        List<String> valid;
        switch (shapeName) {
            case "constant": shape = Generator.Shape.CONSTANT; valid = RATED; break;
            case "poisson": shape = Generator.Shape.POISSON; valid = RATED; break;
            case "burst": shape = Generator.Shape.BURST; valid = BURST; break;
            default:
                throw new InputException("generator '" + s + "': unknown shape '" + shapeName
                        + "' (expected constant, poisson or burst, e.g. poisson:rate=50/s,duration=60s)");
        }
        SpecParams p = new SpecParams("generator", s, shapeName, body, valid);
        long amount;
        long period;
        if (shape == Generator.Shape.BURST) {
            amount = p.whole("size", null, 1, 1_000_000_000);
            period = p.durationMicros("every");
        } else {
            Rates.Rate rate = p.rate("rate", 1);
            amount = rate.amount();
            period = rate.periodMicros();
        }
        long duration = p.durationMicros("duration");
        int keys = (int) p.whole("keys", 1L, 1, 10_000_000);
        double zipf = p.choice("dist", List.of("uniform", "zipf")).equals("zipf") ? p.decimal("s", 1.0, 0.01, 10) : 0;
        if (zipf == 0 && p.has("s")) {
            throw p.error("s is the Zipf exponent: it needs dist=zipf");
        }
        long seed = p.whole("seed", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
        long cost = p.whole("cost", 1L, 0, 1_000_000_000);
        long dur = p.durationMicros("dur", 0);
        double events = (double) amount * ((double) duration / period + (shape == Generator.Shape.BURST ? 1 : 0));
        if (events > maxEvents) {
            throw new InputException(String.format(java.util.Locale.ROOT, "generator '%s': about %.0f requests, more than the limit of %d"
                    + " (expected a shorter duration or a lower rate; --max-events raises the limit)", s, events, maxEvents));
        }
        return new Generator(new Generator.Settings(s, shape, amount, period, duration, keys, zipf, seed, cost, dur));
    }

    private static List<String> concat(String... first) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(COMMON);
        return List.copyOf(all);
    }
}
