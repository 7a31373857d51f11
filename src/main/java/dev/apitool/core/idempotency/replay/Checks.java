package dev.apitool.core.idempotency.replay;

import dev.apitool.core.idempotency.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Judges one call's exchanges against each {@link Rule}. From outside, a response is
 * <em>replayed</em> when it carries {@code Idempotent-Replayed: true}; <em>executed</em> when it does
 * not while the API marks its replays elsewhere in the run, or when it differs from the key's first
 * response (a new id, a new timestamp); and <em>unknown</em> when it is identical and unmarked, which
 * makes a rule inconclusive rather than guessed.
 */
final class Checks {

    enum Kind { EXECUTED, REPLAYED, UNKNOWN, CONFLICT, NO_RESPONSE }

    private final Profile profile;
    private final String subject;
    private final ReplayOptions options;
    private boolean marks;

    Checks(Profile profile, String subject, ReplayOptions options) {
        this.profile = profile;
        this.subject = subject;
        this.options = options;
    }

    void judge(ReplayProbe.Probes p, List<RuleResult> out, List<String> story) {
        marks = Stream.of(p.sequential, p.concurrent, p.otherForm, p.inFlight, p.fresh == null ? null : List.of(p.fresh))
                .filter(l -> l != null).flatMap(List::stream).anyMatch(Exchange::markedReplay);
        Exchange first = p.sequential.get(0);
        RuleResult sequential = sequential(Rule.SEQUENTIAL, p.sequential, true);
        out.add(sequential);
        storySequential(p.sequential, story);
        out.add(errorReplayed(p.sequential));
        if (options.recorded()) {
            return;
        }
        out.add(marked(p.sequential));
        out.add(fresh(p.fresh, first, story));
        out.add(concurrent(p.concurrent));
        out.add(mismatch(p.otherBody));
        out.add(inFlight(p.inFlight));
        out.add(missing(p.noKey));
        out.add(tooLong(p.tooLong));
        RuleResult otherForm = sequential(profile == Profile.IETF ? Rule.BARE : Rule.QUOTED, p.otherForm, false);
        RuleResult ownForm = new RuleResult(profile == Profile.IETF ? Rule.QUOTED : Rule.BARE, subject, true,
                sequential.verdict(), "as " + Rule.SEQUENTIAL.id() + ", which sends the key this way", List.of());
        out.add(profile == Profile.IETF ? ownForm : otherForm);
        out.add(profile == Profile.IETF ? otherForm : ownForm);
        out.add(ttl(p.afterTtl, first, story));
    }

    /** Returns whether any response judged carried {@code Idempotent-Replayed: true} (after {@link #judge}). */
    boolean marksReplays() {
        return marks;
    }

    Kind classify(Exchange e, Exchange reference) {
        if (e.error() != null) {
            return Kind.NO_RESPONSE;
        }
        if (e.status() == 409) {
            return Kind.CONFLICT;
        }
        if (e.markedReplay()) {
            return Kind.REPLAYED;
        }
        if (marks || e.replayed() != null || !e.sameAs(reference)) {
            return Kind.EXECUTED;
        }
        return Kind.UNKNOWN;
    }

    private RuleResult result(Rule rule, boolean required, Verdict verdict, String summary, List<Exchange> evidence) {
        return new RuleResult(rule, subject, required, verdict, summary, evidence.stream().map(Exchange::describe).toList());
    }

    private RuleResult sequential(Rule rule, List<Exchange> calls, boolean required) {
        Exchange first = calls.get(0);
        int executed = 0;
        int unknown = 0;
        List<String> problems = new ArrayList<>();
        for (Exchange e : calls.subList(1, calls.size())) {
            Kind k = classify(e, first);
            switch (k) {
                case EXECUTED -> executed++;
                case UNKNOWN -> unknown++;
                case REPLAYED -> {
                    if (!e.sameAs(first)) {
                        problems.add(e.label() + " is marked replayed but differs from #1");
                    }
                }
                case CONFLICT -> problems.add(e.label() + " got 409 after #1 had finished");
                case NO_RESPONSE -> problems.add(e.label() + " got no response");
                default -> { }
            }
        }
        if (first.error() != null) {
            return result(rule, required, Verdict.FAIL, "the first call got no response", calls);
        }
        if (executed > 0) {
            return result(rule, required, Verdict.FAIL, "the handler ran " + (executed + 1) + " times for one key: "
                    + executed + " of " + (calls.size() - 1) + " repeats " + (marks ? "were not marked as replays" : "differ from #1"), calls);
        }
        if (!problems.isEmpty()) {
            return result(rule, required, Verdict.FAIL, String.join("; ", problems), calls);
        }
        if (unknown > 0) {
            return result(rule, required, Verdict.INCONCLUSIVE, "every repeat is identical to #1 and none is marked: a replay and a"
                    + " handler that answers alike look the same", calls);
        }
        return result(rule, required, Verdict.PASS, "#1 ran; " + (calls.size() - 1) + (calls.size() == 2 ? " repeat" : " repeats")
                + " got the stored response", calls);
    }

    private void storySequential(List<Exchange> calls, List<String> story) {
        Exchange first = calls.get(0);
        story.add("First call: " + (first.markedReplay() ? "returned cached result (the key was used before)" : "executed handler"));
        story.add("Second call (same key): " + words(classify(calls.get(1), first)));
    }

    private static String words(Kind k) {
        return switch (k) {
            case EXECUTED -> "executed handler";
            case REPLAYED -> "returned cached result";
            case CONFLICT -> "refused with 409 (in flight)";
            case NO_RESPONSE -> "no response";
            default -> "cannot tell (identical response, not marked as a replay)";
        };
    }

    private RuleResult marked(List<Exchange> calls) {
        List<Exchange> repeats = calls.subList(1, calls.size());
        long markedCount = repeats.stream().filter(Exchange::markedReplay).count();
        if (markedCount == repeats.size()) {
            return result(Rule.MARKED, false, Verdict.PASS, "every repeat carries Idempotent-Replayed: true", List.of(calls.get(1)));
        }
        if (!marks) {
            return result(Rule.MARKED, false, Verdict.FAIL, "no response carries Idempotent-Replayed: true, so replays can only be"
                    + " told from differing bodies", List.of(calls.get(1)));
        }
        return result(Rule.MARKED, false, Verdict.NOT_APPLICABLE, "the repeats were not replays (see " + Rule.SEQUENTIAL.id() + ")",
                List.of());
    }

    private RuleResult errorReplayed(List<Exchange> calls) {
        Exchange first = calls.get(0);
        if (first.status() < 400) {
            return result(Rule.ERROR_REPLAYED, true, Verdict.NOT_APPLICABLE, "the first call got " + first.status()
                    + "; point at a route that fails to check this", List.of());
        }
        for (Exchange e : calls.subList(1, calls.size())) {
            if (!e.sameAs(first)) {
                return result(Rule.ERROR_REPLAYED, true, Verdict.FAIL, "the first call failed with " + first.status() + " but "
                        + e.label() + " got " + (e.error() != null ? "no response" : e.status()) + ": the failure was not replayed", calls);
            }
        }
        return result(Rule.ERROR_REPLAYED, true, Verdict.PASS, "the " + first.status() + " of #1 was replayed as stored", calls);
    }

    private RuleResult fresh(Exchange fresh, Exchange first, List<String> story) {
        Kind k = classify(fresh, first);
        story.add("Different key: " + words(k));
        return switch (k) {
            case EXECUTED -> result(Rule.FRESH_KEY, true, Verdict.PASS, "a new key ran the handler", List.of(first, fresh));
            case UNKNOWN -> result(Rule.FRESH_KEY, true, Verdict.INCONCLUSIVE, "the new key's response is identical to the first"
                    + " key's and unmarked", List.of(first, fresh));
            default -> result(Rule.FRESH_KEY, true, Verdict.FAIL, "a new key got " + words(k), List.of(first, fresh));
        };
    }

    private RuleResult concurrent(List<Exchange> calls) {
        List<Exchange> answered = calls.stream().filter(e -> e.error() == null && e.status() != 409).toList();
        long conflicts = calls.stream().filter(e -> e.error() == null && e.status() == 409).count();
        long failed = calls.stream().filter(e -> e.error() != null).count();
        List<Exchange> executed = answered.stream().filter(e -> !e.markedReplay()).toList();
        List<Exchange> replays = answered.stream().filter(Exchange::markedReplay).toList();
        String counts = calls.size() + " at once: " + (marks ? executed.size() + " ran, " + replays.size() + " replayed, "
                : answered.size() + " answered, ") + conflicts + " refused with 409" + (failed > 0 ? ", " + failed + " no response" : "");
        List<List<Exchange>> groups = new ArrayList<>();
        for (Exchange e : answered) {
            groups.stream().filter(g -> g.get(0).sameAs(e)).findFirst().ifPresentOrElse(g -> g.add(e),
                    () -> groups.add(new ArrayList<>(List.of(e))));
        }
        List<Exchange> shown = groups.stream().map(g -> g.get(0)).limit(6).toList();
        if (failed > 0) {
            return result(Rule.CONCURRENT, true, Verdict.FAIL, counts, calls.stream().filter(e -> e.error() != null).limit(3).toList());
        }
        if (groups.size() > 1 || (marks && executed.size() > 1)) {
            return result(Rule.CONCURRENT, true, Verdict.FAIL, counts + "; " + groups.size() + " different responses: the handler ran"
                    + " more than once", shown);
        }
        if (answered.isEmpty()) {
            return result(Rule.CONCURRENT, true, Verdict.FAIL, counts + ": none ran", calls.subList(0, 1));
        }
        if (marks || answered.size() == 1) {
            return result(Rule.CONCURRENT, true, Verdict.PASS, counts + "; one response body", shown);
        }
        return result(Rule.CONCURRENT, true, Verdict.INCONCLUSIVE, counts + "; identical and unmarked responses", shown);
    }

    private RuleResult mismatch(Exchange e) {
        if (e == null) {
            return result(Rule.MISMATCH, true, Verdict.NOT_APPLICABLE, "the call has no body to vary; give --body", List.of());
        }
        int expected = profile.status(Profile.Refusal.MISMATCH);
        if (e.status() == expected) {
            return result(Rule.MISMATCH, true, Verdict.PASS, "refused with " + expected, List.of(e));
        }
        String got = e.error() != null ? "no response" : e.markedReplay() ? e.status() + ", the first body's stored response"
                : Integer.toString(e.status());
        return result(Rule.MISMATCH, true, Verdict.FAIL, "got " + got + " (expected " + expected + ")", List.of(e));
    }

    private RuleResult inFlight(List<Exchange> pair) {
        Exchange a = pair.get(0);
        Exchange b = pair.get(1);
        if (a.status() == 409 || b.status() == 409) {
            return result(Rule.IN_FLIGHT, true, Verdict.PASS, "the call that came second was refused with 409", pair);
        }
        if (b.sentNanos() >= a.answeredNanos() || a.sentNanos() >= b.answeredNanos()) {
            return result(Rule.IN_FLIGHT, true, Verdict.INCONCLUSIVE, "the calls did not overlap", pair);
        }
        Kind k = classify(b, a);
        Kind ka = classify(a, b);
        if (k == Kind.REPLAYED || ka == Kind.REPLAYED) {
            return result(Rule.IN_FLIGHT, true, Verdict.PASS, "the second call got the first one's stored response (it finished"
                    + " first; give --slow-url a route slower than a round trip to see 409)", pair);
        }
        if (k == Kind.EXECUTED && ka == Kind.EXECUTED) {
            return result(Rule.IN_FLIGHT, true, Verdict.FAIL, "two calls with one key both ran (expected 409 for the second)", pair);
        }
        return result(Rule.IN_FLIGHT, true, Verdict.INCONCLUSIVE, "identical, unmarked responses; no 409", pair);
    }

    private RuleResult missing(Exchange e) {
        if (e.status() == 400) {
            return result(Rule.MISSING, false, Verdict.PASS, "refused with 400: the API requires a key", List.of(e));
        }
        if (e.status() >= 200 && e.status() < 300 && !e.markedReplay()) {
            return result(Rule.MISSING, false, Verdict.PASS, "ran without a key: the key is optional", List.of(e));
        }
        return result(Rule.MISSING, false, Verdict.FAIL, "got " + (e.error() != null ? "no response" : e.status())
                + " (expected 400, or a run)", List.of(e));
    }

    private RuleResult tooLong(Exchange e) {
        String what = "a " + (options.maxKeyLength() + 1) + "-character key";
        if (e.status() == 400) {
            return result(Rule.TOO_LONG, false, Verdict.PASS, what + " was refused with 400", List.of(e));
        }
        return result(Rule.TOO_LONG, false, Verdict.FAIL, what + " got " + (e.error() != null ? "no response" : e.status())
                + " (expected 400; --max-key-length sets the limit checked)", List.of(e));
    }

    private RuleResult ttl(Exchange e, Exchange first, List<String> story) {
        if (e == null) {
            return result(Rule.TTL, true, Verdict.NOT_APPLICABLE, "give --ttl with the API's TTL to check expiry", List.of());
        }
        Kind k = classify(e, first);
        story.add("After TTL: " + (k == Kind.EXECUTED ? "executed handler (cache expired)" : words(k)));
        return switch (k) {
            case EXECUTED -> result(Rule.TTL, true, Verdict.PASS, "the key ran again after the TTL", List.of(first, e));
            case UNKNOWN -> result(Rule.TTL, true, Verdict.INCONCLUSIVE, "identical to the first response and unmarked",
                    List.of(first, e));
            default -> result(Rule.TTL, true, Verdict.FAIL, "after the TTL the key " + words(k), List.of(first, e));
        };
    }
}
