package dev.apitool.core.idempotency.replay;

import dev.apitool.core.idempotency.Profile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What {@code idempotency replay} found.
 *
 * @param method the method of the call probed
 * @param url the URL probed (without credentials)
 * @param profile whose rules were expected
 * @param story the basic sequence in words ({@code First call: executed handler}, …)
 * @param rules every rule's result, in the order checked
 * @param marksReplays whether the API marked any response with {@code Idempotent-Replayed: true}
 * @param calls how many HTTP calls were made
 * @param startedAt when the run started (wall clock)
 * @param duration how long it took
 */
public record ReplayReport(String method, String url, Profile profile, List<String> story, List<RuleResult> rules,
        boolean marksReplays, int calls, Instant startedAt, Duration duration) {

    public ReplayReport {
        story = List.copyOf(story);
        rules = List.copyOf(rules);
    }

    /** Returns whether a required rule failed. */
    public boolean failed() {
        return rules.stream().anyMatch(RuleResult::fails);
    }

    /** Returns how many results have {@code verdict}. */
    public long count(Verdict verdict) {
        return rules.stream().filter(r -> r.verdict() == verdict).count();
    }
}
